import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SlotView, WeekSlotsView } from '../../src/core/agenda/booking';
import { build } from '../../src/server/app';
import { listStaffActions } from '../../src/server/audit/staff-audit';
import { loadGuides } from '../../src/server/config/guide-loader';
import { loadSites } from '../../src/server/config/site-loader';
import { seedDemo } from '../../src/server/seed/demo';
import { migrate, openSqlite, type Store } from '../../src/server/store/db';
import { callHelp, onDuty, staffAction } from '../support/help';
import { openNamedPgTestStore } from '../support/pg';
import { kioskAuth, staffCookie, testPasswordHash, type TestServer } from '../support/server';
import { openSse } from '../support/sse';
import { pgAdminUrl } from '../support/store';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/**
 * `npm run db:copy -- --to postgres://…` (issue 11): a SQLite install with help calls, bookings,
 * the audit, events, staff and kiosks moves to PostgreSQL; a server on the copy serves the same
 * data. Needs the run's PostgreSQL cluster, so it runs in the integration-pg project.
 */
const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');

async function copyCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  // The source is always given with --from: the default (DATABASE_URL, else ./data/borne.sqlite) is not the test's.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  void _ignored;
  return run(TSX, ['src/server/store/copy-cli.ts', ...args], { env, timeout: 90_000 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

const sites = loadSites('kiosk-config');
const guides = loadGuides('kiosk-config', sites).guides;

/** A Borne app on `store`, as `npm run serve` builds it. */
async function serverOn(store: Store, dir: string, kioskTokens: Map<string, string>): Promise<TestServer> {
  await migrate(store);
  const app = await build({ store, sites, guides, sweepIntervalMs: 0 });
  return { app, store, dir, dbFile: '', sites: app.borne.config.sites, kioskTokens, close: async () => (await app.close(), await store.close()) };
}

describe('npm run db:copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'borne-copy-'));
  const file = join(dir, 'borne.sqlite');
  const target = `borne_copy_${process.pid}`;
  let url = '';
  let kioskTokens = new Map<string, string>();
  const before: { calls: string[]; bookings: string[]; audit: number; lastEventId: number } = { calls: [], bookings: [], audit: 0, lastEventId: 0 };

  beforeAll(async () => {
    // The SQLite install: the demo, help calls (one open, one resolved), a booking, sign-ins (the audit) and their events.
    const source = await serverOn(openSqlite(file), dir, kioskTokens);
    kioskTokens = (await seedDemo(source.store.db, source.sites, new Date(), testPasswordHash)).kioskTokens;
    source.kioskTokens = kioskTokens;
    const staff = await onDuty(source, 'chatillon');
    const done = (await callHelp(source, 'chatillon-1')).call;
    expect((await staffAction(source, staff, done.id, 'claim')).statusCode).toBe(200);
    expect((await staffAction(source, staff, done.id, 'resolve')).statusCode).toBe(200);
    const open = (await callHelp(source, 'chatillon-2')).call;
    before.calls = [done.id, open.id].sort();
    const week = (await source.app.inject({ method: 'GET', url: '/api/kiosk/agenda/slots?motifId=chatillon-accueil-social', headers: kioskAuth(source, 'chatillon-3') })).json<WeekSlotsView>();
    const slot: SlotView = week.days.flatMap((d) => d.slots)[0]!;
    const booked = await source.app.inject({
      method: 'POST',
      url: '/api/kiosk/appointments',
      headers: kioskAuth(source, 'chatillon-3'),
      payload: { motifId: 'chatillon-accueil-social', referentId: slot.referentId, start: slot.start, language: 'fr', contact: { name: 'Awa Traoré', phone: '06 12 34 56 78' } },
    });
    expect(booked.statusCode, booked.body).toBe(201);
    before.bookings = (await source.store.db.selectFrom('appointments').select('id').where('status', '=', 'booked').execute()).map((r) => r.id).sort();
    before.audit = (await listStaffActions(source.store.db)).length;
    before.lastEventId = Number((await source.store.db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirstOrThrow()).max);
    expect(before.lastEventId).toBeGreaterThan(0);
    await source.close();
    // The target: a new, empty database (not even migrated), as `createdb borne` leaves it.
    const empty = await openNamedPgTestStore(pgAdminUrl(), target, { migrated: false });
    url = empty.url;
    await empty.close();
  });
  afterAll(async () => {
    const store = await openNamedPgTestStore(pgAdminUrl(), target, { migrated: false });
    await store.close();
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table, says the counts, and never prints the password', async () => {
    const result = await copyCli(['--from', `sqlite:${file}`, '--to', url]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\n {2}help_calls +2\n/);
    expect(result.stdout).toMatch(/\n {2}appointments +\d+\n/);
    expect(result.stdout).toMatch(/\n {2}staff_audit +\d+\n/);
    expect(result.stdout).toContain(`Next events.id: ${before.lastEventId + 1}`);
    expect(result.stdout).toContain("every table's count matches");
    expect(result.stdout).not.toContain(new URL(url).password);
  });

  it('refuses a target that already holds data, and writes nothing', async () => {
    const again = await copyCli(['--from', `sqlite:${file}`, '--to', url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('the target already holds data');
    expect(again.stderr).not.toMatch(/\n\s+at /);
    expect(again.stderr + again.stdout).not.toContain(new URL(url).password);
  });

  it('gives a server on the copy the same data: a sign-in, the calls, the booking, the audit; event ids continue', async () => {
    const store = await openNamedPgTestStore(pgAdminUrl(), target);
    const server = await serverOn(store, dir, kioskTokens);
    try {
      expect(await staffCookie(server.app, 'mediateur')).toMatchObject({ cookie: expect.any(String) });
      const calls = await store.db.selectFrom('help_calls').select('id').execute();
      expect(calls.map((c) => c.id).sort()).toEqual(before.calls);
      const bookings = await store.db.selectFrom('appointments').select('id').where('status', '=', 'booked').execute();
      expect(bookings.map((b) => b.id).sort()).toEqual(before.bookings);
      // The kiosk's token still opens it, and its usager finds their dossier.
      const identified = await server.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(server, 'chatillon-1'), payload: { dossierNumber: '10000001', birthDate: '1985-03-14' } });
      expect(identified.statusCode, identified.body).toBe(201);
      const dossier = await server.app.inject({ method: 'GET', url: '/api/kiosk/dossier', headers: { ...kioskAuth(server, 'chatillon-1'), 'x-usager-session': identified.json<{ token: string }>().token } });
      expect(dossier.statusCode, dossier.body).toBe(200);
      // Every audit line came over (and the sign-in above added its own).
      expect((await listStaffActions(store.db)).length).toBeGreaterThan(before.audit);

      // A console that last saw the SQLite install's last event resumes on the copy: a snapshot, then newer ids.
      const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
      const staff = await onDuty(server, 'chatillon');
      const console1 = await openSse(`${base}/api/staff/sites/chatillon/stream`, { ...staff, 'last-event-id': String(before.lastEventId) });
      const snapshot = await console1.next();
      expect(snapshot.type).toBe('snapshot');
      expect(snapshot.id!).toBeGreaterThan(before.lastEventId);
      const { call } = await callHelp(server, 'chatillon-3');
      const live = await console1.next((m) => m.type === 'call' && m.data.call.id === call.id);
      expect(live.id!).toBeGreaterThan(snapshot.id!);
      console1.close();
    } finally {
      server.app.server.closeAllConnections();
      await server.close();
    }
  });

  it('refuses bad arguments with the usage, exit code 2 and no stack trace', async () => {
    const cases: [string[], string][] = [
      [[], '--to is required'],
      [['--to', 'mysql://root:hunter2@db/borne'], '--to must be a postgres:// URL'],
      [['--to', url, '--from', 'postgres://a:hunter2@b/c'], '--from must be a sqlite: URL'],
      [['--to', url, '--from', `sqlite:${join(dir, 'nothing-here.sqlite')}`], 'There is no SQLite database at'],
      [['--to', url, '--colour'], "Unknown option '--colour'"],
    ];
    for (const [args, message] of cases) {
      const result = await copyCli(args);
      expect([result.code, result.stderr]).toEqual([2, expect.stringContaining(message)]);
      expect(result.stderr).toContain('Usage: npm run db:copy');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stderr).not.toContain('hunter2');
    }
  });
});
