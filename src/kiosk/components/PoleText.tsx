import { pickLocalized } from '../../core/i18n/languages';
import type { LocalizedText } from '../../core/i18n/localized-text';
import { useKiosk } from '../state/context';
import { InFrenchMarker } from './InFrenchMarker';

/**
 * A text the pôle wrote (a motif, where to go instead, an out-of-service message), in the
 * usager's language when the pôle wrote it in that language. Otherwise the French text, tagged
 * lang="fr" so a screen reader switches voice, with a visible « en français » in the usager's own
 * language, as guides do: a person who cannot read it knows it is not their language and can ask.
 */
export function PoleText(props: { text: LocalizedText; as?: 'p' | 'span'; class?: string }) {
  const lang = useKiosk().language.value;
  const shown = pickLocalized(props.text, lang);
  const Tag = props.as ?? 'span';
  const inFrench = shown.lang !== lang;
  return (
    <Tag class={props.class} lang={shown.lang} dir={inFrench ? 'ltr' : undefined}>
      {shown.text}
      {inFrench && <InFrenchMarker />}
    </Tag>
  );
}
