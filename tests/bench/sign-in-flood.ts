import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '../support/server';
import { percentile } from './stats';

/**
 * The kiosk's page while sign-ins flood the server (item 14 of the field test): waves of 48
 * sign-ins at once with made-up usernames, each from its own address (X-Forwarded-For,
 * trustProxy), and while each wave is in flight the time to fetch /kiosk/index.html over loopback. The floor is the same fetch with
 * no flood, measured in the same run, so the ratio says what the flood costs on this machine.
 */
export async function signInFloodBench(): Promise<{ name: string; figures: Record<string, number>; target: string; ok: boolean }> {
  const dist = mkdtempSync(join(tmpdir(), 'borne-bench-dist-'));
  for (const name of ['kiosk', 'staff']) {
    mkdirSync(join(dist, name), { recursive: true });
    writeFileSync(join(dist, name, 'index.html'), '<!doctype html><title>Borne</title>');
  }
  const server = await startTestServer({ distDir: dist, trustProxy: true });
  const base = await server.app.listen({ port: 0, host: '127.0.0.1' });

  const samplePage = async (count: number): Promise<number[]> => {
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      const response = await fetch(`${base}/kiosk/index.html`, { cache: 'no-store' });
      await response.text();
      if (!response.ok) throw new Error(`the kiosk page answered ${response.status}`);
      samples.push(performance.now() - start);
    }
    return samples;
  };

  await samplePage(10); // warm-up
  const floor = await samplePage(50);

  // Waves of 48 sign-ins fired at once, as in the field test; the page is fetched while each is in flight.
  let sent = 0;
  const statuses = new Map<number, number>();
  const signIn = async (): Promise<void> => {
    const n = sent++;
    const response = await fetch(`${base}/api/staff/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` },
      body: JSON.stringify({ username: `nobody-${n}`, password: `guess-${n}` }),
    });
    await response.text();
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
  };
  const underFlood: number[] = [];
  let waves = 0;
  while (underFlood.length < 50) {
    waves++;
    let inFlight = true;
    const wave = Promise.all(Array.from({ length: 48 }, signIn)).finally(() => (inFlight = false));
    while (inFlight && underFlood.length < 50) underFlood.push(...(await samplePage(1)));
    await wave;
  }
  await server.close();
  rmSync(dist, { recursive: true, force: true });

  const floorP95 = percentile(floor, 95);
  const floodP95 = percentile(underFlood, 95);
  const figures = {
    waves,
    sign_ins_sent: sent,
    refused_busy_503: statuses.get(503) ?? 0,
    checked_401: statuses.get(401) ?? 0,
    floor_p95_ms: Number(floorP95.toFixed(2)),
    flood_p50_ms: Number(percentile(underFlood, 50).toFixed(2)),
    flood_p95_ms: Number(floodP95.toFixed(2)),
    flood_p95_over_floor: Number((floodP95 / Math.max(floorP95, 0.01)).toFixed(1)),
  };
  return { name: 'kiosk-page-during-sign-in-flood', figures, target: 'p95 < 200 ms while a wave of 48 sign-ins is in flight', ok: figures.flood_p95_ms < 200 };
}
