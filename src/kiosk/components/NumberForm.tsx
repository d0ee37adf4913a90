import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { birthDateFromDigits, cleanDigits, formatBirthDigits } from '../io/keypad';
import { useKiosk } from '../state/context';
import { Keypad } from './Keypad';

type Step = 'number' | 'birth';
const FIELD_ID: Record<Step, string> = { number: 'dossier-number', birth: 'birth-date' };

/** One digits-only field; the physical keyboard types into it, the keypad beside it too. */
function DigitField(props: { id: string; label: string; hint?: string; value: string; onChange: (digits: string) => void }) {
  return (
    <div class="digit-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        class="big-input"
        inputMode="numeric"
        autocomplete="off"
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        value={props.value}
        onInput={(e) => props.onChange(cleanDigits(e.currentTarget.value, 8))}
      />
      {props.hint && (
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

/**
 * Dossier number, then date of birth, one field at a time. Either can be changed at any time:
 * the date step shows the number with « Modifier le numéro », and going back keeps the date, so
 * after « Nous ne trouvons pas ce dossier » the usager corrects whichever was wrong.
 */
export function NumberForm() {
  const t = useT();
  const kiosk = useKiosk();
  const [step, setStep] = useState<Step>('number');
  const [number, setNumber] = useState('');
  const [birth, setBirth] = useState('');
  const moved = useRef(false);
  const birthDate = birthDateFromDigits(birth);
  const busy = kiosk.identity.busy.value;

  // The field of the new step takes the focus, so the keyboard carries on where the eyes go.
  useLayoutEffect(() => {
    if (moved.current) document.getElementById(FIELD_ID[step])?.focus();
  }, [step]);

  const goTo = (next: Step) => {
    moved.current = true;
    setStep(next);
  };
  const submit = () => {
    if (step === 'number' && number.length === 8) goTo('birth');
    else if (step === 'birth' && birthDate && !busy) void kiosk.identifyByNumber(number, birthDate);
  };
  const digits = step === 'number' ? number : birth;
  const setDigits = step === 'number' ? setNumber : setBirth;

  return (
    <form
      class="number-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div class="number-form__entry">
        {step === 'birth' && (
          <div class="number-form__chosen">
            <p class="number-form__number">
              {t('identify.numberChosen')} <bdi class="number-form__digits">{number}</bdi>
            </p>
            <button type="button" class="button" onClick={() => goTo('number')}>
              {t('identify.changeNumber')}
            </button>
          </div>
        )}
        {step === 'number' ? (
          <DigitField key="number" id={FIELD_ID.number} label={t('identify.number')} value={number} onChange={setNumber} />
        ) : (
          <DigitField key="birth" id={FIELD_ID.birth} label={t('identify.birthDate')} hint={t('identify.birthDateHint')} value={formatBirthDigits(birth)} onChange={setBirth} />
        )}
        {step === 'number' ? (
          <button type="submit" class="button button--primary" disabled={number.length !== 8}>
            {t('identify.next')}
          </button>
        ) : (
          // Not disabled while the server checks: the focus stays on it, a second press does nothing.
          <button type="submit" class="button button--primary" disabled={!birthDate} aria-disabled={busy ? 'true' : undefined}>
            {t('identify.submit')}
          </button>
        )}
      </div>
      <Keypad value={digits} maxLength={8} onChange={setDigits} controls={FIELD_ID[step]} />
    </form>
  );
}
