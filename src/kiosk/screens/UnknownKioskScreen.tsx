import { useT } from '../../web/i18n-context';

/** A browser that opened /kiosk/ without a valid enrolment: nothing to show, nothing to call. */
export function UnknownKioskScreen() {
  const t = useT();
  return (
    <main class="screen unknown" id="main">
      <h1>{t('app.title')}</h1>
      <p class="lead">{t('app.unknownKiosk')}</p>
    </main>
  );
}
