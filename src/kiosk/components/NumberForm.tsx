import { useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { birthDateFromDigits, cleanDigits, formatBirthDigits } from '../io/keypad';
import { useKiosk } from '../state/context';
import { Keypad } from './Keypad';

/** One digits-only field with the keypad under it; the physical keyboard types into it too. */
function DigitField(props: { id: string; label: string; hint?: string; digits: string; show: (digits: string) => string; onChange: (digits: string) => void }) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        class="big-input"
        inputMode="numeric"
        autocomplete="off"
        aria-describedby={props.hint ? `${props.id}-hint` : undefined}
        value={props.show(props.digits)}
        onInput={(e) => props.onChange(cleanDigits(e.currentTarget.value, 8))}
      />
      {props.hint && (
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      )}
      <Keypad value={props.digits} maxLength={8} onChange={props.onChange} controls={props.id} />
    </>
  );
}

/** Dossier number, then date of birth, one field at a time. */
export function NumberForm() {
  const t = useT();
  const kiosk = useKiosk();
  const [step, setStep] = useState<'number' | 'birth'>('number');
  const [number, setNumber] = useState('');
  const [birth, setBirth] = useState('');
  const birthDate = birthDateFromDigits(birth);

  const submit = () => {
    if (step === 'number' && number.length === 8) setStep('birth');
    else if (step === 'birth' && birthDate) void kiosk.identifyByNumber(number, birthDate);
  };

  return (
    <form
      class="number-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      {step === 'number' ? (
        <>
          <DigitField id="dossier-number" label={t('identify.number')} digits={number} show={(d) => d} onChange={setNumber} />
          <button type="submit" class="button button--primary" disabled={number.length !== 8}>
            {t('identify.next')}
          </button>
        </>
      ) : (
        <>
          <DigitField id="birth-date" label={t('identify.birthDate')} hint={t('identify.birthDateHint')} digits={birth} show={formatBirthDigits} onChange={setBirth} />
          <button type="submit" class="button button--primary" disabled={!birthDate || kiosk.identity.busy.value}>
            {t('identify.submit')}
          </button>
        </>
      )}
    </form>
  );
}
