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

describe('languages come from the table', () => {
  // French is the source language and may be named; every other language is a row of the table
  // in src/core/i18n/languages.ts, so adding one is adding a row and a locale folder.
  const others = ['en', 'ar', 'uk', 'fa', 'ps', 'ru', 'ti'].join('|');
  const compares = new RegExp(`(===|!==)\\s*['"](${others})['"]|['"](${others})['"]\\s*(===|!==)`);
  const importsByName = new RegExp(`locales/(${others})/`);

  it('no module special-cases a language other than the source', () => {
    const found = sourceFiles('src')
      .filter((f) => !f.endsWith(join('core', 'i18n', 'languages.ts')))
      .flatMap((f) => readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (compares.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [])));
    expect(found).toEqual([]);
  });

  it('no module imports a language file by name', () => {
    expect(sourceFiles('src').flatMap((f) => imports(f).filter((i) => importsByName.test(i.spec)).map((i) => `${f} imports ${i.spec}`))).toEqual([]);
  });
});

describe('tests', () => {
  // A skipped test passes a CI without running: a test that cannot run where it is listed belongs
  // in the project that can run it (vitest.config.ts), and a missing tool fails the test by name.
  it('are never skipped, focused or left to do', () => {
    const pattern = /\b(describe|it|test)\.(skip|only|todo|runIf|skipIf)\b|\b(ctx|context)\.skip\(/;
    const found = sourceFiles('tests').flatMap((f) =>
      f.endsWith(join('unit', 'architecture.test.ts')) ? [] : readFileSync(f, 'utf8').split('\n').flatMap((line, i) => (pattern.test(line) ? [`${f}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });
});
