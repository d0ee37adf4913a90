import { addDays, parisDate, parisOffsetMinutes, parisToUtc, weekdayIndex, type LocalDate } from './paris-time';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** A référent's weekly opening periods, in Paris wall-clock time ("08:30"). */
export type WeeklyPeriods = Partial<Record<Weekday, readonly (readonly [string, string])[]>>;

export interface Interval {
  start: number; // UTC ms
  end: number;
}

export interface SlotQuery {
  periods: WeeklyPeriods;
  /** Absences and existing appointments: nothing may overlap them. */
  busy: readonly Interval[];
  durationMinutes: number;
  /** Slots start every `stepMinutes` from the opening time (defaults to the duration). */
  stepMinutes?: number;
  /** Earliest booking: now + this (for example 2 h: the référent must be able to prepare). */
  minDelayMinutes: number;
  /** Latest booking: now + this many days. */
  maxDelayDays: number;
  now: number;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The free slots of one référent, sorted. Pure: the caller passes "now", the hours, the busy
 * intervals and the motif's duration and delays. Days are walked in Paris time, so a slot at
 * 09:00 stays at 09:00 on both sides of a DST change.
 */
export function freeSlots(query: SlotQuery): Interval[] {
  const duration = query.durationMinutes * 60_000;
  const step = (query.stepMinutes ?? query.durationMinutes) * 60_000;
  const earliest = query.now + query.minDelayMinutes * 60_000;
  const latest = query.now + query.maxDelayDays * 86_400_000;
  const busy = [...query.busy].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  let cursor = 0; // busy intervals ending before the current slot are never needed again

  for (const { date: day, weekday } of calendar(parisDate(earliest), parisDate(latest))) {
    // In time order, so the busy cursor only ever moves forward.
    const periods = [...(query.periods[weekday] ?? [])].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    for (const [open, close] of periods) {
      const openUtc = parisToUtc(day, toMinutes(open));
      const closeUtc = parisToUtc(day, toMinutes(close));
      if (openUtc === null || closeUtc === null) continue;
      for (let start = openUtc; start + duration <= closeUtc; start += step) {
        if (start < earliest || start > latest) continue;
        const end = start + duration;
        while (cursor < busy.length && busy[cursor]!.end <= start) cursor++;
        let free = true;
        for (let i = cursor; i < busy.length && busy[i]!.start < end; i++) {
          if (busy[i]!.end > start) {
            free = false;
            break;
          }
        }
        if (free) out.push({ start, end });
      }
    }
  }
  return out;
}

function compare(a: LocalDate, b: LocalDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

// Every référent of a département walks the same days: build the list once per range.
let lastCalendar: { key: string; days: { date: LocalDate; weekday: Weekday }[] } | null = null;

function calendar(first: LocalDate, last: LocalDate): { date: LocalDate; weekday: Weekday }[] {
  const key = `${first.year}-${first.month}-${first.day}/${last.year}-${last.month}-${last.day}`;
  if (lastCalendar?.key === key) return lastCalendar.days;
  const days: { date: LocalDate; weekday: Weekday }[] = [];
  for (let day = first; compare(day, last) <= 0; day = addDays(day, 1)) days.push({ date: day, weekday: WEEKDAYS[weekdayIndex(day)]! });
  lastCalendar = { key, days };
  return days;
}

/** Re-exported for callers that show times: the offset in force at an instant. */
export { parisOffsetMinutes };
