import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The repository stands on its own: a person who clones it has only what is in it. */
const readme = readFileSync('README.md', 'utf8');
const architecture = existsSync('ARCHITECTURE.md') ? readFileSync('ARCHITECTURE.md', 'utf8') : '';

describe('project documents', () => {
  it('the README links to ARCHITECTURE.md, which exists', () => {
    expect(readme).toMatch(/\]\(ARCHITECTURE\.md\)/);
    expect(architecture.length).toBeGreaterThan(0);
  });

  it('neither sends a reader outside the repository', () => {
    for (const [name, text] of [['README.md', readme], ['ARCHITECTURE.md', architecture]] as const) {
      expect({ name, outside: text.match(/\.\.\/shared|shared\/(DESIGN|REFERENCE)\.md/g) }).toEqual({ name, outside: null });
    }
  });

  it('ARCHITECTURE.md maps every source folder', () => {
    for (const folder of readdirSync('src')) expect(architecture).toContain(`src/${folder}`);
  });

  it('every source path ARCHITECTURE.md names exists', () => {
    // Paths written relative to src/ (`help/help.service.ts`) or from the root (`src/core/…`).
    const named = [...architecture.matchAll(/`((?:src\/|tests\/|kiosk-config\/)?[a-z-]+(?:\/[\w.-]+)+\.(?:ts|tsx|json))`/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(10);
    const missing = named.filter((p) => !['', 'src/', 'src/server/', 'src/core/', 'src/kiosk/', 'src/staff/', 'src/extension/', 'tests/'].some((base) => existsSync(base + p)) && !p.includes('<'));
    expect(missing).toEqual([]);
  });
});
