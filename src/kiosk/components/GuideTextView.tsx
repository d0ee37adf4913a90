import type { GuideText } from '../../web/guides';
import { InFrenchMarker } from './InFrenchMarker';

/**
 * A guide text; when the usager's language has none, the French text with a visible
 * « en français » marker, tagged lang="fr" so a screen reader switches voice.
 */
export function GuideTextView(props: { text: GuideText | null; as?: 'p' | 'span' | 'h1' | 'h2' | 'h3'; class?: string; id?: string; tabIndex?: number }) {
  const Tag = props.as ?? 'span';
  if (!props.text) return null;
  return (
    <Tag class={props.class} id={props.id} tabIndex={props.tabIndex} lang={props.text.inFrench ? 'fr' : undefined} dir={props.text.inFrench ? 'ltr' : undefined}>
      {props.text.text}
      {props.text.inFrench && <InFrenchMarker />}
    </Tag>
  );
}
