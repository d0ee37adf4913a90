import { useLayoutEffect, useState } from 'preact/hooks';
import { useT } from '../../web/i18n-context';
import { IdentifyNotice } from '../components/IdentifyNotice';
import { NumberForm } from '../components/NumberForm';
import { QrScanner } from '../components/QrScanner';
import { startHidScanner } from '../io/hid-scanner';
import { useKiosk } from '../state/context';

/**
 * Three ways in: the courrier's QR code (camera or USB scanner) or the number and date of birth.
 * Each way shows its own progress and errors inside its card, so an error never pushes the
 * form's button below the fold or under the help bar.
 */
export function IdentifyScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const [scanning, setScanning] = useState(false);

  // A USB scanner works on this screen without any click, from the moment the screen shows:
  // a layout effect listens before the first paint, so no key of a scan can be missed.
  useLayoutEffect(() => {
    const scanner = startHidScanner({ onCode: (code) => void kiosk.identifyByCode(code) });
    return () => scanner.stop();
  }, []);

  return (
    <section class="screen identify" aria-labelledby="identify-title">
      <div class="identify__head">
        <h1 id="identify-title" tabIndex={-1}>
          {t('identify.title')}
        </h1>
        <p class="lead">{t('identify.intro')}</p>
      </div>
      <div class="identify__ways">
        <section class="panel-card identify__way" aria-labelledby="scan-title">
          <h2 id="scan-title">{t('identify.scanTitle')}</h2>
          <IdentifyNotice way="code" />
          <p>{t('identify.scanHint')}</p>
          {scanning ? (
            <QrScanner onClose={() => setScanning(false)} />
          ) : (
            <button type="button" class="button button--primary" onClick={() => setScanning(true)}>
              {t('identify.scanStart')}
            </button>
          )}
        </section>
        <section class="panel-card identify__way identify__way--keypad" aria-labelledby="keypad-title">
          <h2 id="keypad-title">{t('identify.keypadTitle')}</h2>
          <IdentifyNotice way="number" />
          <NumberForm />
        </section>
        <button type="button" class="button identify__none" onClick={() => kiosk.go('no-dossier')}>
          {t('identify.noDossier')}
        </button>
      </div>
    </section>
  );
}
