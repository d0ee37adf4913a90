import { GUIDES } from '../../web/guides';
import { useGuideText, useT } from '../../web/i18n-context';
import { useStaff } from '../state/context';

/** Anonymous counts: how often each guide was opened and finished, and where help was called. */
export function GuideStatsPanel() {
  const t = useT('staff');
  const staff = useStaff();
  const text = useGuideText();
  const allowed = staff.may('site.guideStats.read');
  // Loaded by the state (staff-state.ts), again whenever the calls change.
  const stats = staff.guideStats.value;
  return (
    <section class="panel" aria-labelledby="guide-stats-title">
      <h2 id="guide-stats-title">{t('guides.statsTitle')}</h2>
      <p class="muted">{t('guides.statsHint')}</p>
      {!allowed && <p class="muted">{t('agenda.onDutyFirst')}</p>}
      {allowed && stats && (
        <table class="stats">
          <thead>
            <tr>
              <th scope="col">{t('guides.guide')}</th>
              <th scope="col">{t('guides.opened')}</th>
              <th scope="col">{t('guides.completed')}</th>
              <th scope="col">{t('guides.helpAt')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.map((s) => {
              const guide = GUIDES.get(s.guideId);
              return (
                <tr key={s.guideId}>
                  <th scope="row">{guide ? t('guides.guideName', { organism: t(`guides.organism.${guide.organism}`), title: text(s.guideId, 'title')?.text ?? s.guideId }) : s.guideId}</th>
                  <td>{s.opened}</td>
                  <td>{s.completed}</td>
                  <td>{s.helpAtSteps.length === 0 ? t('guides.noHelp') : s.helpAtSteps.map((h) => (h.step ? t('guides.helpAtStep', { step: h.step, calls: h.calls }) : t('guides.helpBefore', { calls: h.calls }))).join(t('guides.listSeparator'))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
