import { describe, expect, it } from 'vitest';
import { parisToUtc } from '../../src/core/agenda/paris-time';
import { freeSlots, type SlotQuery } from '../../src/core/agenda/slots';

const DAY: readonly (readonly [string, string])[] = [['08:30', '12:30'], ['13:30', '17:30']];
const WEEK = { mon: DAY, tue: DAY, wed: DAY, thu: DAY, fri: [['08:30', '12:30']] as const };
const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

function query(over: Partial<SlotQuery>): SlotQuery {
  return { periods: WEEK, busy: [], durationMinutes: 30, minDelayMinutes: 0, maxDelayDays: 1, now: at('2026-11-23T00:00:00Z'), ...over };
}

describe('free slots of a référent', () => {
  it('cuts the opening periods into slots of the motif duration, in Paris time (winter: UTC+1)', () => {
    const slots = freeSlots(query({ maxDelayDays: 0.9 }));
    expect(slots).toHaveLength(16);
    expect(iso(slots[0]!.start)).toBe('2026-11-23T07:30:00.000Z');
    expect(iso(slots[7]!.end)).toBe('2026-11-23T11:30:00.000Z');
    expect(iso(slots[8]!.start)).toBe('2026-11-23T12:30:00.000Z');
    expect(iso(slots[15]!.end)).toBe('2026-11-23T16:30:00.000Z');
  });

  it('never overlaps an appointment, even partly', () => {
    const busy = [{ start: at('2026-11-23T08:00:00Z'), end: at('2026-11-23T08:45:00Z') }];
    const starts = freeSlots(query({ busy, maxDelayDays: 0.5 })).map((s) => iso(s.start).slice(11, 16));
    expect(starts).not.toContain('08:00');
    expect(starts).not.toContain('08:30');
    expect(starts).toContain('07:30');
    expect(starts).toContain('09:00');
  });

  it('leaves out an absence that spans days', () => {
    const busy = [{ start: at('2026-11-23T00:00:00Z'), end: at('2026-11-25T00:00:00Z') }];
    const slots = freeSlots(query({ busy, maxDelayDays: 3 }));
    expect(iso(slots[0]!.start)).toBe('2026-11-25T07:30:00.000Z');
  });

  it('has no slot on a fully booked day, and none on a closed day', () => {
    const busy = [{ start: at('2026-11-23T07:30:00Z'), end: at('2026-11-23T16:30:00Z') }];
    expect(freeSlots(query({ busy, maxDelayDays: 0.9 }))).toEqual([]);
    expect(freeSlots(query({ now: at('2026-11-28T00:00:00Z'), maxDelayDays: 1.5 }))).toEqual([]); // Saturday, Sunday
  });

  it('respects the booking delays: not before now + the minimum delay, not after the horizon', () => {
    const slots = freeSlots(query({ now: at('2026-11-23T09:00:00Z'), minDelayMinutes: 120, maxDelayDays: 1 }));
    expect(iso(slots[0]!.start)).toBe('2026-11-23T11:00:00.000Z');
    expect(slots.every((s) => s.start <= at('2026-11-24T09:00:00Z'))).toBe(true);
  });

  it('keeps 08:30 at 08:30 across the spring change (29 March 2027, UTC+2 from then)', () => {
    const slots = freeSlots(query({ now: at('2027-03-26T00:00:00Z'), maxDelayDays: 4 }));
    const firsts = [...new Set(slots.map((s) => iso(s.start).slice(0, 10)))].map((d) => iso(slots.find((s) => iso(s.start).startsWith(d))!.start));
    expect(firsts).toEqual(['2027-03-26T07:30:00.000Z', '2027-03-29T06:30:00.000Z']);
  });

  it('keeps 08:30 at 08:30 across the autumn change (25 October 2026, UTC+1 from then)', () => {
    const slots = freeSlots(query({ now: at('2026-10-23T00:00:00Z'), maxDelayDays: 4 }));
    expect(iso(slots[0]!.start)).toBe('2026-10-23T06:30:00.000Z');
    expect(iso(slots.find((s) => iso(s.start).startsWith('2026-10-26'))!.start)).toBe('2026-10-26T07:30:00.000Z');
  });

  it('knows the skipped hour and the repeated hour of the DST changes', () => {
    expect(parisToUtc({ year: 2027, month: 3, day: 28 }, 2 * 60 + 30)).toBeNull();
    const repeated = parisToUtc({ year: 2026, month: 10, day: 25 }, 2 * 60 + 30);
    expect(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']).toContain(iso(repeated!));
  });

  it('steps by the given interval when it differs from the duration', () => {
    const slots = freeSlots(query({ durationMinutes: 60, stepMinutes: 30, maxDelayDays: 0.4 }));
    expect(slots.slice(0, 3).map((s) => iso(s.start).slice(11, 16))).toEqual(['07:30', '08:00', '08:30']);
    expect(iso(slots.at(-1)!.start).slice(11, 16)).toBe('09:30'); // the horizon bounds the start
  });
});
