import { useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { birthDateFromDigits, cleanDigits, formatBirthDigits } from '../io/keypad';
import { useKiosk } from '../state/context';
import { Keypad } from './Keypad';

/** Dossier number, then date of birth, one field at a time with the keypad under it. */
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
          <label for="dossier-number">{t('identify.number')}</label>
          <input
            id="dossier-number"
            class="big-input"
            inputMode="numeric"
            autocomplete="off"
            value={number}
            onInput={(e) => setNumber(cleanDigits(e.currentTarget.value, 8))}
          />
          <Keypad value={number} maxLength={8} onChange={setNumber} controls="dossier-number" />
          <button type="submit" class="button button--primary" disabled={number.length !== 8}>
            {t('identify.next')}
          </button>
        </>
      ) : (
        <>
          <label for="birth-date">{t('identify.birthDate')}</label>
          <input
            id="birth-date"
            class="big-input"
            inputMode="numeric"
            autocomplete="off"
            aria-describedby="birth-hint"
            value={formatBirthDigits(birth)}
            onInput={(e) => setBirth(cleanDigits(e.currentTarget.value, 8))}
          />
          <p id="birth-hint" class="hint">
            {t('identify.birthDateHint')}
          </p>
          <Keypad value={birth} maxLength={8} onChange={setBirth} controls="birth-date" />
          <button type="submit" class="button button--primary" disabled={!birthDate || kiosk.identity.busy.value}>
            {t('identify.submit')}
          </button>
        </>
      )}
    </form>
  );
}
