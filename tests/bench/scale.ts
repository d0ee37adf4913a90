import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createSseParser } from '../../src/core/realtime/sse-parser';
import { configWith } from '../support/e2e';
import { percentile } from './stats';

const SITES = 5;
const KIOSKS_PER_SITE = Number(process.env.BORNE_SCALE_KIOSKS ?? 5000) / SITES;
const HEARTBEAT_MS = 15_000;
const CLIENTS = 2;
/** Streams each load generator opens at once while filling (so 2 × 100 in flight). */
const OPEN_CONCURRENCY = 100;
const CALLS_PER_SECOND = 2;
const WARMUP_MS = 10_000;
const WINDOW_MS = Number(process.env.BORNE_SCALE_WINDOW_MS ?? 60_000);
const TARGET_P99_MS = 250;
const TARGET_RSS_MB = 600;
const TARGET_STORM_S = 30;

type Proc = ChildProcessByStdio<Writable, Readable, null>;

interface Line {
  process: Proc;
  next<T>(key: string, timeoutMs?: number): Promise<T>;
  on(key: string, fn: (value: unknown) => void): void;
}

/** A child speaking JSON lines: next('x') waits for the next line that has an x. */
function lineChild(args: string[]): Line {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: Interface = createInterface({ input: child.stdout });
  const handlers = new Map<string, ((value: unknown) => void)[]>();
  lines.on('line', (line) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      return;
    }
    for (const [key, value] of Object.entries(message)) for (const fn of handlers.get(key) ?? []) fn(value);
  });
  const on = (key: string, fn: (value: unknown) => void) => handlers.set(key, [...(handlers.get(key) ?? []), fn]);
  return {
    process: child,
    on,
    next<T>(key: string, timeoutMs = 300_000) {
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${args[0]}: no "${key}" within ${timeoutMs} ms`)), timeoutMs);
        const fn = (value: unknown) => {
          clearTimeout(timer);
          handlers.set(key, (handlers.get(key) ?? []).filter((f) => f !== fn));
          resolve(value as T);
        };
        on(key, fn);
        child.once('exit', (code) => reject(new Error(`${args[0]} stopped (exit ${code})`)));
      });
    },
  };
}

type Client = Line & { ready: Promise<unknown> };

interface Server {
  line: Line;
  base: string;
  tokens: Record<string, string>;
  consoles: { siteId: string; cookie: string }[];
}

/** The server's resident memory now, from /proc: the server process alone. */
function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function startClients(base: string, kiosks: [string, string][]): Client[] {
  const clients: Client[] = [];
  for (let c = 0; c < CLIENTS; c++) {
    const client = lineChild(['tests/bench/scale-client.ts']) as Line & { ready: Promise<unknown> };
    client.ready = client.next('ready');
    const slice = kiosks.filter((_, i) => i % CLIENTS === c);
    client.process.stdin.write(`${JSON.stringify({ base, kiosks: slice, heartbeatMs: HEARTBEAT_MS, concurrency: OPEN_CONCURRENCY })}\n`);
    clients.push(client);
  }
  return clients;
}

/** Every client opens its streams at once: the open rate is all of them over the time to the last. */
async function fill(clients: Client[]): Promise<{ opensPerSecond: number; failures: number; ms: number }> {
  await Promise.all(clients.map((c) => c.ready));
  const t0 = performance.now();
  const done = clients.map((c) => c.next<{ opened: number; failures: number; ms: number }>('opened'));
  for (const c of clients) c.process.stdin.write('open\n');
  const results = await Promise.all(done);
  const ms = performance.now() - t0;
  const opened = results.reduce((n, r) => n + r.opened, 0);
  return { opensPerSecond: (opened / ms) * 1000, failures: results.reduce((n, r) => n + r.failures, 0), ms };
}

async function status(clients: Line[]): Promise<{ open: number; total: number; beats: number; failedBeats: number; reconnects: number; refused: number }> {
  const all = await Promise.all(clients.map((c) => {
    const answer = c.next<{ open: number; total: number; beats: number; failedBeats: number; reconnects: number; refused: number }>('status');
    c.process.stdin.write('status\n');
    return answer;
  }));
  return all.reduce((a, s) => ({ open: a.open + s.open, total: a.total + s.total, beats: a.beats + s.beats, failedBeats: a.failedBeats + s.failedBeats, reconnects: a.reconnects + s.reconnects, refused: a.refused + s.refused }));
}

/** The consoles: one staff stream per pôle, parsed, recording when each call first arrives. */
function openConsoles(base: string, consoles: { siteId: string; cookie: string }[], arrivals: Map<string, number>): () => void {
  const url = new URL(base);
  const requests = consoles.map(({ siteId, cookie }) => {
    const feed = createSseParser((type, data) => {
      const call = type === 'call' ? (data as { call: { id: string; status: string } }).call : null;
      if (call?.status === 'waiting' && !arrivals.has(call.id)) arrivals.set(call.id, performance.now());
    });
    const req = request({ host: url.hostname, port: url.port, path: `/api/staff/sites/${siteId}/stream`, agent: false, headers: { cookie, accept: 'text/event-stream' } }, (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => feed(chunk));
    });
    req.on('error', () => {});
    req.end();
    return req;
  });
  return () => requests.forEach((r) => r.destroy());
}

/**
 * Help calls across the pôles at a steady rate, each followed through as a médiateur would (claim,
 * then resolve): three call events each, which every kiosk of the pôle hears. Returns the
 * latencies from a call's POST to its console receiving it.
 */
async function callFlow(server: Server, durationMs: number, arrivals: Map<string, number>, offset: number): Promise<{ samples: number[]; missed: number; errors: number }> {
  const bySite = new Map<string, string[]>();
  for (const id of Object.keys(server.tokens)) {
    const site = id.replace(/-\d+$/, '');
    bySite.set(site, [...(bySite.get(site) ?? []), id]);
  }
  const cookieOf = new Map(server.consoles.map((c) => [c.siteId, c.cookie]));
  const siteIds = [...bySite.keys()];
  const samples: number[] = [];
  let missed = 0;
  let errors = 0;
  const flows: Promise<void>[] = [];
  const one = async (n: number) => {
    const siteId = siteIds[n % siteIds.length]!;
    const kiosks = bySite.get(siteId)!;
    const kioskId = kiosks[Math.floor(n / siteIds.length + offset) % kiosks.length]!;
    const start = performance.now();
    const res = await fetch(`${server.base}/api/kiosk/help-calls`, { method: 'POST', headers: { authorization: `Bearer ${server.tokens[kioskId]}`, 'content-type': 'application/json' }, body: JSON.stringify({ requestId: randomUUID(), context: { screen: 'home', language: 'fr' } }) });
    if (res.status !== 200 && res.status !== 201) {
      errors++;
      return;
    }
    const { call } = (await res.json()) as { call: { id: string } };
    const deadline = performance.now() + 10_000;
    while (!arrivals.has(call.id) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    const at = arrivals.get(call.id);
    if (at === undefined) missed++;
    else samples.push(at - start);
    const headers = { cookie: cookieOf.get(siteId)!, 'content-type': 'application/json' };
    const claim = await fetch(`${server.base}/api/staff/help-calls/${call.id}/claim`, { method: 'POST', headers: { cookie: headers.cookie } });
    if (!claim.ok) errors++;
    const resolve = await fetch(`${server.base}/api/staff/help-calls/${call.id}/resolve`, { method: 'POST', headers, body: JSON.stringify({ outcome: 'helped' }) });
    if (!resolve.ok) errors++;
  };
  const t0 = performance.now();
  for (let n = 0; performance.now() - t0 < durationMs; n++) {
    flows.push(one(n).catch(() => void errors++));
    await new Promise((r) => setTimeout(r, 1000 / CALLS_PER_SECOND));
  }
  await Promise.all(flows);
  return { samples, missed, errors };
}

const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : -1);
const pct = (s: number[], p: number) => round(s.length ? percentile(s, p) : Infinity);

/**
 * Scale: one instance holding 5,000 kiosks (5 pôles of 1,000), each with its stream open and
 * its heartbeat every 15 s (real time, not compressed), one médiateur on duty per pôle, and help
 * calls flowing (2 a second, each claimed then resolved). Figures:
 * - help call → console latency p50/p95/p99 while all that runs;
 * - the server's RSS (its own process, from /proc), peak over the run;
 * - the stream-open rate while 5,000 kiosks connect 200 at a time, against a bare Fastify SSE
 *   route's in the same run (the floor: HTTP and Fastify alone);
 * - the reconnect storm: the server is restarted (SIGTERM, a new process on the same port and
 *   database) and the kiosks reconnect with their jittered back-off; the time from the stop to
 *   every kiosk's stream open again.
 * The load generators are separate processes on raw HTTP sockets.
 */
export async function scaleBench(): Promise<{ name: string; figures: Record<string, number | string>; target: string; ok: boolean }> {
  // 1. The floor: the same 5,000 opens on a bare Fastify SSE route.
  const bare = await startServer(['bare']);
  const fakeKiosks = Array.from({ length: SITES * KIOSKS_PER_SITE }, (_, i): [string, string] => [`k-${i}`, `none-${i}-000000000000000000000`]);
  let floor: Awaited<ReturnType<typeof fill>>;
  {
    const clients = startClients(bare.base, fakeKiosks);
    floor = await fill(clients);
    clients.forEach((c) => c.process.kill('SIGTERM'));
    bare.line.process.kill('SIGTERM');
  }

  // 2. Borne, 5,000 kiosks.
  const configDir = configWith((siteId, site) => {
    site.kiosks = Array.from({ length: KIOSKS_PER_SITE }, (_, i) => ({ id: `${siteId}-${i + 1}`, label: `Poste ${i + 1}` }));
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'borne-scale-'));
  let server = await startBorne(configDir, dataDir, 0);
  const port = new URL(server.base).port;
  let peakRss = 0;
  const rssTimer = setInterval(() => {
    try {
      peakRss = Math.max(peakRss, rssMb(server.line.process.pid!));
    } catch {
      // Between two processes of the restart.
    }
  }, 500);
  const clients = startClients(server.base, Object.entries(server.tokens));
  try {
    const opened = await fill(clients);
    const arrivals = new Map<string, number>();
    let closeConsoles = openConsoles(server.base, server.consoles, arrivals);
    await callFlow(server, WARMUP_MS, arrivals, 0);
    const steadyRss0 = rssMb(server.line.process.pid!);
    const steady = await callFlow(server, WINDOW_MS, arrivals, 100);
    const steadyStatus = await status(clients);
    const rssAfterSteady = rssMb(server.line.process.pid!);

    // 3. The reconnect storm: stop the server, start a new one on the same port and database.
    closeConsoles();
    const stopAt = Date.now();
    const allBack = Promise.all(clients.map((c) => c.next<number>('allOpen', 180_000)));
    const exited = new Promise((r) => server.line.process.once('exit', r));
    server.line.process.kill('SIGTERM');
    await exited;
    const stoppedAt = Date.now();
    server = await startBorne(configDir, dataDir, Number(port));
    const listeningAt = Date.now();
    const backAt = Math.max(...(await allBack));
    const stormStatus = await status(clients);
    // After the storm: the calls still reach the consoles, and how fast.
    closeConsoles = openConsoles(server.base, server.consoles, arrivals);
    await new Promise((r) => setTimeout(r, 1000));
    const after = await callFlow(server, 10_000, arrivals, 300);
    closeConsoles();

    const stormSeconds = (backAt - stopAt) / 1000;
    const p99 = pct(steady.samples, 99);
    const figures = {
      kiosks: SITES * KIOSKS_PER_SITE,
      sites: SITES,
      consoles: server.consoles.length,
      heartbeatIntervalSeconds: HEARTBEAT_MS / 1000,
      callsPerSecond: CALLS_PER_SECOND,
      calls: steady.samples.length + steady.missed,
      missedCalls: steady.missed,
      callErrors: steady.errors,
      callToConsoleP50Ms: pct(steady.samples, 50),
      callToConsoleP95Ms: pct(steady.samples, 95),
      callToConsoleP99Ms: p99,
      callToConsoleMaxMs: round(Math.max(...steady.samples)),
      serverRssPeakMb: round(peakRss),
      serverRssSteadyMb: round(Math.max(steadyRss0, rssAfterSteady)),
      rssKbPerKiosk: round((rssAfterSteady * 1024) / (SITES * KIOSKS_PER_SITE)),
      beats: steadyStatus.beats,
      failedBeats: steadyStatus.failedBeats,
      streamOpensPerSecond: round(opened.opensPerSecond),
      streamOpenFailures: opened.failures,
      bareFastifySseOpensPerSecond: round(floor.opensPerSecond),
      openRateRatioToFloor: round(opened.opensPerSecond / floor.opensPerSecond),
      stormStopSeconds: round((stoppedAt - stopAt) / 1000),
      stormStartSeconds: round((listeningAt - stoppedAt) / 1000),
      stormAllBackSeconds: round(stormSeconds),
      stormAllBackAfterListeningSeconds: round((backAt - listeningAt) / 1000),
      stormReconnectAttempts: stormStatus.reconnects,
      stormRefused: stormStatus.refused,
      afterStormCalls: after.samples.length,
      afterStormMissed: after.missed,
      afterStormP95Ms: pct(after.samples, 95),
    };
    return {
      name: 'scale: 5,000 kiosks on one instance (streams, heartbeats, help calls, restart)',
      figures,
      target: `help call to console p99 < ${TARGET_P99_MS} ms; server RSS < ${TARGET_RSS_MB} MB; every kiosk back within ${TARGET_STORM_S} s of a restart`,
      ok: p99 < TARGET_P99_MS && peakRss < TARGET_RSS_MB && stormSeconds < TARGET_STORM_S && steady.missed === 0 && steady.errors === 0 && after.missed === 0,
    };
  } finally {
    clearInterval(rssTimer);
    clients.forEach((c) => c.process.kill('SIGTERM'));
    server.line.process.kill('SIGTERM');
    rmSync(configDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function startBorne(configDir: string, dataDir: string, port: number): Promise<Server> {
  return startServer(['borne', configDir, dataDir, String(port)]);
}

/** Starts a scale-server.ts process; its first line carries base, tokens and consoles. */
function startServer(args: string[]): Promise<Server> {
  const line = lineChild(['tests/bench/scale-server.ts', ...args]);
  const started = new Promise<Server>((resolve) => {
    let got: Partial<Server> = {};
    const check = () => got.base && got.tokens && got.consoles && resolve({ line, ...(got as Omit<Server, 'line'>) });
    line.on('base', (v) => ((got = { ...got, base: v as string }), check()));
    line.on('tokens', (v) => ((got = { ...got, tokens: v as Record<string, string> }), check()));
    line.on('consoles', (v) => ((got = { ...got, consoles: v as Server['consoles'] }), check()));
  });
  return Promise.race([started, new Promise<never>((_, reject) => line.process.once('exit', (code) => reject(new Error(`the scale server stopped (exit ${code})`))))]);
}

if (process.argv[1]?.endsWith('scale.ts')) {
  const result = await scaleBench();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = result.ok ? 0 : 1;
}

/*
 * Measured on the 2-core machine this was written on, shared with other jobs (04:19 UTC, load
 * about 3), 5,000 kiosks: help call to console p50 10 ms, p95 32 ms, p99 73 ms; server RSS peak
 * 302 MB (54 kB a kiosk); 355 stream opens a second (0.32× a bare Fastify SSE route's 1,103 in
 * the same run); after a restart every kiosk back 19 s after the stop (3.5 s of it the new
 * process starting under tsx, 14.8 s after it listened). Before the scale work (238800f, same
 * bench): p50 7.8 s, p99 70.5 s and 2 calls never reached their console, RSS 557 MB, the storm
 * 162 s with 26,476 reconnection attempts.
 */
