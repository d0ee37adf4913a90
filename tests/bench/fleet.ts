import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { Agent, request } from 'node:http';
import { createInterface, type Interface } from 'node:readline';
import { launchChromium } from '../support/browser';
import { percentile } from './stats';

const KIOSKS_PER_SITE = 100;
const REAL_INTERVAL_MS = 15_000;
/** Time is compressed 4×: each kiosk beats every 3.75 s for 15 s, as many beats as 60 s of real time. */
const COMPRESSION = 4;
const WINDOW_MS = 15_000;
const TARGET_CPU_PERCENT = 5;
const TARGET_P95_MS = 1000;
const SAMPLES = 60;
const WARMUP_MS = 5000;

interface Child {
  process: ChildProcessByStdio<Writable, Readable, null>;
  base: string;
  tokens: Record<string, string>;
  cpuMicros(): Promise<number>;
}

async function startChild(mode: 'borne' | 'bare'): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/fleet-server.ts', mode, String(KIOSKS_PER_SITE)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: Interface = createInterface({ input: child.stdout });
  const next = () =>
    new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('exit', (code) => reject(new Error(`the fleet bench server stopped (exit ${code})`)));
    });
  const { base, tokens } = JSON.parse(await next()) as { base: string; tokens: Record<string, string> };
  return {
    process: child,
    base,
    tokens,
    async cpuMicros() {
      const answer = next();
      child.stdin.write('cpu\n');
      const { cpu } = JSON.parse(await answer) as { cpu: { user: number; system: number } };
      return cpu.user + cpu.system;
    },
  };
}

/** 500 kiosks beating, evenly spread over the (compressed) interval; returns the server CPU share. */
async function heartbeatLoad(child: Child, kioskIds: string[], onTick?: () => void, windowMs = WINDOW_MS): Promise<{ beats: number; failures: number; cpuPercentOfCore: number; elapsedMs: number }> {
  const url = new URL(child.base);
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const interval = REAL_INTERVAL_MS / COMPRESSION;
  let beats = 0;
  let failures = 0;
  const body = (i: number) => JSON.stringify({ appVersion: '0.1.0', startedAt: '2026-11-23T08:00:00.000Z', camera: i % 3 !== 0 });
  const beat = (id: string, i: number) =>
    new Promise<void>((resolve) => {
      const payload = body(i);
      const token = child.tokens[id] ?? 'none-given-to-the-bare-floor-0000';
      const req = request({ host: url.hostname, port: url.port, path: '/api/kiosk/heartbeat', method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== 204) failures++;
          resolve();
        });
      });
      req.on('error', () => {
        failures++;
        resolve();
      });
      req.end(payload);
    });
  const cpu0 = await child.cpuMicros();
  const t0 = performance.now();
  const inFlight: Promise<void>[] = [];
  // Kiosk i beats at i × interval / 500, then every interval: a steady 500/interval per second.
  let due = 0;
  while (performance.now() - t0 < windowMs) {
    const elapsed = performance.now() - t0;
    const upTo = Math.floor((elapsed / interval) * kioskIds.length);
    for (; due < upTo; due++) {
      const i = due % kioskIds.length;
      inFlight.push(beat(kioskIds[i]!, i).then(() => void beats++));
    }
    onTick?.();
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(inFlight);
  const elapsedMs = performance.now() - t0;
  const cpuMs = ((await child.cpuMicros()) - cpu0) / 1000;
  agent.destroy();
  // The share of one core, at the compressed rate, brought back to the real rate (÷ COMPRESSION).
  return { beats, failures, elapsedMs, cpuPercentOfCore: (cpuMs / elapsedMs / COMPRESSION) * 100 };
}

/**
 * « Parc des bornes » with 500 kiosks (100 per pôle), each beating every 15 s. Two figures:
 * - the Borne server's CPU on that load, in its own process, read from its own
 *   process.cpuUsage(); time is compressed 4× (a beat every 3.75 s for 15 s) and the share is
 *   divided by 4 to give the real 15 s rate. It includes the sweep every 2 s and one open fleet
 *   screen (nothing changes: heartbeats only). The same load on a bare Fastify route is the
 *   floor, in the same run;
 * - a kiosk's change of state (in session, back to libre) reaching the fleet screen, open in
 *   headless Chromium on the 500 kiosks, in a second window of the same beats: from the request sent to the
 *   row's data-state changing (a MutationObserver in the page, on the same machine's clock).
 */
