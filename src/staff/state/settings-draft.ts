import { SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/languages';
import type { SiteSettings } from '../../core/site/settings';
import type { Weekday } from '../../core/site/site-config';

/**
 * What the admin types in « Réglages du pôle », as typed: numbers stay text until they are sent,
 * so a refused « 2,5 » is still on screen to be corrected (the server says what is wrong).
 */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The number fields, by their path in the site configuration (the path the server's refusals name). */
export const NUMBER_FIELDS = [
  'help.escalationMinutes',
  'help.expiryMinutes',
  'help.claimedPauseMinutes',
  'help.ringIntervalSeconds',
  'help.offlineExpiryMinutes',
  'idle.warningAfterSeconds',
  'idle.answerSeconds',
  'booking.maxLivePerPhone',
  'booking.maxLivePerDossier',
  'booking.maxPerKioskPerHour',
  'fleet.offlineAlertMinutes',
] as const;
export type NumberField = (typeof NUMBER_FIELDS)[number];

export interface SettingsDraft {
  name: string;
  address: string;
  fallback: Record<Language, string>;
  numbers: Record<NumberField, string>;
  openingHours: Record<Weekday, [string, string][]>;
  closedDays: string[];
  languages: Language[];
  defaultLanguage: Language;
  guides: string[];
  /** One host per line. */
  allowedHosts: string;
}

function valueAt(settings: SiteSettings, path: NumberField): number {
  const [group, key] = path.split('.') as [keyof SiteSettings, string];
  return (settings[group] as unknown as Record<string, number>)[key]!;
}

export function draftOf(settings: SiteSettings): SettingsDraft {
  return {
    name: settings.name,
    address: settings.address,
    fallback: Object.fromEntries(SUPPORTED_LANGUAGES.map((l) => [l, settings.help.fallback[l] ?? ''])) as Record<Language, string>,
    numbers: Object.fromEntries(NUMBER_FIELDS.map((f) => [f, String(valueAt(settings, f))])) as Record<NumberField, string>,
    openingHours: Object.fromEntries(WEEKDAYS.map((d) => [d, (settings.openingHours[d] ?? []).map(([a, b]) => [a, b] as [string, string])])) as SettingsDraft['openingHours'],
    closedDays: [...settings.closedDays].sort(),
    languages: [...settings.languages],
    defaultLanguage: settings.defaultLanguage,
    guides: [...settings.guides],
    allowedHosts: settings.allowedHosts.join('\n'),
  };
}

/** A typed number as the server should judge it: a number when it reads as one, else the text itself. */
function typedNumber(text: string): number | string {
  const normalised = text.trim().replace(',', '.');
  return normalised !== '' && Number.isFinite(Number(normalised)) ? Number(normalised) : text;
}

/** The settings to send: every editable field, so the server checks the whole form at once. */
export function settingsOfDraft(draft: SettingsDraft): Record<string, unknown> {
  const groups: Record<string, Record<string, unknown>> = { help: {}, idle: {}, booking: {}, fleet: {} };
  for (const field of NUMBER_FIELDS) {
    const [group, key] = field.split('.') as [string, string];
    groups[group]![key] = typedNumber(draft.numbers[field]);
  }
  // An empty translation means « use French »: it is left out rather than sent empty.
  groups.help!.fallback = Object.fromEntries(Object.entries(draft.fallback).filter(([l, text]) => l === 'fr' || text.trim() !== ''));
  return {
    name: draft.name,
    address: draft.address,
    ...groups,
    openingHours: draft.openingHours,
    closedDays: draft.closedDays,
    languages: draft.languages,
    defaultLanguage: draft.defaultLanguage,
    guides: draft.guides,
    allowedHosts: draft.allowedHosts.split(/\s+/).map((h) => h.trim().toLowerCase()).filter(Boolean),
  };
}
