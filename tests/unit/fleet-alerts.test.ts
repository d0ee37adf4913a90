import { describe, expect, it } from 'vitest';
import { isOpenAt, offlineAlertDue, openMsSince } from '../../src/core/fleet/alerts';
import type { OpeningHours } from '../../src/core/site/opening-hours';

// The demo pôles' hours: Monday to Thursday 08:30–12:30 and 13:30–17:30, Friday morning only.
const HOURS: OpeningHours = {
  mon: [['08:30', '12:30'], ['13:30', '17:30']],
  tue: [['08:30', '12:30'], ['13:30', '17:30']],
  wed: [['08:30', '12:30'], ['13:30', '17:30']],
  thu: [['08:30', '12:30'], ['13:30', '17:30']],
  fri: [['08:30', '12:30']],
  sat: [],
  sun: [],
};
const at = (iso: string) => Date.parse(iso);
const due = (since: string, now: string, closedDays: string[] = [], minutes = 10) => offlineAlertDue({ hours: HOURS, closedDays, minutes, offlineSinceMs: at(since), nowMs: at(now) });

describe('an offline kiosk raises an alert only while its pôle is open (winter: Paris = UTC+1)', () => {
  it('after more than N minutes offline during opening hours', () => {
    // Monday 23 November 2026, offline since 09:00 Paris.
    expect(due('2026-11-23T08:00:00Z', '2026-11-23T08:09:00Z')).toBe(false);
    expect(due('2026-11-23T08:00:00Z', '2026-11-23T08:10:00Z')).toBe(false);
    expect(due('2026-11-23T08:00:00Z', '2026-11-23T08:11:00Z')).toBe(true);
    // The site's own N.
    expect(due('2026-11-23T08:00:00Z', '2026-11-23T08:11:00Z', [], 30)).toBe(false);
  });

  it('never at night, and a kiosk gone at night counts only the minutes since the pôle opened', () => {
    // Offline since Monday 22:00 Paris: Tuesday 02:00 is night; 08:35 is 5 minutes of opening.
    expect(due('2026-11-23T21:00:00Z', '2026-11-24T01:00:00Z')).toBe(false);
    expect(due('2026-11-23T21:00:00Z', '2026-11-24T07:35:00Z')).toBe(false);
    expect(due('2026-11-23T21:00:00Z', '2026-11-24T07:41:00Z')).toBe(true);
  });

  it('not during the lunch break, and the break does not count', () => {
    // Offline since 12:25 Paris: 5 minutes before lunch, then from 13:30.
    expect(due('2026-11-23T11:25:00Z', '2026-11-23T12:00:00Z')).toBe(false);
    expect(due('2026-11-23T11:25:00Z', '2026-11-23T12:34:00Z')).toBe(false);
    expect(due('2026-11-23T11:25:00Z', '2026-11-23T12:36:00Z')).toBe(true);
    expect(openMsSince(HOURS, [], at('2026-11-23T11:25:00Z'), at('2026-11-23T12:36:00Z'))).toBe(11 * 60_000);
  });

  it('not on a closed day, which does not count either', () => {
    const closed = ['2026-11-24'];
    // Offline since Monday 17:25 Paris; Tuesday 24 is closed (a public holiday, say).
    expect(isOpenAt(HOURS, closed, at('2026-11-24T09:00:00Z'))).toBe(false);
    expect(due('2026-11-23T16:25:00Z', '2026-11-24T09:00:00Z', closed)).toBe(false);
    // Wednesday 08:34: 5 + 4 minutes of opening; 08:36: 5 + 6.
    expect(due('2026-11-23T16:25:00Z', '2026-11-25T07:34:00Z', closed)).toBe(false);
    expect(due('2026-11-23T16:25:00Z', '2026-11-25T07:36:00Z', closed)).toBe(true);
    // Without the closed day, Tuesday's hours would have counted.
    expect(due('2026-11-23T16:25:00Z', '2026-11-24T09:00:00Z')).toBe(true);
  });

  it('not on a weekend: Friday noon to Monday morning counts Friday’s last minutes only', () => {
    // Friday 27 November 12:25 Paris, then Monday 30 from 08:30.
    expect(due('2026-11-27T11:25:00Z', '2026-11-28T10:00:00Z')).toBe(false);
    expect(due('2026-11-27T11:25:00Z', '2026-11-30T07:34:00Z')).toBe(false);
    expect(due('2026-11-27T11:25:00Z', '2026-11-30T07:36:00Z')).toBe(true);
  });

  it('a pôle with no hours at all never raises', () => {
    const never: OpeningHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(offlineAlertDue({ hours: never, closedDays: [], minutes: 1, offlineSinceMs: at('2026-11-01T00:00:00Z'), nowMs: at('2026-11-23T09:00:00Z') })).toBe(false);
  });
});

describe('across the DST changes (Paris wall-clock hours hold)', () => {
  it('spring forward: Friday 27 March CET to Monday 30 March CEST', () => {
    // Friday 12:25 CET = 11:25Z; Monday 08:30 CEST = 06:30Z.
    expect(due('2026-03-27T11:25:00Z', '2026-03-30T06:34:00Z')).toBe(false);
    expect(due('2026-03-27T11:25:00Z', '2026-03-30T06:36:00Z')).toBe(true);
    // 07:36Z would be 08:36 in winter time: the pôle is open an hour earlier in UTC.
    expect(isOpenAt(HOURS, [], at('2026-03-30T06:31:00Z'))).toBe(true);
  });

  it('fall back: Friday 23 October CEST to Monday 26 October CET', () => {
    // Friday 12:25 CEST = 10:25Z; Monday 08:30 CET = 07:30Z.
    expect(due('2026-10-23T10:25:00Z', '2026-10-26T06:45:00Z')).toBe(false);
    expect(due('2026-10-23T10:25:00Z', '2026-10-26T07:34:00Z')).toBe(false);
    expect(due('2026-10-23T10:25:00Z', '2026-10-26T07:36:00Z')).toBe(true);
  });
});
