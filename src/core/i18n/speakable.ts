import { intlLocale, SOURCE_LANGUAGE, type Language } from './languages';

/**
 * « Écouter » reads locale texts, never free text: a screen declares the i18n KEYS of its main
 * text, and whoever speaks (the kiosk's browser voice, the server's espeak-ng, a recording)
 * looks the text up itself. So nothing personal can be spoken: no dossier number, name, date
 * of birth or phone, which only ever reach a text through a placeholder, and a key with a
 * placeholder is speakable only when every placeholder is one of those below (small whole
 * numbers the screen counts, never an identifier).
 */

/** The namespaces whose texts may be read aloud (what the kiosk shows). */
export const SPEAKABLE_NAMESPACES = ['kiosk', 'common', 'guides'] as const;
export type SpeakableNamespace = (typeof SPEAKABLE_NAMESPACES)[number];

/**
 * The placeholders declared non-personal: a count of minutes, of results, a step number. Each
 * takes a whole number from 0 to MAX_SPEAKABLE_NUMBER, so a dossier number (8 digits) or a
 * phone number can never pass as one.
 */
export const NON_PERSONAL_PLACEHOLDERS = ['count', 'n', 'total'] as const;
export type NonPersonalPlaceholder = (typeof NON_PERSONAL_PLACEHOLDERS)[number];
export const MAX_SPEAKABLE_NUMBER = 999;

/** One text a screen offers to « Écouter » (kiosk-speakables.ts): a key (`ns:key`, the kiosk namespace by default) and its counts. */
export interface Speakable {
  readonly key: string;
  readonly values?: Readonly<Partial<Record<NonPersonalPlaceholder, number>>>;
}

const KEY_PATTERN = /^(?:([a-z]+):)?([A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9][A-Za-z0-9_-]*){0,6})$/;
export const MAX_SPEAKABLE_KEY_LENGTH = 200;

/** Splits `guides:caf-rsa.steps.demande` or `home.title`; null for anything else. */
export function parseSpeakableKey(raw: string): { ns: SpeakableNamespace; key: string } | null {
  if (raw.length > MAX_SPEAKABLE_KEY_LENGTH) return null;
  const match = KEY_PATTERN.exec(raw);
  if (!match) return null;
  const ns = (match[1] ?? 'kiosk') as SpeakableNamespace;
  if (!(SPEAKABLE_NAMESPACES as readonly string[]).includes(ns)) return null;
  return { ns, key: match[2]! };
}

/** The `{{name}}` placeholders of a text, each once. */
export function placeholdersOf(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^}\s,]+)[^}]*\}\}/g)].map((m) => m[1]!))];
}

export function isNonPersonalPlaceholder(name: string): name is NonPersonalPlaceholder {
  return (NON_PERSONAL_PLACEHOLDERS as readonly string[]).includes(name);
}

/** Reads a raw text of a language's namespace (i18next resources on the kiosk, the locale files on the server). */
export type TextLookup = (lang: Language, ns: SpeakableNamespace, key: string) => string | undefined;

export type SpeakableText =
  | { readonly ok: true; readonly text: string; readonly lang: Language; readonly standIn: boolean }
  | { readonly ok: false; readonly reason: 'bad_key' | 'unknown_key' | 'personal_placeholder' | 'missing_value' | 'bad_value'; readonly detail: string };

function nonEmpty(value: string | undefined): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** The raw text of a key in one language: the key itself, or its plural form for `count`. */
function rawText(lookup: TextLookup, lang: Language, ns: SpeakableNamespace, key: string, count: number | undefined): string | undefined {
  if (count !== undefined) {
    const category = new Intl.PluralRules(intlLocale(lang)).select(count);
    const plural = nonEmpty(lookup(lang, ns, `${key}_${category}`)) ?? nonEmpty(lookup(lang, ns, `${key}_other`));
    if (plural) return plural;
  }
  return nonEmpty(lookup(lang, ns, key));
}

