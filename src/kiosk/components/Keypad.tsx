import { applyKey, type KeypadKey } from '../io/keypad';
import { useT } from '../../web/i18n-context';

const KEYS: KeypadKey[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'erase', '0'];

/** Large digit keys for people who do not use a keyboard; the physical keyboard works too. */
export function Keypad(props: { value: string; maxLength: number; onChange: (value: string) => void; controls: string; label?: string }) {
  const t = useT();
  return (
    <div class="keypad" role="group" aria-label={props.label ?? t('identify.keypadTitle')}>
      {KEYS.map((key) => (
        <button
          key={key}
          type="button"
          class={`keypad__key${key === 'erase' ? ' keypad__key--erase' : ''}`}
          aria-controls={props.controls}
          onClick={() => props.onChange(applyKey(props.value, key, props.maxLength))}
        >
          {key === 'erase' ? t('identify.erase') : key}
        </button>
      ))}
    </div>
  );
}
