import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/server-build';

/**
 * Production runs the compiled server (issue 11, « A supported runtime »): `npm run build`
 * compiles src/ to dist/, and `npm run serve` is `node dist/server/main.js`, with no TypeScript
 * loader. Built here into a folder of its own, laid out like the project (locales/, kiosk-config/
 * and package.json beside dist/, which the server reads), so no one else's dist/ is touched.
 */
const run = promisify(execFile);
let root: string;
/** Node's own TypeScript support (22.18+, 24) turned off, when this node has it: only JavaScript may run. */
const NO_TS = process.allowedNodeEnvironmentFlags.has('--no-experimental-strip-types') ? ['--no-experimental-strip-types'] : [];
/** The environment of a production start: no NODE_OPTIONS (a --import tsx there would be a loader). */
function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  return { ...env, ...extra };
}

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the compiled server', () => {
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'borne-compiled-'));
    for (const name of ['node_modules', 'locales', 'kiosk-config', 'package.json']) symlinkSync(resolve(name), join(root, name));
    await buildServer({ outDir: join(root, 'dist') });
    // Stand-ins for the front ends, which the server refuses to start without.
    for (const app of ['kiosk', 'staff']) {
      mkdirSync(join(root, 'dist', app), { recursive: true });
      writeFileSync(join(root, 'dist', app, 'index.html'), '<!doctype html><title>Borne</title>');
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is plain JavaScript: one module per source file, no import of a .ts file or of tsx', () => {
    const compiled = files(join(root, 'dist', 'server')).concat(files(join(root, 'dist', 'core')), files(join(root, 'dist', 'launcher')));
    expect(compiled.filter((file) => !/\.js(\.map)?$/.test(file))).toEqual([]);
    const specifiers = compiled.filter((file) => file.endsWith('.js')).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/^(?:import|export)\b[^;]*?\bfrom\s*"([^"]+)"|^import\s*"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)|\bcreateRequire\([^)]*\)\(\s*"([^"]+)"\s*\)/gm)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]!));
    expect(specifiers.length).toBeGreaterThan(100);
    expect(specifiers).toContain('@zxing/library');
    expect(specifiers.filter((s) => /\.tsx?$/.test(s) || /^tsx\b/.test(s))).toEqual([]);
    // What it imports at run time is Node's or a production dependency: `npm prune --omit=dev` keeps it working.
    const { dependencies } = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    const packageOf = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);
    const packages = new Set(specifiers.filter((s) => !s.startsWith('.') && !s.startsWith('node:')).map(packageOf));
    expect([...packages].filter((name) => !(name in dependencies))).toEqual([]);
    for (const cli of ['server/main.js', 'server/config/check-cli.js', 'server/config/config-cli.js', 'server/auth/staff-cli.js', 'server/courrier/courrier-cli.js', 'server/store/backup-cli.js', 'launcher/kiosk-cli.js']) {
      expect(compiled, cli).toContain(join(root, 'dist', cli));
    }
  });

  it('serves /healthz from node dist/server/main.js, with no TypeScript loader in the process', async () => {
    const child = spawn(process.execPath, [...NO_TS, 'dist/server/main.js'], { cwd: root, env: productionEnv({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: `sqlite:${join(root, 'data', 'borne.sqlite')}` }) });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const base = await new Promise<string>((resolveBase, reject) => {
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString();
          const match = /Borne is running at (\S+)/.exec(stdout);
          if (match) resolveBase(match[1]!);
        });
        child.on('exit', (code) => reject(new Error(`the compiled server exited ${code}: ${stderr}`)));
      });
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok' });
      // What runs is node on the compiled file, nothing preloaded.
      const cmdline = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(cmdline).toEqual([process.execPath, ...NO_TS, 'dist/server/main.js']);
      const environ = readFileSync(`/proc/${child.pid}/environ`, 'utf8').split('\0');
      expect(environ.filter((v) => v.startsWith('NODE_OPTIONS='))).toEqual([]);
      expect(stderr).toBe('');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('runs the production command-line tools compiled: config:check passes, a bad db:backup argument exits 2', async () => {
    const check = await run(process.execPath, [...NO_TS, 'dist/server/config/check-cli.js'], { cwd: root, env: productionEnv({}) });
    expect(check.stdout).toMatch(/\S/);
    const backup = await run(process.execPath, [...NO_TS, 'dist/server/store/backup-cli.js', '--nope'], { cwd: root, env: productionEnv({}) }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(backup.code).toBe(2);
    expect(backup.stderr).toContain('Usage: npm run db:backup');
  });
});
