import { freeSlots, type Interval } from '../../src/core/agenda/slots';

/**
 * Free slots of 14 sites × 60 référents over 60 days, with realistic bookings and absences.
 * Target: under 100 ms for the whole département.
 */
export async function slotsBench(): Promise<{ name: string; figures: Record<string, number>; target: string; ok: boolean }> {
  const day: readonly (readonly [string, string])[] = [['08:30', '12:30'], ['13:30', '17:30']];
  const periods = { mon: day, tue: day, wed: day, thu: day, fri: [['08:30', '12:30']] as const };
  const now = Date.parse('2026-11-23T06:00:00Z');
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const referents: Interval[][] = [];
  for (let r = 0; r < 14 * 60; r++) {
    const busy: Interval[] = [];
    for (let d = 0; d < 60; d++) {
      for (let k = 0; k < 3; k++) {
        const start = now + d * 86_400_000 + Math.floor(random() * 16) * 1_800_000 + 5_400_000;
        busy.push({ start, end: start + 1_800_000 });
      }
    }
    if (random() < 0.2) busy.push({ start: now + 10 * 86_400_000, end: now + 15 * 86_400_000 });
    referents.push(busy);
  }
  const run = () => referents.reduce((n, busy) => n + freeSlots({ periods, busy, durationMinutes: 30, minDelayMinutes: 120, maxDelayDays: 60, now }).length, 0);
  run(); // warm-up: JIT and Intl caches
  const times: number[] = [];
  let slots = 0;
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    slots = run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = Number(times[2]!.toFixed(1));
  return { name: 'free-slots-departement', figures: { referents: referents.length, days: 60, slots, median_ms: median, best_ms: Number(times[0]!.toFixed(1)) }, target: 'median < 100 ms', ok: median < 100 };
}
