import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import type { WeekSlotsView } from '../../src/core/agenda/booking';
import { percentile } from './stats';

/** Bookings per second, arriving on a fixed schedule whatever the answers (open loop). */
const RATE = 200;
const TOTAL = 1000;
const WARMUP = 200;
const TARGET_P95_MS = 20;
const TARGET_SERVER_MS = 0.5;

interface Phase {
  latencies: number[];
  statuses: Map<number, number>;
  busyMs: number;
}

/**
 * The booking endpoint under an open-loop load: 200 bookings a second of first-contact slots
 * across the five demo pôles, one in ten on a slot another request also wants (as when kiosks
 * race). Requests leave on schedule whatever the server answers, and each latency runs from the
 * time the request was due, so a slow server cannot hide its queue by slowing the client down
 * (a fixed number in flight would). Every answer must be 201 or 409 slot_taken.
 * Targets: p95 under 20 ms, and at most 0.5 ms of server time (event loop busy) per booking.
 * The same schedule against a bare Fastify route doing one prepared insert, in the same run,
 * gives the ratio: what a booking costs beyond the floor of HTTP + one SQLite commit.
 */
export async function bookingBench(): Promise<{ name: string; figures: Record<string, number>; target: string; ok: boolean }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/bench/booking-server.ts'], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const nextLine = async () => {
      const line = await Promise.race([lines.next(), new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the bench server stopped (exit ${code})`))))]);
      if (line.done) throw new Error('the bench server closed its output');
      return line.value;
    };
    const { base, bareBase, tokens } = JSON.parse(await nextLine()) as { base: string; bareBase: string; tokens: Record<string, string> };
    const mark = async () => {
      child.stdin.write('mark\n');
      return (JSON.parse(await nextLine()) as { busyMs: number }).busyMs;
    };
    // node:http with keep-alive, not fetch: fetch costs the load generator more than the server
    // spends on a booking, and the bench would measure the client.
    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    const post = (target: string, path: string, token: string, body: string) =>
      new Promise<number>((resolve, reject) => {
        const url = new URL(target);
        const req = request(
          { host: url.hostname, port: url.port, path, method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode ?? 0));
          },
        );
        req.on('error', reject);
        req.end(body);
      });

    // Every free slot of every first-contact motif, six weeks ahead, on every pôle.
    const jobs: { token: string; body: string }[] = [];
    for (const [kioskId, token] of Object.entries(tokens).filter(([id]) => id.endsWith('-1'))) {
      const site = kioskId.slice(0, -2);
      for (const motif of ['accueil-social', 'pmi', 'sante-sexuelle', 'insertion-rsa']) {
        let week: string | null = null;
        do {
          const res = await fetch(`${base}/api/kiosk/agenda/slots?motifId=${site}-${motif}${week ? `&week=${week}` : ''}`, { headers: { authorization: `Bearer ${token}` } });
          const view = (await res.json()) as WeekSlotsView;
          for (const s of view.days.flatMap((d) => d.slots)) {
            jobs.push({ token, body: JSON.stringify({ motifId: `${site}-${motif}`, referentId: s.referentId, start: s.start, contact: { name: 'Bench Usager', phone: '0600000000' } }) });
          }
          week = view.nextWeek;
        } while (week);
      }
    }
    if (jobs.length < TOTAL + WARMUP) throw new Error(`only ${jobs.length} free slots to book: the demo agenda is too full for this bench`);

    /** Sends `work` at RATE per second on schedule; latency counts from when each was due. */
    const openLoop = async (work: readonly (() => Promise<number>)[]): Promise<Phase> => {
      const latencies: number[] = [];
      const statuses = new Map<number, number>();
      const before = await mark();
      const t0 = performance.now();
      const inflight: Promise<void>[] = [];
      for (let i = 0; i < work.length; i++) {
        const due = t0 + (i * 1000) / RATE;
        const wait = due - performance.now();
        if (wait >= 1) await sleep(wait);
        inflight.push(
          work[i]!().then((status) => {
            latencies.push(performance.now() - due);
            statuses.set(status, (statuses.get(status) ?? 0) + 1);
          }),
        );
      }
      await Promise.all(inflight);
      return { latencies, statuses, busyMs: (await mark()) - before };
    };

    // Warm-up outside the measure: the first requests compile the code paths (JIT, zod, Intl)
    // and open the client's connections.
    const warmup = jobs.splice(jobs.length - WARMUP);
    await openLoop(warmup.map((job) => () => post(base, '/api/kiosk/appointments', job.token, job.body)));
    await openLoop(warmup.map((job) => () => post(bareBase, '/bare', '', job.body)));

    // One request in ten goes for a slot another request also wants: races are part of the load.
    const work = Array.from({ length: TOTAL }, (_, i) => jobs[i % 10 === 9 ? i - 1 : i]!);
    const booking = await openLoop(work.map((job) => () => post(base, '/api/kiosk/appointments', job.token, job.body)));
    const floor = await openLoop(work.map((job) => () => post(bareBase, '/bare', '', job.body)));

    const round = (n: number, places = 100) => Math.round(n * places) / places;
    const p95 = percentile(booking.latencies, 95);
    const serverMs = booking.busyMs / TOTAL;
    const bareMs = floor.busyMs / TOTAL;
    const unexpected = [...booking.statuses.keys()].filter((s) => s !== 201 && s !== 409);
    return {
      name: `booking endpoint, open loop at ${RATE} bookings/s`,
      figures: {
        requests: booking.latencies.length,
        booked: booking.statuses.get(201) ?? 0,
        slotTaken: booking.statuses.get(409) ?? 0,
        unexpectedStatuses: unexpected.length,
        p50Ms: round(percentile(booking.latencies, 50)),
        p95Ms: round(p95),
        p99Ms: round(percentile(booking.latencies, 99)),
        serverMsPerBooking: round(serverMs, 1000),
        bareInsertServerMs: round(bareMs, 1000),
        bareInsertP95Ms: round(percentile(floor.latencies, 95)),
        ratioToBareInsert: round(serverMs / bareMs),
      },
      target: `p95 < ${TARGET_P95_MS} ms at ${RATE}/s, server time ≤ ${TARGET_SERVER_MS} ms per booking, only 201 or 409`,
      ok: p95 < TARGET_P95_MS && serverMs <= TARGET_SERVER_MS && unexpected.length === 0,
    };
  } finally {
    child.kill('SIGTERM');
  }
}
