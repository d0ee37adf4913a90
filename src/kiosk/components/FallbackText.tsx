import { pickLocalized } from '../../core/i18n/languages';
import { useKiosk } from '../state/context';

/** The site's "what to do instead" text, in the usager's language or else in French (marked as such). */
export function FallbackText() {
  const kiosk = useKiosk();
  const fallback = kiosk.site.value?.help.fallback;
  if (!fallback) return null;
  const { text, lang } = pickLocalized(fallback, kiosk.language.value);
  return (
    <p class="fallback" lang={lang}>
      {text}
    </p>
  );
}
