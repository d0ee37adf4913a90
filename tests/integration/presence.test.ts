import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskStatus } from '../../src/core/realtime/events';
import { callHelp, kioskView, storedCalls } from '../support/help';
import { fixedClock, kioskAuth, startTestServer, type TestServer } from '../support/server';
import { openSse, type SseClient } from '../support/sse';
import { testDialect } from '../support/store';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

const SECOND = 1000;
const MINUTE = 60 * SECOND;

let server: TestServer;
let clock: ReturnType<typeof fixedClock>;
const streams: SseClient[] = [];

beforeEach(async () => {
  clock = fixedClock();
  server = await startTestServer({ clock });
});
afterEach(async () => {
  for (const s of streams.splice(0)) s.close();
  server?.app.server.closeAllConnections();
  await server?.close();
});

async function heartbeat(kioskId: string): Promise<void> {
  const res = await server.app.inject({ method: 'POST', url: '/api/kiosk/heartbeat', headers: kioskAuth(server, kioskId) });
  expect(res.statusCode).toBe(204);
}

async function status(kioskId: string): Promise<KioskStatus> {
  const snapshot = await server.app.borne.help.snapshot('chatillon');
  const kiosk = snapshot.kiosks.find((k) => k.id === kioskId);
  if (!kiosk) throw new Error(`no kiosk ${kioskId}`);
  return kiosk;
}

/** The kiosk events the consoles were sent (every published event is stored first). */
async function kioskEvents(kioskId: string): Promise<boolean[]> {
  const rows = await server.store.db.selectFrom('events').select('payload').where('type', '=', 'kiosk').orderBy('id').execute();
  return rows.map((r) => JSON.parse(r.payload) as { kiosk: KioskStatus }).filter((e) => e.kiosk.id === kioskId).map((e) => e.kiosk.online);
}

describe('a kiosk is online while its lease is fresh', () => {
  it('stays online while it renews every 15 s, without an event at each beat', async () => {
    await heartbeat('chatillon-1');
    for (let i = 0; i < 8; i++) {
      clock.advance(15 * SECOND);
      await heartbeat('chatillon-1');
      await server.app.borne.sweep();
    }
    expect((await status('chatillon-1')).online).toBe(true);
    expect(await kioskEvents('chatillon-1')).toEqual([true]);
  });

  it('is shown offline within 45 s of its last heartbeat, and online again when it comes back', async () => {
    await heartbeat('chatillon-1');
    await server.app.borne.sweep();
    clock.advance(39 * SECOND);
    await server.app.borne.sweep();
    expect((await status('chatillon-1')).online).toBe(true);
    clock.advance(6 * SECOND);
    // Another kiosk's beat, or another console's snapshot, just before the sweep must not hide
    // this change from the consoles already open.
    await heartbeat('chatillon-2');
    expect((await status('chatillon-1')).online).toBe(false);
    await server.app.borne.sweep();
    expect((await status('chatillon-1')).online).toBe(false);
    // Published once to the consoles, not at every sweep.
    await server.app.borne.sweep();
    expect(await kioskEvents('chatillon-1')).toEqual([true, false]);

    await heartbeat('chatillon-1');
    expect(await kioskEvents('chatillon-1')).toEqual([true, false, true]);
  });

  it('does not stay online on an open stream alone: a PC that lost power leaves one half-open', async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const stream = await openSse(`${base}/api/kiosk/stream`, kioskAuth(server, 'chatillon-2'));
    streams.push(stream);
    await stream.next((m) => m.type === 'help');
    expect((await status('chatillon-2')).online).toBe(true);
    clock.advance(45 * SECOND);
    await server.app.borne.sweep();
    expect(stream.received.length).toBeGreaterThan(0);
    expect((await status('chatillon-2')).online).toBe(false);
  });
});

