import { performance } from 'node:perf_hooks';
import { Histogram, type MetricFamily } from './exposition';

/**
 * What this process measures as it runs: its open streams, how long an event takes to reach
 * them, and the sweep. One set per process, like the process's own figures: in production one
 * process is one instance. (Tests that build several apps in one process compare before/after.)
 * What the database knows (kiosks online, calls waiting) is read at scrape time instead.
 */

export type StreamKind = 'kiosk' | 'staff' | 'fleet';
export type SweepResult = 'ran' | 'skipped' | 'failed';

const STREAM_KINDS: readonly StreamKind[] = ['kiosk', 'staff', 'fleet'];
const SWEEP_RESULTS: readonly SweepResult[] = ['ran', 'skipped', 'failed'];

/** From half a millisecond (one instance, few streams) to seconds (the 5,000-kiosk case of issue 11). */
const FANOUT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** The sweep runs every 2 s: anything near that is a problem worth seeing. */
const SWEEP_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];

const openStreams = new Map<StreamKind, number>(STREAM_KINDS.map((k) => [k, 0]));
const fanout = new Histogram(FANOUT_BUCKETS);
const sweepDuration = new Histogram(SWEEP_BUCKETS);
const sweepRuns = new Map<SweepResult, number>(SWEEP_RESULTS.map((r) => [r, 0]));

/**
 * Counts a stream as open until the returned function is called (give it to channel.onClose;
 * calling it twice counts once).
 */
export function trackStream(kind: StreamKind): () => void {
  openStreams.set(kind, openStreams.get(kind)! + 1);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    openStreams.set(kind, openStreams.get(kind)! - 1);
  };
}

/** One event written on one stream, `seconds` after it was published. */
export function observeFanout(seconds: number): void {
  fanout.observe(Math.max(0, seconds));
}

/** Epoch milliseconds with sub-millisecond precision (Date.now() is too coarse for a local fan-out). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * When each bus message was published. A WeakMap, so the bus's message type needs no new field
 * and nothing is kept once the message is gone. The first listener of the bus stamps it
 * (app.ts); a cross-instance adapter stamps it first with the origin's time, which is then kept.
 */
const publishedAt = new WeakMap<object, number>();

export function markPublished(message: object, atMs: number = nowMs()): void {
  if (!publishedAt.has(message)) publishedAt.set(message, atMs);
}

/** Call right after writing `message` on a stream: observes publish → write, if it was stamped. */
export function observeDelivery(message: object): void {
  const at = publishedAt.get(message);
  if (at !== undefined) observeFanout((nowMs() - at) / 1000);
}

/**
 * One sweep. `skipped` means another instance holds the sweep's lock; its duration says nothing
 * about the sweep, so only runs that ran or failed go into the duration histogram.
 */
export function observeSweep(seconds: number, result: SweepResult): void {
  sweepRuns.set(result, sweepRuns.get(result)! + 1);
  if (result !== 'skipped') sweepDuration.observe(seconds);
}

/**
 * Wraps the sweep so every call of it is measured, the timer's and the tests' alike. The body
 * returns 'skipped' when it did not run (the leader lock is held elsewhere).
 */
export function timedSweep(body: () => Promise<void | 'skipped'>): () => Promise<void> {
  return async () => {
    const start = nowMs();
    let result: SweepResult = 'failed';
    try {
      result = (await body()) === 'skipped' ? 'skipped' : 'ran';
    } finally {
      observeSweep((nowMs() - start) / 1000, result);
    }
  };
}

export function runtimeFamilies(): MetricFamily[] {
  return [
    {
      name: 'borne_streams_open',
      help: 'Server-Sent Events streams open on this instance, by kind (kiosk, staff: a site console, fleet: « Parc des bornes »). Sum across instances for the cluster.',
      type: 'gauge',
      samples: STREAM_KINDS.map((kind) => ({ labels: { kind }, value: openStreams.get(kind)! })),
    },
    {
      name: 'borne_event_fanout_seconds',
      help: 'Time from an event being published to its write on one stream of this instance (one observation per stream written).',
      type: 'histogram',
      samples: fanout.samples(),
    },
    {
      name: 'borne_sweep_duration_seconds',
      help: 'Duration of the escalation and retention sweep on this instance (runs that ran or failed; skipped runs are not timed).',
      type: 'histogram',
      samples: sweepDuration.samples(),
    },
    {
      name: 'borne_sweep_runs_total',
      help: 'Sweeps started on this instance, by result: ran, skipped (another instance holds the sweep lock), failed.',
      type: 'counter',
      samples: SWEEP_RESULTS.map((result) => ({ labels: { result }, value: sweepRuns.get(result)! })),
    },
  ];
}
