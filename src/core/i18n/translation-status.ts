import type { Completion } from './completion';
import type { Language } from './languages';

/** What a locale folder's meta.json says of its texts. */
export interface TranslationMeta {
  producedBy: string;
  /** True only once a person fluent in the language has read the texts. */
  reviewed: boolean;
  reviewedBy: string | null;
}

/** One language's translation, as « Réglages du pôle » shows it, so a pôle can decide. */
export interface LanguageStatus extends TranslationMeta {
  code: Language;
  kiosk: Completion;
  console: Completion;
}
