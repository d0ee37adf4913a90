import { useState } from 'preact/hooks';
import { CODE_ROWS, EMAIL_EXTRAS, EMAIL_ROWS, KEYBOARDS, keyboardFor, type KeyboardScript } from '../../core/i18n/keyboards';
import type { Language } from '../../core/i18n/languages';
import { useT } from '../../web/i18n-context';
import { applyTextKey, type TextKey } from '../io/keypad';

type Kind = 'name' | 'email' | 'code' | 'search';

/**
 * Large letter keys; the physical keyboard types into the same field. Names and searches are
 * typed in the letters of the language (Arabic, Persian, Pashto, Cyrillic or Latin AZERTY, from
 * the language table), with Latin one tap away and back; e-mail addresses and ticket codes are
 * Latin. Names capitalise by themselves where the script has capitals.
 */
export function TextKeyboard(props: { value: string; kind: Kind; onChange: (value: string) => void; controls: string; language?: Language }) {
  const t = useT();
  const own = (props.kind === 'name' || props.kind === 'search') && props.language ? keyboardFor(props.language) : KEYBOARDS.latin;
  // « ABC » is remembered for this script only: a change of language shows the new one's letters.
  const [latinFor, setLatinFor] = useState<KeyboardScript['id'] | null>(null);
  const latin = latinFor === own.id;
  const shown = latin ? KEYBOARDS.latin : own;
  const press = (key: TextKey) => props.onChange(applyTextKey(props.value, key, props.kind));
  const rows = props.kind === 'email' ? EMAIL_ROWS : props.kind === 'code' ? CODE_ROWS : shown.rows;
  const extras = props.kind === 'email' ? EMAIL_EXTRAS : props.kind === 'code' ? [] : props.kind === 'name' ? shown.nameExtras : shown.searchExtras;
  const key = (char: string) => (
    <button key={char} type="button" class="keyboard__key" aria-controls={props.controls} onClick={() => press({ char })}>
      {char}
    </button>
  );
  return (
    <div class="keyboard" role="group" aria-label={t('booking.keyboard')} data-script={props.kind === 'email' || props.kind === 'code' ? 'latin' : shown.id} data-rows={rows.length}>
      {rows.map((row) => (
        <div class="keyboard__row" key={row.join('')} dir={props.kind === 'email' || props.kind === 'code' ? 'ltr' : shown.dir}>
          {row.map(key)}
        </div>
      ))}
      <div class="keyboard__row">
        {extras.map(key)}
        {(props.kind === 'name' || props.kind === 'search') && (
          <button type="button" class="keyboard__key keyboard__key--wide" aria-controls={props.controls} onClick={() => press('space')}>
            {t('booking.space')}
          </button>
        )}
        {own.id !== 'latin' && <ScriptSwitch own={own} latin={latin} onLatin={(l) => setLatinFor(l ? own.id : null)} />}
        <button type="button" class="keyboard__key keyboard__key--wide keypad__key--erase" aria-controls={props.controls} onClick={() => press('erase')}>
          {t('identify.erase')}
        </button>
      </div>
    </div>
  );
}

/**
 * Two keys, the language's letters and « ABC »: the one shown is pressed (aria-pressed), so a
 * screen reader says which letters the keys are, and the other is always one tap away.
 */
function ScriptSwitch(props: { own: KeyboardScript; latin: boolean; onLatin: (latin: boolean) => void }) {
  const t = useT();
  const choice = (script: KeyboardScript, isLatin: boolean) => (
    <button type="button" class="keyboard__key keyboard__key--script" aria-pressed={props.latin === isLatin} onClick={() => props.onLatin(isLatin)}>
      <span dir={script.dir}>{script.sample}</span>
      <span class="visually-hidden"> {t(`keyboard.script.${script.id}`)}</span>
    </button>
  );
  return (
    <div class="keyboard__scripts" role="group" aria-label={t('keyboard.scripts')}>
      {choice(props.own, false)}
      {choice(KEYBOARDS.latin, true)}
    </div>
  );
}