export async function fleetBench(): Promise<{ name: string; figures: Record<string, number | string>; target: string; ok: boolean }> {
  const bare = await startChild('bare');
  let floor: Awaited<ReturnType<typeof heartbeatLoad>>;
  try {
    const ids = Array.from({ length: 5 * KIOSKS_PER_SITE }, (_, i) => `k-${i}`);
    await heartbeatLoad(bare, ids, undefined, WARMUP_MS);
    floor = await heartbeatLoad(bare, ids);
  } finally {
    bare.process.kill('SIGTERM');
  }

  const child = await startChild('borne');
  const browser = await launchChromium();
  try {
    const kioskIds = Object.keys(child.tokens);
    const page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await page.goto(`${child.base}/staff/`);
    await page.getByLabel('Identifiant').fill('admin');
    await page.getByLabel('Mot de passe').fill('admin');
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.getByRole('link', { name: 'Administration' }).click();
    await page.getByRole('link', { name: 'Parc des bornes' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('tr[data-kiosk-id]').length === n, kioskIds.length, { timeout: 60_000 });
    await page.evaluate(() => {
      const seen: [string, string, number][] = [];
      (window as unknown as { fleetChanges: typeof seen }).fleetChanges = seen;
      new MutationObserver((records) => {
        const at = performance.timeOrigin + performance.now();
        for (const r of records) {
          const el = r.target as HTMLElement;
          if (r.attributeName === 'data-state') seen.push([el.dataset.kioskId ?? '', el.dataset.state ?? '', at]);
        }
      }).observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });

    // Warm-up outside the measure: every kiosk beats once (online), then a few seconds of the
    // same load, so the JIT, zod and the prepared statements are warm as in a running server.
    await heartbeatLoadOnce(child, kioskIds);
    await heartbeatLoad(child, kioskIds, undefined, WARMUP_MS);
    // 1. The heartbeats alone, the fleet screen open: the CPU figure.
    const result = await heartbeatLoad(child, kioskIds);
    // 2. The same beats, with a kiosk changing state every 200 ms: the screen's latency.
    const samples: number[] = [];
    const sent: { id: string; state: string; at: number }[] = [];
    let next = 0;
    let lastSent = 0;
    const load = heartbeatLoad(child, kioskIds, () => {
      // One state change every 200 ms while the beats run.
      if (next >= SAMPLES || Date.now() - lastSent < 200) return;
      lastSent = Date.now();
      // Pairs on one kiosk: into a session, then back to « libre », so both change its row.
      const id = kioskIds[(Math.floor(next / 2) * 37) % kioskIds.length]!;
      const inSession = next % 2 === 0;
      next++;
      sent.push({ id, state: inSession ? 'en_session' : 'libre', at: Date.now() });
      void fetch(`${child.base}/api/kiosk/state`, { method: 'PUT', headers: { authorization: `Bearer ${child.tokens[id]}`, 'content-type': 'application/json' }, body: JSON.stringify({ inSession, screen: inSession ? 'guides' : 'home', language: 'fr' }) });
    });
    const withChanges = await load;
    await page.waitForFunction((n) => (window as unknown as { fleetChanges: unknown[] }).fleetChanges.length >= n, sent.length, { timeout: 10_000 }).catch(() => undefined);
    const changes = await page.evaluate(() => (window as unknown as { fleetChanges: [string, string, number][] }).fleetChanges);
    let missed = 0;
    for (const s of sent) {
      const seen = changes.find(([id, state, at]) => id === s.id && state === s.state && at >= s.at - 5);
      if (seen) samples.push(seen[2] - s.at);
      else missed++;
    }
    const p95 = samples.length ? percentile(samples, 95) : Infinity;
    const figures = {
      kiosks: kioskIds.length,
      heartbeatIntervalSeconds: REAL_INTERVAL_MS / 1000,
      timeCompression: `${COMPRESSION}× (a beat every ${REAL_INTERVAL_MS / COMPRESSION / 1000} s for ${WINDOW_MS / 1000} s, CPU share divided by ${COMPRESSION})`,
      beats: result.beats + withChanges.beats,
      failedBeats: result.failures + withChanges.failures,
      serverCpuPercentOfOneCore: round(result.cpuPercentOfCore),
      bareFastifyFloorCpuPercent: round(floor.cpuPercentOfCore),
      ratioToFloor: round(result.cpuPercentOfCore / floor.cpuPercentOfCore),
      // Informational: the second window, where 60 state changes also reach the screen.
      serverCpuPercentWithStateChanges: round(withChanges.cpuPercentOfCore),
      stateChanges: sent.length,
      screenSamples: samples.length,
      missedChanges: missed,
      screenP50Ms: round(samples.length ? percentile(samples, 50) : Infinity),
      screenP95Ms: round(p95),
    };
    return {
      name: '« Parc des bornes », 500 kiosks beating every 15 s',
      figures,
      target: `server CPU < ${TARGET_CPU_PERCENT} % of one core on heartbeats; state change to the screen p95 < ${TARGET_P95_MS} ms`,
      ok: result.cpuPercentOfCore < TARGET_CPU_PERCENT && p95 < TARGET_P95_MS && missed === 0 && result.failures + withChanges.failures === 0,
    };
  } finally {
    await browser.close();
    child.process.kill('SIGTERM');
  }
}

/** Every kiosk beats once (they come online), not measured. */
async function heartbeatLoadOnce(child: Child, kioskIds: string[]): Promise<void> {
  await Promise.all(kioskIds.map((id) => fetch(`${child.base}/api/kiosk/heartbeat`, { method: 'POST', headers: { authorization: `Bearer ${child.tokens[id]}` } })));
}

const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 100) / 100 : -1);

/*
 * Measured on the 2-core machine this was written on, shared with other jobs (01:42 UTC): 4.5 %
 * of one core on heartbeats (2.3× a bare Fastify route's 2.0 % on the same load), p95 79 ms from
 * a kiosk's state change to its row on the screen. Without the warm-up the first window read
 * 6.7 %: the figure moves by a point or two with the machine's load.
 */
