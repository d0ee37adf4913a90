import type { MotifCategory, MotifMode } from '../../../core/agenda/motif';
import type { ReferentMetier } from '../../../core/dossier/dossier';
import { formatDateTime } from '../../../web/format';
import { useT } from '../../../web/i18n-context';
import { useKiosk } from '../../state/context';

/** What, with whom, where and when: the same four lines on the confirmation, the ticket and the check. */
export function AppointmentSummary(props: { category: MotifCategory; mode: MotifMode; referent: { firstName: string; metier: ReferentMetier } | null; place: string | null; startsAt: string }) {
  const t = useT();
  const kiosk = useKiosk();
  const lang = kiosk.language.value;
  const site = kiosk.site.value?.site;
  return (
    <dl class="summary">
      <dt>{t('booking.what')}</dt>
      <dd class="dots">
        <span>{t(`booking.motif.${props.category}.title`)}</span>
        <span>{t(`booking.mode.${props.mode}`)}</span>
      </dd>
      {props.referent && (
        <>
          <dt>{t('booking.withWhom')}</dt>
          <dd>{t('booking.withValue', { name: props.referent.firstName, metier: t(`dossier.metier.${props.referent.metier}`) })}</dd>
        </>
      )}
      <dt>{t('booking.where')}</dt>
      <dd>{props.place ?? (props.mode === 'phone' ? t('booking.byPhonePlace') : site ? `${site.name}, ${site.address}` : '')}</dd>
      <dt>{t('booking.when')}</dt>
      <dd class="strong">{formatDateTime(props.startsAt, lang)}</dd>
    </dl>
  );
}
