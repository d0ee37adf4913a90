import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The folder rules of ARCHITECTURE.md, checked on every import of every source file. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

function imports(file: string): { spec: string; target: string }[] {
  const text = readFileSync(file, 'utf8');
  // `… from 'x'`, side-effect `import 'x'`, and dynamic `import('x')`.
  return [...text.matchAll(/(?:import|export)[^'";]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => {
    const spec = (m[1] ?? m[2] ?? m[3])!;
    return { spec, target: spec.startsWith('.') ? relative('.', resolve(dirname(file), spec)) : spec };
  });
}

function violations(folder: string, forbidden: (target: string) => boolean): string[] {
  return sourceFiles(folder).flatMap((file) => imports(file).filter((i) => forbidden(i.target)).map((i) => `${file} imports ${i.spec}`));
}

describe('folder rules', () => {
  it('src/core imports nothing from the other folders, and no Node or DOM library', () => {
    expect(violations('src/core', (t) => (t.startsWith('src/') && !t.startsWith('src/core')) || t.startsWith('node:') || t.startsWith('preact'))).toEqual([]);
  });

  it('browser code never imports the server', () => {
    for (const folder of ['src/kiosk', 'src/staff', 'src/web']) {
      expect(violations(folder, (t) => t.startsWith('src/server') || t.startsWith('node:') || ['fastify', 'kysely', 'better-sqlite3'].includes(t))).toEqual([]);
    }
  });

  it('the server never imports Preact or browser code', () => {
    expect(violations('src/server', (t) => t.startsWith('preact') || t.startsWith('@preact') || /^src\/(kiosk|staff)/.test(t))).toEqual([]);
  });
});
