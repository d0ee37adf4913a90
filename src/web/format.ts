import { localeFor } from '../core/i18n/languages';
/** Dates and opening hours in the usager's language, always in the pôle's time zone. */
const TIME_ZONE = 'Europe/Paris';

export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(localeFor(lang), { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(localeFor(lang), { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** {"mon":[["08:30","12:30"]],…} → "lundi : 08:30–12:30 · mardi : …", day names in `lang`. */
export function formatWeeklyHours(json: string, lang: string): string {
  let hours: Partial<Record<(typeof DAYS)[number], [string, string][]>>;
  try {
    hours = JSON.parse(json) as typeof hours;
  } catch {
    return '';
  }
  // 2024-01-01 was a Monday: day i of the week is 2024-01-0(1+i).
  const dayName = (i: number) => new Intl.DateTimeFormat(localeFor(lang), { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + i)));
  const list = new Intl.ListFormat(localeFor(lang), { type: 'unit', style: 'short' });
  return DAYS.flatMap((d, i) => {
    const periods = hours[d];
    // Each time range is isolated left-to-right (LRI … PDI), or Arabic text would reverse "08:30–12:30".
    return periods?.length ? [`${dayName(i)} ${list.format(periods.map(([a, b]) => `\u2066${a}–${b}\u2069`))}`] : [];
  }).join(' · ');
}

/** "09:30": a slot's time on its button (shown in a dir="ltr" span, so Arabic keeps it whole). */
export function formatTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(localeFor(lang), { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
}

/** "mercredi 25 novembre": the heading of a day of slots. */
export function formatDay(isoDate: string, lang: string): string {
  // Noon UTC is the same calendar day in Paris whatever the season.
  return new Intl.DateTimeFormat(localeFor(lang), { timeZone: TIME_ZONE, weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/** "23 novembre": the week's first day, in "Semaine du 23 novembre". */
export function formatDayMonth(isoDate: string, lang: string): string {
  return new Intl.DateTimeFormat(localeFor(lang), { timeZone: TIME_ZONE, day: 'numeric', month: 'long' }).format(new Date(`${isoDate}T12:00:00Z`));
}
