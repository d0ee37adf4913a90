import { z } from 'zod';
import type { LanguageStatus } from '../i18n/translation-status';
import type { SiteConfig } from './site-config';

/**
 * « Réglages du pôle »: the part of a pôle's configuration an admin changes from the console.
 * The id, the timezone, the kiosks (« Parc des bornes ») and the browser rules stay with IT.
 */
export const EDITABLE_SETTINGS = ['name', 'address', 'languages', 'defaultLanguage', 'openingHours', 'closedDays', 'help', 'idle', 'guides', 'allowedHosts', 'booking', 'fleet'] as const;
export type EditableSetting = (typeof EDITABLE_SETTINGS)[number];
export type SiteSettings = Pick<SiteConfig, EditableSetting>;

/** Groups whose fields are merged one by one into the current ones (the rest is replaced whole). */
const GROUPS: readonly EditableSetting[] = ['help', 'idle', 'booking', 'fleet'];

/**
 * The body of a save. Values are checked after merging, by the site schema itself (the same
 * messages as the config files), so only the envelope is checked here.
 */
export const settingsSaveBodySchema = z
  .object({
    version: z.number({ error: 'expected the version the settings were read at (from GET …/settings)' }).int().min(0),
    settings: z.record(z.string(), z.unknown(), { error: 'expected an object of settings, for example { "help": { "escalationMinutes": 5 } }' }),
  })
  .strict();

/** What kind of mistake a refused field has, for the console to say it in the admin's language. */
export interface FieldIssue {
  kind: 'too_small' | 'too_big' | 'not_integer' | 'not_number' | 'wrong_format' | 'required';
  limit?: number;
  /** false: the limit itself is refused ("greater than 0"). */
  inclusive?: boolean;
}

/** A refused field of a save: the server's message (English, the config files' words) and its kind. */
export interface SettingsFieldError {
  path: string;
  message: string;
  issue?: FieldIssue;
}

export interface GuideChoice {
  id: string;
  /** The French title (the source language), for the admin to choose from. */
  title: string;
}

export interface SettingsView {
  settings: SiteSettings;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
  /** Every guide that exists (kiosk-config/guides), for « Démarches proposées ». */
  guides: GuideChoice[];
  /** The languages Borne can show, each with who translated it, whether reviewed, how complete. */
  languages: readonly LanguageStatus[];
}

export interface SettingsSaved extends SettingsView {
  /** Set when allowedHosts changed: the kiosks' Chromium policy must be regenerated, with this command. */
  policyCommand: string | null;
}

export function settingsOf(site: SiteConfig): SiteSettings {
  return Object.fromEntries(EDITABLE_SETTINGS.map((k) => [k, site[k]])) as SiteSettings;
}

/** The fields given that are not editable here, so they are refused by name rather than ignored. */
export function notEditable(input: Record<string, unknown>): string[] {
  return Object.keys(input).filter((k) => !(EDITABLE_SETTINGS as readonly string[]).includes(k));
}

/** The site as it would be with these settings: groups merged field by field, the rest replaced. */
export function mergeSettings(site: SiteConfig, input: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...site };
  for (const [key, value] of Object.entries(input)) {
    const current = next[key];
    const isGroup = (GROUPS as readonly string[]).includes(key) && value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object';
    next[key] = isGroup ? { ...(current as object), ...(value as object) } : value;
  }
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Leaf values by path ("help.escalationMinutes"); arrays are leaves (a list of hosts, of periods). */
export function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out[prefix] = value;
  }
  return out;
}

/** Exactly the fields that differ, before and after: what the audit keeps and what a diff shows. */
export function changedFields(before: unknown, after: unknown): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const a = flatten(before);
  const b = flatten(after);
  const out = { before: {} as Record<string, unknown>, after: {} as Record<string, unknown> };
  for (const path of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
    if (JSON.stringify(a[path]) === JSON.stringify(b[path])) continue;
    if (path in a) out.before[path] = a[path];
    if (path in b) out.after[path] = b[path];
  }
  return out;
}
