import { useT } from '../../web/i18n-context';
import { useStaff } from '../state/context';

/** Where the médiateur works today, and whether kiosks count them as available. */
export function DutyPanel() {
  const t = useT('staff');
  const staff = useStaff();
  const siteName = staff.sites.value.find((s) => s.id === staff.siteId.value)?.name ?? '';
  const onHere = staff.onDutyHere.value;
  return (
    <section class="panel duty" aria-labelledby="duty-title">
      <h2 id="duty-title">{t('duty.legend')}</h2>
      <div class="duty__row">
        <label for="site">{t('duty.site')}</label>
        <select id="site" value={staff.siteId.value ?? ''} onChange={(e) => staff.selectSite(e.currentTarget.value)}>
          {staff.sites.value.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <button type="button" class={`button ${onHere ? '' : 'button--primary'}`} aria-pressed={onHere} disabled={staff.busy.value} onClick={() => void staff.setDuty(!onHere)}>
          {onHere ? t('duty.off') : t('duty.on')}
        </button>
      </div>
      <p>{onHere ? t('duty.status', { site: siteName }) : t('duty.statusOff')}</p>
      <p class="muted">{t('duty.onDutyHere', { count: staff.onDuty.value.length })}</p>
    </section>
  );
}
