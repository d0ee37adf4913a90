import { afterEach, describe, expect, it, vi } from 'vitest';
import { callHelp, onDuty } from '../support/help';
import { parseExposition, sampleValue, type ParsedFamily } from '../support/prometheus';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';
import { openSse, type SseClient } from '../support/sse';
import { testDialect } from '../support/store';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer | undefined;
const clients: SseClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  server?.app.server.closeAllConnections();
  await server?.close();
  server = undefined;
});

async function start(options: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  server = await startTestServer({ clock: fixedClock(), instanceId: 'borne-test-1', version: '9.8.7', ...options });
  return server;
}

async function scrape(s: TestServer, headers: Record<string, string> = {}): Promise<Map<string, ParsedFamily>> {
  const res = await s.app.inject({ method: 'GET', url: '/metrics', headers });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
  return parseExposition(res.body);
}

describe('GET /metrics', () => {
  it('answers the machine itself in the text format, every metric with HELP and TYPE', async () => {
    const s = await start();
    const families = await scrape(s);
    for (const name of ['borne_streams_open', 'borne_kiosks_online', 'borne_help_calls_waiting', 'borne_event_fanout_seconds', 'borne_db_pool_connections', 'borne_sweep_duration_seconds', 'borne_sweep_runs_total', 'process_resident_memory_bytes', 'process_cpu_seconds_total', 'nodejs_eventloop_lag_seconds', 'process_start_time_seconds', 'borne_instance_info', 'borne_db_up']) {
      expect(families.get(name), name).toBeDefined();
      expect(families.get(name)!.help.length, name).toBeGreaterThan(10);
    }
    expect(families.get('borne_instance_info')!.samples).toEqual([{ name: 'borne_instance_info', labels: { instance: 'borne-test-1', version: '9.8.7' }, value: 1 }]);
    expect(sampleValue(families, 'borne_db_up')).toBe(1);
    // Every pôle has its line, 0 included; the cluster-wide figures say not to sum them.
    expect(families.get('borne_kiosks_online')!.samples.map((x) => x.labels.site)).toEqual([...s.sites.keys()].sort());
    expect(families.get('borne_kiosks_online')!.help).toMatch(/never sum/);
    expect(sampleValue(families, 'process_resident_memory_bytes')).toBeGreaterThan(1e6);
  });

  it('counts open streams by kind and the kiosks online, from the moment they connect', async () => {
    const s = await start();
    const base = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const before = await scrape(s);
    const staff = await onDuty(s, 'chatillon');
    const console1 = await openSse(`${base}/api/staff/sites/chatillon/stream`, staff);
    clients.push(console1);
    await console1.next((m) => m.type === 'snapshot');
    clients.push(await openSse(`${base}/api/kiosk/stream`, kioskAuth(s, 'chatillon-3')));
    // The console hears the kiosk come online once its lease is written.
    await console1.next((m) => m.type === 'kiosk' && m.data.kiosk.id === 'chatillon-3' && m.data.kiosk.online);
    const after = await scrape(s);
    const open = (f: Map<string, ParsedFamily>, kind: string) => sampleValue(f, 'borne_streams_open', undefined, { kind })!;
    expect([open(after, 'kiosk') - open(before, 'kiosk'), open(after, 'staff') - open(before, 'staff'), open(after, 'fleet') - open(before, 'fleet')]).toEqual([1, 1, 0]);
    expect(sampleValue(before, 'borne_kiosks_online', undefined, { site: 'chatillon' })).toBe(0);
    expect(sampleValue(after, 'borne_kiosks_online', undefined, { site: 'chatillon' })).toBe(1);
    expect(sampleValue(after, 'borne_kiosks_online', undefined, { site: 'issy-les-moulineaux' })).toBe(0);
  });

  it('says how many calls wait at each pôle, read from the database', async () => {
    const s = await start();
    await callHelp(s, 'chatillon-1');
    const families = await scrape(s);
    expect(sampleValue(families, 'borne_help_calls_waiting', undefined, { site: 'chatillon' })).toBe(1);
    expect(sampleValue(families, 'borne_help_calls_waiting', undefined, { site: 'issy-les-moulineaux' })).toBe(0);
  });

  it('times each sweep and counts it as ran', async () => {
    const s = await start();
    const before = await scrape(s);
    await s.app.borne.sweep();
    const after = await scrape(s);
    const count = (f: Map<string, ParsedFamily>) => sampleValue(f, 'borne_sweep_duration_seconds', 'borne_sweep_duration_seconds_count')!;
    const ran = (f: Map<string, ParsedFamily>) => sampleValue(f, 'borne_sweep_runs_total', undefined, { result: 'ran' })!;
    expect([count(after) - count(before), ran(after) - ran(before)]).toEqual([1, 1]);
  });

  it('reports the database connections of the instance', async () => {
    const s = await start();
    const families = await scrape(s);
    const total = sampleValue(families, 'borne_db_pool_connections', undefined, { state: 'total' })!;
    const idle = sampleValue(families, 'borne_db_pool_connections', undefined, { state: 'idle' })!;
    if (testDialect() === 'sqlite') expect([total, idle, sampleValue(families, 'borne_db_pool_connections', undefined, { state: 'waiting' })]).toEqual([1, 1, 0]);
    else expect(total).toBeGreaterThanOrEqual(1);
    expect(idle).toBeLessThanOrEqual(total);
  });

  it('times an event from its publish to its write on a console stream', async () => {
    const s = await start();
    const base = await s.app.listen({ port: 0, host: '127.0.0.1' });
    const c = await openSse(`${base}/api/staff/sites/chatillon/stream`, await onDuty(s, 'chatillon'));
    clients.push(c);
    await c.next((m) => m.type === 'snapshot');
    const count = (f: Map<string, ParsedFamily>) => sampleValue(f, 'borne_event_fanout_seconds', 'borne_event_fanout_seconds_count')!;
    const before = count(await scrape(s));
    await callHelp(s, 'chatillon-1');
    await c.next((m) => m.type === 'call');
    expect(count(await scrape(s))).toBeGreaterThan(before);
  });

  it('puts no personal data in labels: only site ids, kinds, states, results, the instance and version', async () => {
    const s = await start();
    await callHelp(s, 'chatillon-1');
    await staffCookie(s.app, 'mediateur');
    const families = await scrape(s);
    const labelNames = new Set([...families.values()].flatMap((f) => f.samples.flatMap((x) => Object.keys(x.labels))));
    expect([...labelNames].sort()).toEqual(['instance', 'kind', 'le', 'result', 'site', 'state', 'version']);
    const text = (await s.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(text).not.toMatch(/Karim|mediateur|chatillon-1/);
  });
});

describe('who may read /metrics', () => {
  const forbidden = (res: { statusCode: number; json(): { error: { code: string; message: string } } }) => {
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toEqual({ code: 'metrics_forbidden', message: expect.stringContaining('METRICS_TOKEN') });
  };

  it('refuses another machine, and a request a proxy forwarded for another machine', async () => {
    const s = await start();
    forbidden(await s.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '203.0.113.7' }));
    // Through nginx on the same machine: the socket is loopback, the client is not.
    forbidden(await s.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '203.0.113.7' } }));
    forbidden(await s.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-real-ip': '203.0.113.7' } }));
  });

  it('behind TRUST_PROXY, is not fooled by a client that writes X-Forwarded-For: 127.0.0.1 itself', async () => {
    const s = await start({ trustProxy: true });
    // nginx appends the real client to what the client sent: Fastify's request.ip is then 127.0.0.1.
    forbidden(await s.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '127.0.0.1, 203.0.113.7' } }));
    expect((await s.app.inject({ method: 'GET', url: '/metrics', headers: { 'x-forwarded-for': '127.0.0.1' } })).statusCode).toBe(200);
    expect((await s.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '::1' })).statusCode).toBe(200);
  });

  it('answers another machine that sends the METRICS_TOKEN, and only with the right one', async () => {
    const token = 'a'.repeat(24) + 'metrics';
    const s = await start({ metricsToken: token });
    const remote = { method: 'GET' as const, url: '/metrics', remoteAddress: '10.1.2.3' };
    const ok = await s.app.inject({ ...remote, headers: { authorization: `Bearer ${token}` } });
    expect(ok.statusCode).toBe(200);
    expect(() => parseExposition(ok.body)).not.toThrow();
    forbidden(await s.app.inject({ ...remote, headers: { authorization: `Bearer ${token}x` } }));
    forbidden(await s.app.inject({ ...remote, headers: { authorization: token } }));
    forbidden(await s.app.inject(remote));
  });
});
