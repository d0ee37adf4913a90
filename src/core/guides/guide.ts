/**
 * A guided démarche: data in kiosk-config/guides/<id>.json, texts in locales/<lang>/guides.json
 * (keyed by guide id). The schema checks the structure; cross-checks with the sites and the
 * texts (allow-lists, step length, freshness) live in checkGuides(), so config:check and the
 * server start say the same thing.
 */
export const ORGANISMS = ['caf', 'impots', 'france-travail', 'franceconnect', 'email'] as const;
export type Organism = (typeof ORGANISMS)[number];

export const BRING_KINDS = ['identifier', 'password', 'document', 'email', 'phone'] as const;
export type BringKind = (typeof BRING_KINDS)[number];

/** FALC: one short instruction a step. Longer texts are refused by config:check. */
export const MAX_STEP_WORDS = 25;
/** Steps not checked against the official site for this long earn a warning. */
export const STALE_AFTER_DAYS = 365;

export type { Guide } from './guide.schema';

/** The texts of one guide in one language (locales/<lang>/guides.json, under the guide id). */
export interface GuideTexts {
  title?: string;
  need?: string;
  purpose?: string;
  keywords?: string;
  bring?: Record<string, { label?: string; where?: string }>;
  steps?: Record<string, string>;
}

export const wordCount = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;

export function hostOf(url: string): string {
  return new URL(url).host;
}
