import { LANGUAGES } from '../../core/i18n/languages';
import { transliterate } from '../../core/i18n/transliterate';
import { useT } from '../../web/i18n-context';

/**
 * A name a usager typed, as they wrote it, followed by Latin letters when it is in another
 * script: « Мария Иванова (Mariia Ivanova) », « محمد (Mhmd) ». The original carries its language
 * and direction (a screen reader reads it in that language, an Arabic name runs right to left
 * in a French line); the Latin form is announced as such. A Latin name is shown alone.
 */
export function PersonName(props: { name: string }) {
  const t = useT('staff');
  const latin = transliterate(props.name);
  return (
    <span class="person-name">
      {latin ? (
        <bdi lang={latin.lang} dir={LANGUAGES[latin.lang].dir}>
          {props.name}
        </bdi>
      ) : (
        <bdi>{props.name}</bdi>
      )}
      {latin && (
        <>
          {' '}
          <span class="person-name__latin">
            <span class="person-name__label">{t('transliteration.label')} </span>
            {t('transliteration.latin', { latin: latin.latin })}
          </span>
        </>
      )}
    </span>
  );
}

/** Put in a translated sentence where the name goes; SentenceWithName puts PersonName there. */
export const NAME_SLOT = '\u2063NAME\u2063';

/**
 * A translated sentence around a typed name: `t('agenda.whoContact', { name: NAME_SLOT, phone })`
 * shows the name with PersonName wherever the language puts it in the sentence.
 */
export function SentenceWithName(props: { sentence: string; name: string }) {
  const at = props.sentence.indexOf(NAME_SLOT);
  if (at < 0) return <>{props.sentence}</>;
  return (
    <>
      {props.sentence.slice(0, at)}
      <PersonName name={props.name} />
      {props.sentence.slice(at + NAME_SLOT.length)}
    </>
  );
}
