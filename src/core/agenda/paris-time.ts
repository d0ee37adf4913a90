/**
 * Europe/Paris wall-clock time ↔ UTC, with the ECMAScript Intl API only (no time-zone library):
 * a pôle's hours are local, appointments are stored in UTC, and both DST changes must hold.
 */
export const PARIS = 'Europe/Paris';

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const CACHE_LIMIT = 8192;

const formatter = new Intl.DateTimeFormat('en-US', { timeZone: PARIS, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });

/** Minutes Paris is ahead of UTC at this instant (60 in winter, 120 in summer). */
export function parisOffsetMinutes(utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatter.formatToParts(new Date(utcMs))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

// Offsets change only on the hour (at most twice a year): one Intl call per UTC hour is enough.
const offsetByHour = new Map<number, number>();

function offsetAt(utcMs: number): number {
  const hour = Math.floor(utcMs / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = parisOffsetMinutes(hour * 3_600_000);
    if (offsetByHour.size >= CACHE_LIMIT) offsetByHour.delete(offsetByHour.keys().next().value!);
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** The Paris wall-clock time of an instant, as a Date whose UTC fields read Paris time. */
export function parisWallClock(utcMs: number): Date {
  return new Date(utcMs + offsetAt(utcMs) * 60_000);
}

/** The Paris calendar date of an instant. */
export function parisDate(utcMs: number): LocalDate {
  const local = new Date(utcMs + offsetAt(utcMs) * 60_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: LocalDate): number {
  return (new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() + 6) % 7;
}

// Intl formatting costs microseconds; a département asks the same few (date, time) pairs for
// hundreds of référents, so answers are kept (bounded, oldest dropped first).
const cache = new Map<number, number | null>();

/**
 * The UTC instant of a Paris wall-clock time, or null when that time does not exist (the hour
 * skipped when clocks go forward in March).
 */
export function parisToUtc(date: LocalDate, minutesOfDay: number): number | null {
  const key = ((date.year * 13 + date.month) * 32 + date.day) * 1440 + minutesOfDay;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const utc = computeParisToUtc(date, minutesOfDay);
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, utc);
  return utc;
}

function computeParisToUtc(date: LocalDate, minutesOfDay: number): number | null {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minutesOfDay);
  const first = naive - parisOffsetMinutes(naive) * 60_000;
  const second = naive - parisOffsetMinutes(first) * 60_000;
  const utc = parisOffsetMinutes(second) === parisOffsetMinutes(first) ? second : first;
  // Round trip: a skipped wall-clock time comes back as another time.
  return utc + parisOffsetMinutes(utc) * 60_000 === naive ? utc : null;
}

/** "2026-11-23" for a local date. */
export function isoDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** The local date of "2026-11-23", or null when it is not a real calendar date. */
export function parseIsoDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = addDays(date, 0);
  return check.year === date.year && check.month === date.month && check.day === date.day ? date : null;
}

/** The Monday of the week holding `date` (weeks run Monday to Sunday in France). */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, -weekdayIndex(date));
}

/** The UTC instant of a Paris midnight (always exists: DST changes happen at 2–3 am). */
export function parisMidnight(date: LocalDate): number {
  return parisToUtc(date, 0)!;
}