describe('the sweep reads only the kiosks whose lease just ended', () => {
  it('publishes each lapse once, across pôles, even when sweeps are late or far apart', async () => {
    const other = [...server.sites.values()].find((s) => s.id !== 'chatillon')!.kiosks[0]!.id;
    await heartbeat('chatillon-1');
    clock.advance(20 * SECOND);
    await heartbeat(other);
    await heartbeat('chatillon-2');
    // chatillon-1's lease ends at 40 s, the others' at 60 s; nobody sweeps for 10 minutes.
    clock.advance(10 * MINUTE);
    await server.app.borne.sweep();
    await server.app.borne.sweep();
    expect(await kioskEvents('chatillon-1')).toEqual([true, false]);
    expect(await kioskEvents('chatillon-2')).toEqual([true, false]);
    expect(await kioskEvents(other)).toEqual([true, false]);
    // A kiosk that comes back and stops again is announced offline again, 40 s later.
    await heartbeat('chatillon-1');
    clock.advance(39 * SECOND);
    await server.app.borne.sweep();
    expect(await kioskEvents('chatillon-1')).toEqual([true, false, true]);
    clock.advance(2 * SECOND);
    await server.app.borne.sweep();
    expect(await kioskEvents('chatillon-1')).toEqual([true, false, true, false]);
  });

  it('asks the database for the lapsed kiosks through the last_seen_at index', async () => {
    if (testDialect() === 'sqlite') {
      const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN SELECT * FROM kiosks WHERE last_seen_at > '2026-11-23T09:00:00.000Z' AND last_seen_at <= '2026-11-23T09:00:02.000Z'`.execute(server.store.db);
      expect(plan.rows.map((r) => r.detail).join(' ')).toMatch(/USING INDEX kiosks_last_seen/);
    } else {
      // PostgreSQL's planner prefers a sequential scan of the demo's few rows: with it off, the plan shows whether the index can serve the range.
      const plan = await server.store.db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx);
        return sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT * FROM kiosks WHERE last_seen_at > '2026-11-23T09:00:00.000Z' AND last_seen_at <= '2026-11-23T09:00:02.000Z'`.execute(trx);
      });
      expect(plan.rows.map((r) => r['QUERY PLAN']).join(' ')).toMatch(/Index.* using kiosks_last_seen on kiosks/);
    }
  });
});

describe('a call from a kiosk that went away', () => {
  it('shows the kiosk offline, then expires after the site’s offlineExpiryMinutes', async () => {
    const expiry = server.sites.get('chatillon')!.help.offlineExpiryMinutes;
    expect(expiry).toBeLessThan(server.sites.get('chatillon')!.help.expiryMinutes);
    await heartbeat('chatillon-3');
    const { call } = await callHelp(server, 'chatillon-3');
    clock.advance(45 * SECOND);
    await server.app.borne.sweep();
    const snapshot = await server.app.borne.help.snapshot('chatillon');
    expect(snapshot.calls.map((c) => [c.id, c.status])).toEqual([[call.id, 'waiting']]);
    expect(snapshot.kiosks.find((k) => k.id === 'chatillon-3')).toMatchObject({ online: false, inSession: false });

    // The lease ended 40 s after the call; the call expires `expiry` minutes after that.
    clock.advance(expiry * MINUTE - 6 * SECOND);
    await server.app.borne.sweep();
    expect((await storedCalls(server))[0]?.status).toBe('waiting');
    clock.advance(2 * SECOND);
    await server.app.borne.sweep();
    expect(await storedCalls(server)).toEqual([{ id: call.id, status: 'expired', kioskId: 'chatillon-3' }]);
    expect((await kioskView(server, 'chatillon-3')).call).toMatchObject({ id: call.id, status: 'expired' });
  });

  it('does not expire while the kiosk keeps renewing', async () => {
    const { call } = await callHelp(server, 'chatillon-3');
    for (let t = 0; t < 10 * MINUTE; t += 15 * SECOND) {
      clock.advance(15 * SECOND);
      await heartbeat('chatillon-3');
      await server.app.borne.sweep();
    }
    expect(await storedCalls(server)).toEqual([{ id: call.id, status: 'waiting', kioskId: 'chatillon-3' }]);
  });
});
