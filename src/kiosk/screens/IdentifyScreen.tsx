import { useLayoutEffect, useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { NumberForm } from '../components/NumberForm';
import { QrScanner } from '../components/QrScanner';
import { startHidScanner } from '../io/hid-scanner';
import { useKiosk } from '../state/context';

/** Three ways in: the courrier's QR code (camera or USB scanner) or the number and date of birth. */
export function IdentifyScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const [scanning, setScanning] = useState(false);
  const error = kiosk.identity.error.value;

  // A USB scanner works on this screen without any click, from the moment the screen shows:
  // a layout effect listens before the first paint, so no key of a scan can be missed.
  useLayoutEffect(() => {
    const scanner = startHidScanner({ onCode: (code) => void kiosk.identifyByCode(code) });
    return () => scanner.stop();
  }, []);

  return (
    <section class="screen identify" aria-labelledby="identify-title">
      <h1 id="identify-title" tabIndex={-1}>{t('identify.title')}</h1>
      <p class="lead">{t('identify.intro')}</p>
      <div class="identify__error" role="alert">
        {error && <p class="status-line status-line--warn">{t(`identify.errors.${error}`)}</p>}
      </div>
      {kiosk.identity.busy.value && <p role="status">{t('identify.checking')}</p>}
      <div class="identify__ways">
        <section class="panel-card" aria-labelledby="scan-title">
          <h2 id="scan-title">{t('identify.scanTitle')}</h2>
          <p>{t('identify.scanHint')}</p>
          {scanning ? (
            <QrScanner onClose={() => setScanning(false)} />
          ) : (
            <button type="button" class="button button--primary" onClick={() => setScanning(true)}>
              {t('identify.scanStart')}
            </button>
          )}
        </section>
        <section class="panel-card" aria-labelledby="keypad-title">
          <h2 id="keypad-title">{t('identify.keypadTitle')}</h2>
          <NumberForm />
        </section>
      </div>
      <button type="button" class="button" onClick={() => kiosk.go('no-dossier')}>
        {t('identify.noDossier')}
      </button>
    </section>
  );
}
