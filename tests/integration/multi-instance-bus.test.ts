import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PgNotifyTransport } from '../../src/server/realtime/pg-transport';
import { appendEvent, lastEventId } from '../../src/server/realtime/event.repository';
import { callHelp, onDuty, staffAction } from '../support/help';
import { secondInstance } from '../support/instances';
import { LEASE_MS } from '../../src/core/fleet/presence';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';
import { openSse, type SseClient, type SseMessage } from '../support/sse';

/**
 * Two server instances on one PostgreSQL database, as behind a load balancer: whichever one a
 * kiosk or a console is connected to, what happens on the other reaches it.
 */
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

let a: TestServer;
let b: TestServer;
let baseA: string;
let baseB: string;
const clients: SseClient[] = [];

async function stream(base: string, path: string, headers: Record<string, string>): Promise<SseClient> {
  const client = await openSse(`${base}${path}`, headers);
  clients.push(client);
  return client;
}

const isCall = (status: string) => (m: SseMessage) => m.type === 'call' && m.data.call.status === status;
const transportOf = (server: TestServer) => server.app.borne.bus.transport as PgNotifyTransport;

/** Cuts an instance's LISTEN connection from the database side, as a network cut or a failover would. */
async function cutListener(server: TestServer): Promise<void> {
  const pid = transportOf(server).backendPid;
  await sql`select pg_terminate_backend(${pid})`.execute(server.store.db);
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('two instances on one PostgreSQL', () => {
  beforeEach(async () => {
    a = await startTestServer();
    b = await secondInstance(a);
    baseA = await a.app.listen({ port: 0, host: '127.0.0.1' });
    baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of [b, a]) s?.app.server.closeAllConnections();
    await b?.close();
    await a?.close();
  });

  it('carries a call made on one instance to a console on the other, and the claim back to the kiosk', async () => {
    const staff = await onDuty(b, 'chatillon');
    const console1 = await stream(baseB, '/api/staff/sites/chatillon/stream', staff);
    await console1.next((m) => m.type === 'snapshot');
    const kiosk = await stream(baseA, '/api/kiosk/stream', kioskAuth(a, 'chatillon-1'));
    await kiosk.next((m) => m.type === 'help');

    const { call } = await callHelp(a, 'chatillon-1');
    const waiting = await console1.next(isCall('waiting'));
    expect(waiting.data.call.id).toBe(call.id);

    expect((await staffAction(b, staff, call.id, 'claim')).statusCode).toBe(200);
    const claimed = await kiosk.next((m) => m.type === 'help' && m.data.view.call?.status === 'claimed');
    expect(claimed.data.view.call.id).toBe(call.id);
    expect((await staffAction(b, staff, call.id, 'resolve')).statusCode).toBe(200);
    await console1.next(isCall('resolved'));
    // Each change once, in id order: nothing shown twice.
    const ids = console1.received.filter((m) => m.type === 'call').map((m) => m.id!);
    expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
    expect(console1.received.filter(isCall('waiting'))).toHaveLength(1);
  });

  it('sends a remote action from a console on one instance to the kiosk streaming on the other', async () => {
    const kiosk = await stream(baseA, '/api/kiosk/stream', kioskAuth(a, 'chatillon-1'));
    await kiosk.next((m) => m.type === 'help');
    const admin = await onDuty(b, 'chatillon', 'admin');
    const sent = await b.app.inject({ method: 'POST', url: '/api/staff/kiosks/chatillon-1/commands', headers: admin, payload: { kind: 'reload' } });
    expect(sent.statusCode).toBe(201);
    const command = await kiosk.next((m) => m.type === 'command');
    // The kiosk gets what it applies, and nothing about who sent it.
    expect(command.data.command).toEqual({ id: sent.json().id, kind: 'reload', message: null });
  });

  it('ends a removed kiosk’s stream on the other instance at once', async () => {
    const kiosk = await stream(baseA, '/api/kiosk/stream', kioskAuth(a, 'chatillon-2'));
    await kiosk.next((m) => m.type === 'help');
    const admin = await onDuty(b, 'chatillon', 'admin');
    const removed = await b.app.inject({ method: 'DELETE', url: '/api/staff/kiosks/chatillon-2', headers: admin });
    expect(removed.statusCode).toBeLessThan(300);
    await kiosk.ended;
  });

  it('brings a configuration saved on one instance to the other, and its settings event to consoles once', async () => {
    const staff = await onDuty(b, 'chatillon');
    const console1 = await stream(baseB, '/api/staff/sites/chatillon/stream', staff);
    await console1.next((m) => m.type === 'snapshot');
    const current = a.app.borne.config.get('chatillon')!;
    const next = { ...current.site, help: { ...current.site.help, ringIntervalSeconds: current.site.help.ringIntervalSeconds + 7 } };
    await a.app.borne.config.save(next, current.version, null);
    await until(() => b.app.borne.config.get('chatillon')?.version === current.version + 1);
    const settings = await console1.next((m) => m.type === 'settings');
    expect(settings.data.help.ringIntervalSeconds).toBe(next.help.ringIntervalSeconds);
    await new Promise((r) => setTimeout(r, 300));
    expect(console1.received.filter((m) => m.type === 'settings')).toHaveLength(1);
  });

  it('runs the sweep on one instance only, and on the other once the first is gone', async () => {
    const ran = [await a.app.borne.sweepIfLeader(), await b.app.borne.sweepIfLeader(), await a.app.borne.sweepIfLeader(), await b.app.borne.sweepIfLeader()];
    expect(ran).toEqual([true, false, true, false]);
    await a.app.close();
    await until(() => b.app.borne.sweepIfLeader());
  });

  it('resumes a console from its Last-Event-ID when the later of two concurrent events commits first', async () => {
    const staff = await onDuty(b, 'chatillon');
    const before = await lastEventId(a.store.db);
    // Two transactions on their own connections: the first takes its event id and waits to commit.
    const first = new pg.Client({ connectionString: a.store.url });
    await first.connect();
    let firstCommitted = false;
    try {
      await first.query('begin');
      const firstDone = (async () => {
        // The repository's own insert, inside the first transaction (held open).
        await first.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', ['borne.events']);
        const row = await first.query<{ id: string }>("insert into events (site_id, type, payload, created_at) values ('chatillon', 'settings', $1, $2) returning id", [JSON.stringify({ type: 'settings', help: { ringIntervalSeconds: 61 } }), new Date().toISOString()]);
        return Number(row.rows[0]!.id);
      })();
      const firstId = await firstDone;
      // The second event is written by the server while the first is still open.
      const secondWrite = appendEvent(b.store.db, 'chatillon', { type: 'settings', help: { ringIntervalSeconds: 62 } }, new Date());
      // A console resumes now, between the two: from the last id it had seen.
      const resumed = await stream(baseB, '/api/staff/sites/chatillon/stream', { ...staff, 'last-event-id': String(before) });
      await resumed.next((m) => m.type === 'snapshot');
      await new Promise((r) => setTimeout(r, 200));
      await first.query('commit');
      firstCommitted = true;
      const secondId = await secondWrite;
      expect(secondId).toBeGreaterThan(firstId);
      const got = [await resumed.next((m) => m.type === 'settings'), await resumed.next((m) => m.type === 'settings')];
      expect(got.map((m) => m.data.help.ringIntervalSeconds)).toEqual([61, 62]);
      expect(got.map((m) => m.id)).toEqual([firstId, secondId]);
    } finally {
      if (!firstCommitted) await first.query('rollback').catch(() => {});
      await first.end();
    }
  });

  it('reconnects a cut LISTEN connection: its streams resync and nothing written meanwhile is lost', async () => {
    const staff = await onDuty(b, 'chatillon');
    const console1 = await stream(baseB, '/api/staff/sites/chatillon/stream', staff);
    const snapshot = await console1.next((m) => m.type === 'snapshot');
    const oldPid = transportOf(b).backendPid;
    await cutListener(b);
    // The console is told to reconnect (its stream ends) and resumes from its last id.
    await console1.ended;
    const { call } = await callHelp(a, 'chatillon-1');
    await until(() => transportOf(b).backendPid !== undefined && transportOf(b).backendPid !== oldPid);
    const resumed = await stream(baseB, '/api/staff/sites/chatillon/stream', { ...staff, 'last-event-id': String(snapshot.id) });
    const resync = await resumed.next((m) => m.type === 'snapshot');
    expect(JSON.stringify(resync.data)).toContain(call.id);
    // And the reconnected listener hears what comes next.
    const { call: second } = await callHelp(a, 'chatillon-2');
    expect((await resumed.next(isCall('waiting'))).data.call.id).toBe(second.id);
  });
});

