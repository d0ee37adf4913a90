import { useT } from '../../web/i18n-context';

/** `/kiosk/#enrol=CODE` did not give this browser a token: say so calmly, and who can fix it. */
export function EnrolRefusedScreen({ reason }: { reason: 'refused' | 'unreachable' }) {
  const t = useT();
  return (
    <main class="screen unknown" id="main">
      <h1>{t('enrol.title')}</h1>
      <p class="lead">{reason === 'refused' ? t('enrol.refused') : t('enrol.unreachable')}</p>
    </main>
  );
}
