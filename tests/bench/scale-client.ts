import { Agent, request, type ClientRequest } from 'node:http';
import { createInterface } from 'node:readline';
import { backoffDelay } from '../../src/core/realtime/backoff';

/**
 * One load generator of the scale bench, in its own process (the parent runs several): it holds
 * a slice of the kiosks, each with its stream on a raw HTTP socket (no EventSource objects, no
 * parsing: the generator must cost far less than the server) and its heartbeat at the real
 * interval. A dropped stream comes back as the kiosk's does (src/web/event-stream.ts): after the
 * back-off of src/core/realtime/backoff.ts, full jitter.
 *
 * stdin, one JSON line: { base, kiosks: [[id, token]…], heartbeatMs, concurrency }, then commands:
 *   open     open every stream, `concurrency` at a time; answers { opened, failures, ms }
 *   status   answers { open, total, beats, failedBeats, reconnects, refused }
 * It says { ready } once set up, and on its own { allOpen: at } each time every stream is open again after a drop.
 */
interface Kiosk {
  id: string;
  token: string;
  req: ClientRequest | null;
  open: boolean;
  attempt: number;
}

const lines = createInterface({ input: process.stdin });
const say = (message: unknown) => process.stdout.write(`${JSON.stringify(message)}\n`);
interface Setup {
  base: string;
  kiosks: [string, string][];
  heartbeatMs: number;
  concurrency: number;
}
let setup: Setup | null = null;
let kiosks: Kiosk[] = [];
let openCount = 0;
let everAllOpen = false;
let beats = 0;
let failedBeats = 0;
let reconnects = 0;
let refused = 0;

lines.on('line', (line) => {
  if (!setup) {
    const given = JSON.parse(line) as Setup;
    setup = given;
    kiosks = given.kiosks.map(([id, token]) => ({ id, token, req: null, open: false, attempt: 0 }));
    say({ ready: true });
    return;
  }
  if (line === 'open') void openAll();
  if (line === 'status') say({ status: { open: openCount, total: kiosks.length, beats, failedBeats, reconnects, refused } });
});

/** Opens one stream; resolves true on a 200 with headers (the first byte: the kiosk is connected). */
function connect(kiosk: Kiosk): Promise<boolean> {
  const url = new URL(setup!.base);
  return new Promise((resolve) => {
    let settled = false;
    const req = request({ host: url.hostname, port: url.port, path: '/api/kiosk/stream', agent: false, headers: { authorization: `Bearer ${kiosk.token}`, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        refused++;
        res.resume();
        settled = true;
        resolve(false);
        return;
      }
      kiosk.open = true;
      kiosk.attempt = 0;
      openCount++;
      if (openCount === kiosks.length && everAllOpen) say({ allOpen: Date.now() });
      if (openCount === kiosks.length) everAllOpen = true;
      settled = true;
      resolve(true);
      res.on('data', () => {});
      res.on('close', () => dropped(kiosk));
    });
    kiosk.req = req;
    req.on('error', () => {
      if (kiosk.open) return dropped(kiosk);
      if (!settled) {
        settled = true;
        resolve(false);
      }
    });
    req.end();
  });
}

/** The stream ended (server restart): back-off with jitter, then again until it is open. */
function dropped(kiosk: Kiosk): void {
  if (!kiosk.open) return;
  kiosk.open = false;
  openCount--;
  void retry(kiosk);
}

async function retry(kiosk: Kiosk): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, backoffDelay(kiosk.attempt)));
    kiosk.attempt++;
    reconnects++;
    if (await connect(kiosk)) return;
  }
}

async function openAll(): Promise<void> {
  const t0 = performance.now();
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < kiosks.length) {
      const kiosk = kiosks[next++]!;
      if (!(await connect(kiosk))) {
        failures++;
        void retry(kiosk);
      }
    }
  };
  await Promise.all(Array.from({ length: setup!.concurrency }, worker));
  say({ opened: { opened: openCount, failures, ms: performance.now() - t0 } });
  startHeartbeats();
}

/** Every kiosk beats every heartbeatMs, the slice spread evenly over the interval, as a fleet does. */
function startHeartbeats(): void {
  const url = new URL(setup!.base);
  const agent = new Agent({ keepAlive: true, maxSockets: 32 });
  const body = JSON.stringify({ appVersion: '0.1.0', startedAt: '2026-11-23T08:00:00.000Z', camera: true });
  const beat = (kiosk: Kiosk) => {
    const req = request({ host: url.hostname, port: url.port, path: '/api/kiosk/heartbeat', method: 'POST', agent, headers: { authorization: `Bearer ${kiosk.token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 204 ? beats++ : failedBeats++));
    });
    req.on('error', () => failedBeats++);
    req.end(body);
  };
  const interval = setup!.heartbeatMs;
  const t0 = performance.now();
  let due = 0;
  setInterval(() => {
    const upTo = Math.floor(((performance.now() - t0) / interval) * kiosks.length);
    // A kiosk whose stream is down is a kiosk whose page is reconnecting: it beats all the same.
    for (; due < upTo; due++) beat(kiosks[due % kiosks.length]!);
  }, 20);
}

process.on('SIGTERM', () => process.exit(0));
