import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listStaffActions } from '../../src/server/audit/staff-audit';
import { openSqlite } from '../../src/server/store/db';

/** `npm run config:import` / `config:export` (issue 10, « Configuration: one truth »), as real processes on a temp database. */
const TSX = join('node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'borne-config-cli-'));
const env = { ...process.env, DATABASE_URL: `sqlite:${join(dir, 'borne.sqlite')}` };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(args: string[], input?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(TSX, ['src/server/config/config-cli.ts', ...args], { env, timeout: 45_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input ?? '');
  });
}

async function stored(siteId: string): Promise<{ help: { escalationMinutes: number }; closedDays: string[]; version: number }> {
  const store = openSqlite(join(dir, 'borne.sqlite'));
  const row = await store.db.selectFrom('site_configs').select(['json', 'version']).where('id', '=', siteId).executeTakeFirstOrThrow();
  await store.close();
  return { ...JSON.parse(row.json), version: Number(row.version) };
}

function edit(path: string, change: (json: Record<string, any>) => void): void {
  const json = JSON.parse(readFileSync(path, 'utf8'));
  change(json);
  writeFileSync(path, `${JSON.stringify(json, null, 2)}\n`);
}

describe('config:import and config:export', { timeout: 120_000 }, () => {
  const files = join(dir, 'files');
  cpSync('kiosk-config', files, { recursive: true });

  it('imports a set, refuses an invalid set whole, shows the difference, asks, applies; export gives the same files back', async () => {
    const first = await cli(['import', '--config', files, '--yes']);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('+ new pôle chatillon');

    // One good change and two bad files: nothing at all is applied, every problem is listed.
    edit(join(files, 'sites', 'chatillon.json'), (s) => {
      s.help.escalationMinutes = 7;
      s.closedDays = ['2026-12-25'];
    });
    edit(join(files, 'sites', 'issy-les-moulineaux.json'), (s) => (s.idle.answerSeconds = 5));
    edit(join(files, 'guides', 'caf-rsa.json'), (g) => (g.startUrl = 'not a url'));
    const refused = await cli(['import', '--config', files, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('nothing was imported');
    expect(refused.stderr).toMatch(/issy-les-moulineaux\.json: idle\.answerSeconds: expected at least 20 seconds/);
    expect(refused.stderr).toMatch(/caf-rsa\.json: startUrl: /);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect((await stored('chatillon')).help.escalationMinutes).toBe(5);

    // Fixed: the difference is shown per pôle and field, and « no » changes nothing.
    edit(join(files, 'sites', 'issy-les-moulineaux.json'), (s) => (s.idle.answerSeconds = 30));
    cpSync(join('kiosk-config', 'guides', 'caf-rsa.json'), join(files, 'guides', 'caf-rsa.json'));
    const declined = await cli(['import', '--config', files], 'n\n');
    expect(declined.code).toBe(1);
    expect(declined.stdout).toContain('~ chatillon (Pôle social de Châtillon):');
    expect(declined.stdout).toContain('  help.escalationMinutes: 5 → 7');
    expect(declined.stdout).toContain('  closedDays: + "2026-12-25"');
    expect(declined.stdout).not.toContain('issy-les-moulineaux');
    expect(declined.stdout).toContain('Nothing was imported.');
    const before = await stored('chatillon');
    expect(before.help.escalationMinutes).toBe(5);

    const applied = await cli(['import', '--config', files], 'y\n');
    expect(applied.code, applied.stderr).toBe(0);
    const after = await stored('chatillon');
    expect(after).toMatchObject({ help: { escalationMinutes: 7 }, closedDays: ['2026-12-25'], version: before.version + 1 });
    const store = openSqlite(join(dir, 'borne.sqlite'));
    const [audit] = await listStaffActions(store.db, { action: 'config_import' });
    await store.close();
    expect(audit).toMatchObject({ staffId: null, siteId: 'chatillon', before: { 'help.escalationMinutes': 5, closedDays: [] }, after: { 'help.escalationMinutes': 7, closedDays: ['2026-12-25'] } });

    // Export over the files just imported: a round trip changes no byte.
    const input = new Map(['chatillon', 'issy-les-moulineaux', 'villeneuve-la-garenne'].map((id) => [id, readFileSync(join(files, 'sites', `${id}.json`), 'utf8')]));
    const exported = await cli(['export', '--config', files]);
    expect(exported.code, exported.stderr).toBe(0);
    for (const [id, text] of input) expect(readFileSync(join(files, 'sites', `${id}.json`), 'utf8')).toBe(text);
    expect(exported.stdout).not.toMatch(/updated|wrote/);
  });

  it('bad arguments: a clear message and exit 2, no stack trace', async () => {
    const bad = await cli(['import', '--colour']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--colour'");
    expect(bad.stderr).toContain('Usage:');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect((await cli(['frobnicate'])).code).toBe(2);
  });
});
