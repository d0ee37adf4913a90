import { useState } from 'preact/hooks';
import { nextStepOf } from '../../core/dossier/dossier';
import { AppointmentCard } from '../components/AppointmentCard';
import { placeIn, referentLine } from '../components/referent-words';
import { formatDate, formatWeeklyHours } from '../../web/format';
import { useT } from '../../web/i18n-context';
import { useKiosk } from '../state/context';
import { BookingError } from './booking/BookingError';

/** Where the dossier stands, in plain words, each item with what the usager can do about it. */
export function DossierScreen() {
  const t = useT();
  const kiosk = useKiosk();
  const dossier = kiosk.identity.dossier.value;
  const lang = kiosk.language.value;
  const [cancelled, setCancelled] = useState(false);
  if (!dossier) return null;
  const missingFor = new Set(dossier.missingDocuments.map((d) => d.demandeId));

  return (
    <section class="screen dossier" aria-labelledby="dossier-title">
      <h1 id="dossier-title" tabIndex={-1}>{t('dossier.title')}</h1>

      <section class="panel-card" aria-labelledby="referent-title">
        <h2 id="referent-title">{t('dossier.referentTitle')}</h2>
        {dossier.referent ? (
          <>
            <p class="strong">{referentLine(t, dossier.referent)}</p>
            <p>{t('dossier.where', { place: placeIn(dossier.referent.place, lang) })}</p>
            <p>{t('dossier.when', { hours: formatWeeklyHours(dossier.referent.availability, lang) })}</p>
          </>
        ) : (
          <p>{t('dossier.noReferent')}</p>
        )}
      </section>

      <section class="panel-card" aria-labelledby="demandes-title">
        <h2 id="demandes-title">{t('dossier.demandesTitle')}</h2>
        {dossier.demandes.length === 0 && <p>{t('dossier.noDemande')}</p>}
        <ul class="items">
          {dossier.demandes.map((d) => (
            <li key={d.id} class="item">
              <p class="item__title">
                {t(`dossier.type.${d.type}`)} <span class={`status status--${d.status}`}>{t(`dossier.status.${d.status}`)}</span>
              </p>
              <p>{t(`dossier.next.${nextStepOf(d.status, missingFor.has(d.id))}`)}</p>
              <p class="muted">{t('dossier.lastChange', { date: formatDate(d.lastChangeAt, lang) })}</p>
            </li>
          ))}
        </ul>
      </section>

      <section class="panel-card" aria-labelledby="documents-title">
        <h2 id="documents-title">{t('dossier.documentsTitle')}</h2>
        {dossier.missingDocuments.length === 0 && <p>{t('dossier.noDocument')}</p>}
        <ul class="items">
          {dossier.missingDocuments.map((d) => (
            <li key={`${d.demandeId}-${d.type}`} class="item">
              <p class="item__title">{t(`dossier.document.${d.type}`)}</p>
              <p>{t(`dossier.documentWhat.${d.type}`)}</p>
              <p>{t('dossier.documentAction')}</p>
            </li>
          ))}
        </ul>
      </section>

      <section class="panel-card" aria-labelledby="appointments-title">
        <h2 id="appointments-title">{t('dossier.appointmentsTitle')}</h2>
        {dossier.appointments.length === 0 && <p>{t('dossier.noAppointment')}</p>}
        <BookingError />
        <div role="status">{cancelled && <p class="status-line status-line--good">{t('dossier.cancelled')}</p>}</div>
        <ul class="items">
          {dossier.appointments.map((a) => (
            <AppointmentCard key={a.id} appointment={a} onCancelled={() => setCancelled(true)} />
          ))}
        </ul>
        <button type="button" class="button" onClick={() => kiosk.startBooking()}>
          {dossier.appointments.length === 0 ? t('home.actions.book') : t('dossier.book')}
        </button>
      </section>
    </section>
  );
}

