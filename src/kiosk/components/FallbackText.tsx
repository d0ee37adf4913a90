import { useKiosk } from '../state/context';
import { PoleText } from './PoleText';

/** The site's "what to do instead" text, in the usager's language or else in French (marked as such). */
export function FallbackText() {
  const kiosk = useKiosk();
  const fallback = kiosk.site.value?.help.fallback;
  if (!fallback) return null;
  return <PoleText as="p" class="fallback" text={fallback} />;
}
