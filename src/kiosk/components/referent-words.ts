import type { TFunction } from 'i18next';
import type { ReferentName } from '../../core/dossier/dossier';
import { pickLocalized, type Language } from '../../core/i18n/languages';
import type { LocalizedText } from '../../core/i18n/localized-text';

/** The métier alone, agreeing with the référent (i18next context _female / _male); both forms only when the source gives no gender. */
export function metierOf(t: TFunction<'kiosk'>, referent: Pick<ReferentName, 'metier' | 'gender'>): string {
  return referent.gender ? t(`dossier.metier.${referent.metier}`, { context: referent.gender }) : t(`dossier.metier.${referent.metier}`);
}

/** « Malik, assistant social », « Sophie, conseillère en insertion ». */
export function referentLine(t: TFunction<'kiosk'>, referent: ReferentName): string {
  return t('dossier.referent', { name: referent.firstName, metier: metierOf(t, referent) });
}

/** A place from the data (a room, an appointment's where) in the session's language, else in French. */
export function placeIn(text: LocalizedText, lang: Language): string {
  return pickLocalized(text, lang).text;
}
