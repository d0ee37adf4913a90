import { addDays, isoDate, parisDate, parisToUtc, weekdayIndex, type LocalDate } from '../agenda/paris-time';
import type { SiteConfig, Weekday } from './site-config';
import { localeFor } from '../i18n/languages';

/**
 * Is the pôle open now, and when does it open next? The kiosk must not send a usager to an
 * accueil that is closed (field test, issue 9 item 6). Hours are Paris wall-clock times; the
 * answers are UTC instants, so both DST changes hold.
 */
export type OpeningHours = SiteConfig['openingHours'];

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** Far enough to pass any holiday week a site could configure; a site never open answers null. */
const LOOKAHEAD_DAYS = 14;

export type OpeningState = { open: true; closesAt: number } | { open: false; opensAt: number | null };

function minutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

/** The periods of one Paris date, as UTC instants; a time skipped by DST moves to the next valid minute. */
function periodsOn(hours: OpeningHours, date: LocalDate): { start: number; end: number }[] {
  const day = WEEKDAYS[weekdayIndex(date)]!;
  const at = (m: number): number => {
    for (let shift = 0; shift <= 60; shift++) {
      const utc = parisToUtc(date, m + shift);
      if (utc !== null) return utc;
    }
    return parisToUtc(date, m + 61)!;
  };
  return (hours[day] ?? []).map(([from, to]) => ({ start: at(minutes(from)), end: at(minutes(to)) })).sort((a, b) => a.start - b.start);
}

/**
 * `closedDays` ("YYYY-MM-DD", Paris dates) are days the pôle is closed whatever its weekly hours
 * say: a public holiday, a closure. A closure longer than the look-ahead still finds the next opening.
 */
export function openingState(hours: OpeningHours, nowMs: number, closedDays: readonly string[] = []): OpeningState {
  const today = parisDate(nowMs);
  const closed = new Set(closedDays);
  for (let i = 0; i <= LOOKAHEAD_DAYS + closed.size; i++) {
    const date = addDays(today, i);
    if (closed.has(isoDate(date))) continue;
    for (const period of periodsOn(hours, date)) {
      if (period.start <= nowMs && nowMs < period.end) return { open: true, closesAt: period.end };
      if (period.start > nowMs) return { open: false, opensAt: period.start };
    }
  }
  return { open: false, opensAt: null };
}

/** How far the next opening is, in words a person who reads little follows: today, tomorrow, or a date. */
export type OpeningDay = 'today' | 'tomorrow' | 'later';

export function openingDay(opensAt: number, nowMs: number): OpeningDay {
  const now = parisDate(nowMs);
  const then = parisDate(opensAt);
  const same = (a: LocalDate, b: LocalDate) => a.year === b.year && a.month === b.month && a.day === b.day;
  if (same(now, then)) return 'today';
  if (same(addDays(now, 1), then)) return 'tomorrow';
  return 'later';
}

/** The next opening in the session's language (Paris time): « lundi 7 décembre » and « 08:30 ». */
export function formatOpening(opensAt: number, lang: string): { date: string; time: string } {
  const at = new Date(opensAt);
  return {
    date: new Intl.DateTimeFormat(localeFor(lang), { timeZone: 'Europe/Paris', weekday: 'long', day: 'numeric', month: 'long' }).format(at),
    time: new Intl.DateTimeFormat(localeFor(lang), { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(at),
  };
}

/** Which sentence says when the pôle opens (the same keys in the kiosk's and the bar's texts), and its values. */
export function openingSentence(opensAt: number | null, nowMs: number, lang: string): { key: 'opensToday' | 'opensTomorrow' | 'opensOn' | 'opensUnknown'; date: string; time: string } {
  if (opensAt === null) return { key: 'opensUnknown', date: '', time: '' };
  const { date, time } = formatOpening(opensAt, lang);
  const day = openingDay(opensAt, nowMs);
  return { key: day === 'today' ? 'opensToday' : day === 'tomorrow' ? 'opensTomorrow' : 'opensOn', date, time };
}
