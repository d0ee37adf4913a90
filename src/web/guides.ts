import type { i18n } from 'i18next';
import type { Guide } from '../core/guides/guide';
import { SOURCE_LANGUAGE } from '../core/i18n/languages';

/**
 * The guides of kiosk-config/guides, bundled into the app (so the service worker precaches them
 * and a kiosk without its server still shows them). The server checked them at start.
 */
const modules = import.meta.glob<Guide>('../../kiosk-config/guides/*.json', { eager: true, import: 'default' });

export const GUIDES: ReadonlyMap<string, Guide> = new Map(Object.values(modules).map((g) => [g.id, g]));

export interface GuideText {
  text: string;
  /** True when the usager's language has no text and French stands in (shown with a marker). */
  inFrench: boolean;
}

/**
 * A text of a guide in `lang`, from the i18next "guides" namespace, or the French text marked as
 * such. Never an empty string or a key: a text missing in French too gives null.
 */
export function guideText(instance: i18n, lang: string, guideId: string, path: string): GuideText | null {
  const key = `${guideId}.${path}`;
  const own = instance.getResource(lang, 'guides', key) as unknown;
  if (typeof own === 'string' && own.trim() !== '') return { text: own, inFrench: false };
  const french = instance.getResource(SOURCE_LANGUAGE, 'guides', key) as unknown;
  return typeof french === 'string' && french.trim() !== '' ? { text: french, inFrench: lang !== SOURCE_LANGUAGE } : null;
}