/**
 * The text to read for a speakable in `lang`: its own text, or the French one standing in for
 * it (what the screen shows then), with its placeholders filled. Refused, with the reason, when
 * the key is unknown, when a placeholder is not declared non-personal, or when a count is
 * missing or not a small whole number.
 */
export function speakableText(lookup: TextLookup, lang: Language, item: Speakable): SpeakableText {
  const parsed = parseSpeakableKey(item.key);
  if (!parsed) return { ok: false, reason: 'bad_key', detail: `"${item.key.slice(0, 80)}" is not a text key: expected for example "home.title" or "guides:caf-rsa.steps.demande"` };
  const values = item.values ?? {};
  for (const [name, value] of Object.entries(values)) {
    if (!isNonPersonalPlaceholder(name)) return { ok: false, reason: 'personal_placeholder', detail: `"${name}" is not a placeholder that may be read aloud (only ${NON_PERSONAL_PLACEHOLDERS.join(', ')})` };
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_SPEAKABLE_NUMBER) {
      return { ok: false, reason: 'bad_value', detail: `${name} must be a whole number from 0 to ${MAX_SPEAKABLE_NUMBER}` };
    }
  }
  const own = rawText(lookup, lang, parsed.ns, parsed.key, values.count);
  const text = own ?? rawText(lookup, SOURCE_LANGUAGE, parsed.ns, parsed.key, values.count);
  if (text === undefined) return { ok: false, reason: 'unknown_key', detail: `there is no text "${item.key}" in locales/${lang}/${parsed.ns}.json nor in French` };
  const names = placeholdersOf(text);
  const personal = names.find((name) => !isNonPersonalPlaceholder(name));
  if (personal) return { ok: false, reason: 'personal_placeholder', detail: `the text of "${item.key}" has the placeholder {{${personal}}}, which may hold personal data: it is not read aloud` };
  const missing = names.find((name) => values[name as NonPersonalPlaceholder] === undefined);
  if (missing) return { ok: false, reason: 'missing_value', detail: `the text of "${item.key}" needs ${missing}` };
  const filled = text.replace(/\{\{\s*([^}\s,]+)[^}]*\}\}/g, (_m, name: string) => String(values[name as NonPersonalPlaceholder]));
  return { ok: true, text: filled, lang: own !== undefined ? lang : SOURCE_LANGUAGE, standIn: own === undefined && lang !== SOURCE_LANGUAGE };
}

/** The recording's name for a key under AUDIO_DIR/<lang>/: the kiosk namespace at the top, others in a folder of their own. */
export function recordingPath(ns: SpeakableNamespace, key: string): string {
  return ns === 'kiosk' ? key : `${ns}/${key}`;
}

/** Browser speech rate and espeak-ng words per minute: slower than normal, people read along. */
export const SPEECH_RATE = 0.8;
export const ESPEAK_WORDS_PER_MINUTE = 130;

/** Volume steps of « Moins fort » / « Plus fort » (0–1). */
export const VOLUME_STEP = 0.2;
export const MIN_VOLUME = 0.2;
export const MAX_VOLUME = 1;

export function stepVolume(volume: number, direction: 1 | -1): number {
  const next = Math.round((volume + direction * VOLUME_STEP) * 10) / 10;
  return Math.min(MAX_VOLUME, Math.max(MIN_VOLUME, next));
}

/** What the kiosk learns from GET /api/kiosk/speech/manifest. */
export interface SpeechManifest {
  /** The languages the server's espeak-ng speaks (checked at its start). */
  readonly espeak: readonly Language[];
  /** Recordings the pôle put in AUDIO_DIR: language → key (`ns:key` or kiosk key) → immutable URL. */
  readonly recordings: Readonly<Partial<Record<Language, Readonly<Record<string, string>>>>>;
}

/** What GET /api/kiosk/speech answers: where the audio of one text is. */
export interface SpeechAudio {
  readonly url: string;
  readonly source: 'recording' | 'espeak';
  /** The language of the text read (French when it stands in for a missing translation). */
  readonly lang: Language;
  /** Known for espeak-ng audio; null for a recording. */
  readonly durationMs: number | null;
}
