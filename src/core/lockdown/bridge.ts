import { isLanguage, type Language } from '../i18n/languages';
import type { OpeningHours } from '../site/opening-hours';

/**
 * What the kiosk PWA tells the companion extension, and what the extension tells the PWA back.
 * They meet through window.postMessage on the kiosk page (the extension's content script runs
 * there too), always addressed to the kiosk's own origin, so no official site can read it.
 */
export const KIOSK_MESSAGE = 'borne:kiosk';
export const EXTENSION_MESSAGE = 'borne:extension';

/** The guide in progress, with its texts already translated by the kiosk (French fallback included). */
export interface BridgeGuide {
  id: string;
  /** 0: what to prepare; 1…steps.length: the steps; steps.length + 1: done. */
  step: number;
  organism: string;
  title: string;
  steps: string[];
}

export interface KioskContext {
  /** The kiosk's device token: the bar calls for help as this kiosk. */
  kioskToken: string;
  /** Where « Retour à la borne » goes: the kiosk app on the Borne server. */
  kioskUrl: string;
  language: Language;
  inSession: boolean;
  /** The session rules of src/core/help/help-session.ts need the same settings on both sides. */
  idle: { warningAfterSeconds: number; answerSeconds: number; claimedPauseMinutes: number };
  /** What to do when nobody can come, from the site's config, in the usager's language. */
  fallback: string;
  /** The pôle's hours: outside them the bar says when it opens instead of sending to the accueil. */
  openingHours: OpeningHours;
  /** Paris dates ("YYYY-MM-DD") the pôle is closed whatever its hours say. */
  closedDays: string[];
  guide: BridgeGuide | null;
}

export type KioskToExtension = { type: 'context'; context: KioskContext } | { type: 'session-ended' };
export type ExtensionToKiosk = { type: 'hello' } | { type: 'guide-step'; id: string; step: number };

const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

function isGuide(value: unknown): value is BridgeGuide {
  const g = value as Partial<BridgeGuide> | null;
  return (
    typeof g === 'object' &&
    g !== null &&
    typeof g.id === 'string' &&
    typeof g.title === 'string' &&
    typeof g.organism === 'string' &&
    Array.isArray(g.steps) &&
    g.steps.every((s) => typeof s === 'string') &&
    Number.isInteger(g.step) &&
    (g.step as number) >= 0 &&
    (g.step as number) <= g.steps.length + 1
  );
}

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isOpeningHours(value: unknown): value is OpeningHours {
  if (typeof value !== 'object' || value === null) return false;
  const hours = value as Record<string, unknown>;
  return DAYS.every((d) => Array.isArray(hours[d]) && (hours[d] as unknown[]).every((p) => Array.isArray(p) && p.length === 2 && p.every((t) => typeof t === 'string' && HHMM.test(t))));
}

/** Checks a context received from a page: the extension trusts no shape it did not expect. */
export function parseKioskContext(value: unknown): KioskContext | null {
  const c = value as Partial<KioskContext> | null;
  if (typeof c !== 'object' || c === null) return null;
  if (typeof c.kioskToken !== 'string' || !TOKEN.test(c.kioskToken)) return null;
  if (typeof c.kioskUrl !== 'string' || !/^https?:\/\//.test(c.kioskUrl)) return null;
  if (!isLanguage(c.language) || typeof c.inSession !== 'boolean' || typeof c.fallback !== 'string') return null;
  const idle = c.idle as Partial<KioskContext['idle']> | undefined;
  if (!idle || !Number.isInteger(idle.warningAfterSeconds) || !Number.isInteger(idle.answerSeconds) || typeof idle.claimedPauseMinutes !== 'number' || !(idle.claimedPauseMinutes > 0)) return null;
  if (!isOpeningHours(c.openingHours)) return null;
  // An older kiosk page sends no closed days: its hours alone still hold.
  const closedDays = c.closedDays === undefined ? [] : c.closedDays;
  if (!Array.isArray(closedDays) || !closedDays.every((d) => typeof d === 'string' && ISO_DATE.test(d))) return null;
  if (c.guide !== null && !isGuide(c.guide)) return null;
  return {
    kioskToken: c.kioskToken,
    kioskUrl: c.kioskUrl,
    language: c.language,
    inSession: c.inSession,
    idle: { warningAfterSeconds: idle.warningAfterSeconds!, answerSeconds: idle.answerSeconds!, claimedPauseMinutes: idle.claimedPauseMinutes },
    fallback: c.fallback,
    openingHours: c.openingHours,
    closedDays: [...closedDays],
    guide: c.guide ?? null,
  };
}

/**
 * The kiosk URL that re-enrols the tab as this kiosk, even after its storage was wiped. With
 * `ended`, the kiosk app learns that the session ended while it was away (« Terminer » in the bar,
 * inactivity or a reset on an official site) and drops what its tab still kept of it.
 */
export function kioskHomeUrl(context: Pick<KioskContext, 'kioskUrl' | 'kioskToken'> & Partial<Pick<KioskContext, 'language'>>, options: { ended?: boolean } = {}): string {
  const url = new URL(context.kioskUrl);
  url.hash = `kiosk=${context.kioskToken}${options.ended ? `&${sessionEndedHash(context.language)}` : ''}`;
  return url.toString();
}

/** The fragment that tells a reloaded kiosk page its session ended; the goodbye is said in `language`, though the session's storage is gone. */
export function sessionEndedHash(language?: Language): string {
  return `${SESSION_ENDED_FLAG}${language ? `&${FAREWELL_PARAM}=${language}` : ''}`;
}

const FAREWELL_PARAM = 'bye';

/** The language to say goodbye in, when the kiosk page is reloaded at the end of a session. */
export function farewellLanguage(hash: string): Language | null {
  if (!sessionEndedElsewhere(hash)) return null;
  const lang = new RegExp(`(?:^#|&)${FAREWELL_PARAM}=([a-z]{2})(?:&|$)`).exec(hash)?.[1];
  return isLanguage(lang) ? lang : null;
}

export const SESSION_ENDED_FLAG = 'ended=1';

export function sessionEndedElsewhere(hash: string): boolean {
  return new RegExp(`(?:^#|&)${SESSION_ENDED_FLAG}(?:&|$)`).test(hash);
}

/** The step the bar shows: the guide's steps only, never the "prepare" or "done" pages. */
export function barStep(guide: BridgeGuide): number {
  return Math.max(1, Math.min(guide.step, guide.steps.length));
}

/** The pages the extension's content script runs in: the manifest and the late injection share it. */
export const CONTENT_MATCHES = ['http://*/*', 'https://*/*'] as const;
