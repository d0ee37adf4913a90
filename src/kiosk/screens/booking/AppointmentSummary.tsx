import type { MotifMode } from '../../../core/agenda/motif';
import type { ReferentName } from '../../../core/dossier/dossier';
import type { LocalizedText } from '../../../core/i18n/localized-text';
import { formatDateTime } from '../../../web/format';
import { useT } from '../../../web/i18n-context';
import { PoleText } from '../../components/PoleText';
import { metierOf, placeIn } from '../../components/referent-words';
import { useKiosk } from '../../state/context';

/** What, with whom, where and when: the same four lines on the confirmation, the ticket and the check. */
export function AppointmentSummary(props: { motifName: LocalizedText; mode: MotifMode; referent: ReferentName | null; place: LocalizedText | null; startsAt: string }) {
  const t = useT();
  const kiosk = useKiosk();
  const lang = kiosk.language.value;
  const site = kiosk.site.value?.site;
  return (
    <dl class="summary">
      <dt>{t('booking.what')}</dt>
      <dd class="dots">
        <PoleText text={props.motifName} />
        <span>{t(`booking.mode.${props.mode}`)}</span>
      </dd>
      {props.referent && (
        <>
          <dt>{t('booking.withWhom')}</dt>
          <dd>{t('booking.withValue', { name: props.referent.firstName, metier: metierOf(t, props.referent) })}</dd>
        </>
      )}
      <dt>{t('booking.where')}</dt>
      <dd>{props.place ? placeIn(props.place, lang) : (props.mode === 'phone' ? t('booking.byPhonePlace') : site ? `${site.name}, ${site.address}` : '')}</dd>
      <dt>{t('booking.when')}</dt>
      <dd class="strong">{formatDateTime(props.startsAt, lang)}</dd>
    </dl>
  );
}
