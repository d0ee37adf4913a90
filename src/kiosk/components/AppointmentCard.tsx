import { useState } from 'preact/hooks';
import type { DossierView } from '../../core/dossier/dossier';
import { formatDateTime } from '../../web/format';
import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import { PoleText } from './PoleText';
import { placeIn } from './referent-words';

/** One coming appointment: what, where and when, and « Déplacer » / « Annuler » until the motif's limit. */
export function AppointmentCard(props: { appointment: DossierView['appointments'][number]; onCancelled?: () => void }) {
  const t = useT();
  const kiosk = useKiosk();
  const [asking, setAsking] = useState(false);
  const a = props.appointment;
  const lang = kiosk.language.value;
  // The server decides again on every change; this only hides buttons that would be refused.
  const changeable = a.changeableUntil !== null && Date.parse(a.changeableUntil) > Date.now();
  const busy = kiosk.booking.busy.value;
  return (
    <li class="item">
      <p class="item__title">{t('dossier.appointment', { date: formatDateTime(a.startsAt, lang), name: a.withFirstName })}</p>
      <p class="dots">
        {a.motifName ? <PoleText text={a.motifName} /> : <span>{t(`booking.motif.${a.motifCategory}.title`)}</span>}
        <span>{t(`booking.mode.${a.mode}`)}</span>
      </p>
      <p>{t('dossier.where', { place: placeIn(a.place, lang) })}</p>
      {/* Found with a ticket's reference, not in an open dossier: the person has no courrier to bring. */}
      <p>{kiosk.identity.dossier.value?.appointments.some((d) => d.id === a.id) ? t('dossier.appointmentAction') : t('dossier.appointmentActionNoDossier')}</p>
      {changeable ? (
        <>
          <p class="muted">{t('dossier.changeUntil', { date: formatDateTime(a.changeableUntil!, lang) })}</p>
          {asking ? (
            <div class="confirm-box" role="group" aria-labelledby={`cancel-q-${a.id}`}>
              <p id={`cancel-q-${a.id}`} class="strong">
                {t('dossier.cancelQuestion')}
              </p>
              <div class="actions-row">
                <button type="button" class="button" autofocus onClick={() => setAsking(false)}>
                  {t('dossier.cancelNo')}
                </button>
                <button type="button" class="button button--danger" disabled={busy} onClick={() => void kiosk.cancelAppointment(a.id).then((done) => done && props.onCancelled?.())}>
                  {t('dossier.cancelYes')}
                </button>
              </div>
            </div>
          ) : (
            <div class="actions-row">
              <button type="button" class="button" onClick={() => kiosk.moveAppointment(a)}>
                {t('dossier.move')}
              </button>
              <button type="button" class="button" onClick={() => setAsking(true)}>
                {t('dossier.cancel')}
              </button>
            </div>
          )}
        </>
      ) : (
        <p class="muted">{t('dossier.changeByPhone')}</p>
      )}
    </li>
  );
}
