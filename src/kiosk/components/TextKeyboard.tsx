import { useT } from '../../web/i18n-context';
import { applyTextKey, type TextKey } from '../io/keypad';

const NAME_ROWS = ['AZERTYUIOP', 'QSDFGHJKLM', 'WXCVBNÉÈÀÇ'];
const EXTRA: Record<'name' | 'email' | 'code' | 'search', string[]> = { name: ['-', "'"], email: ['@', '.', '-', '_'], code: [], search: ["'"] };
/** Ticket references never use 0, 1, I or O: fewer keys, no confusion. */
const CODE_ROWS = ['23456789', 'AZERTYUP', 'QSDFGHJKLM', 'WXCVBN'];
const DIGITS = '1234567890';

/**
 * Large letter keys (AZERTY, as on French keyboards) for names and e-mail addresses; the physical
 * keyboard types into the same field. Names capitalise by themselves.
 */
export function TextKeyboard(props: { value: string; kind: 'name' | 'email' | 'code' | 'search'; onChange: (value: string) => void; controls: string }) {
  const t = useT();
  const press = (key: TextKey) => props.onChange(applyTextKey(props.value, key, props.kind));
  const rows = props.kind === 'email' ? [DIGITS, ...NAME_ROWS.slice(0, 2), 'WXCVBN'] : props.kind === 'code' ? CODE_ROWS : NAME_ROWS;
  return (
    <div class="keyboard" role="group" aria-label={t('booking.keyboard')}>
      {rows.map((row) => (
        <div class="keyboard__row" key={row}>
          {[...row].map((char) => (
            <button key={char} type="button" class="keyboard__key" aria-controls={props.controls} onClick={() => press({ char })}>
              {char}
            </button>
          ))}
        </div>
      ))}
      <div class="keyboard__row">
        {EXTRA[props.kind].map((char) => (
          <button key={char} type="button" class="keyboard__key" aria-controls={props.controls} onClick={() => press({ char })}>
            {char}
          </button>
        ))}
        {(props.kind === 'name' || props.kind === 'search') && (
          <button type="button" class="keyboard__key keyboard__key--wide" aria-controls={props.controls} onClick={() => press('space')}>
            {t('booking.space')}
          </button>
        )}
        <button type="button" class="keyboard__key keyboard__key--wide keypad__key--erase" aria-controls={props.controls} onClick={() => press('erase')}>
          {t('identify.erase')}
        </button>
      </div>
    </div>
  );
}
