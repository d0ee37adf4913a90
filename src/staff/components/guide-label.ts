import type { TFunction } from 'i18next';
import { GUIDES, type GuideText } from '../../web/guides';

/**
 * "CAF — Déclaration trimestrielle de ressources, étape 4/7": where a usager is in a guide, in
 * the console's language, from the guide id and step a kiosk reports.
 */
export function guidePlace(t: TFunction<'staff'>, text: (id: string, path: string) => GuideText | null, guideId: string, step: number | undefined): string {
  const guide = GUIDES.get(guideId);
  if (!guide) return guideId;
  const title = text(guideId, 'title')?.text ?? guideId;
  const organism = t(`guides.organism.${guide.organism}`);
  if (!step) return t('guides.placeBefore', { organism, title });
  if (step > guide.steps.length) return t('guides.placeDone', { organism, title });
  return t('guides.placeStep', { organism, title, step, total: guide.steps.length });
}