describe('the presence sweep when the leader changes', () => {
  afterEach(async () => {
    for (const c of clients.splice(0)) c.close();
    for (const s of [b, a]) s?.app.server.closeAllConnections();
    await b?.close();
    await a?.close();
  });

  it('shows a kiosk offline once: the new leader starts where the old one stopped', async () => {
    const clock = fixedClock();
    a = await startTestServer({ clock });
    b = await secondInstance(a, { clock });
    baseB = await b.app.listen({ port: 0, host: '127.0.0.1' });
    const beat = await a.app.inject({ method: 'POST', url: '/api/kiosk/heartbeat', headers: kioskAuth(a, 'chatillon-1'), payload: {} });
    expect(beat.statusCode).toBeLessThan(300);
    const admin = await staffCookie(b.app, 'admin');
    const console1 = await stream(baseB, '/api/staff/sites/chatillon/stream', admin);
    await console1.next((m) => m.type === 'snapshot');
    const offline = (m: SseMessage) => m.type === 'kiosk' && m.data.kiosk.id === 'chatillon-1' && m.data.kiosk.online === false;

    clock.advance(LEASE_MS + 5_000);
    expect(await a.app.borne.sweepIfLeader()).toBe(true);
    await console1.next(offline);
    // The leader goes; the other instance takes the sweep over and goes on from there.
    await a.app.close();
    clock.advance(10_000);
    await until(() => b.app.borne.sweepIfLeader());
    clock.advance(10_000);
    await b.app.borne.sweepIfLeader();
    await new Promise((r) => setTimeout(r, 300));
    expect(console1.received.filter(offline)).toHaveLength(1);
  });
});
