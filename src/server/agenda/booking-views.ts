import type { AppointmentView } from '../../core/agenda/booking';
import { appointmentIcs } from '../../core/agenda/ics';
import { changeableUntil, type Motif } from '../../core/agenda/motif';
import { pickLocalized, SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/languages';
import type { LocalizedText } from '../../core/i18n/localized-text';
import type { SiteConfig } from '../../core/site/site-config';
import type { AgendaReferent, Booking } from './agenda-source';
import { fill, textIn } from './messages';

/** Where the référent receives: their own pôle, which may not be the kiosk's (a follow-up). */
export function placeOf(motif: Motif, referent: AgendaReferent, site: Pick<SiteConfig, 'name' | 'address'> | undefined): LocalizedText {
  // Written in every language at once: the kiosk shows it in whichever the session switches to.
  const at = (lang: Language) => {
    if (motif.mode === 'phone') return textIn(lang, 'booking.byPhonePlace');
    const room = pickLocalized(referent.place, lang).text;
    return site ? fill(lang, 'booking.placeAt', { room, site: site.name, address: site.address }) : room;
  };
  return Object.fromEntries(SUPPORTED_LANGUAGES.map((lang) => [lang, at(lang)])) as LocalizedText;
}

export function appointmentView(b: Booking, motif: Motif, referent: AgendaReferent): AppointmentView {
  return {
    id: b.id,
    reference: b.reference,
    motifCategory: motif.category,
    motifName: motif.name,
    mode: motif.mode,
    referent: { firstName: referent.firstName, metier: referent.metier, gender: referent.gender },
    place: b.place,
    startsAt: new Date(b.startsAt).toISOString(),
    endsAt: new Date(b.endsAt).toISOString(),
    changeableUntil: new Date(changeableUntil(b.startsAt, motif)).toISOString(),
    // Booked without a dossier, the ticket's reference and this phone find it again.
    changeWith: b.dossierId === null && b.contact ? { kind: 'reference', phone: b.contact.phone } : { kind: 'dossier' },
  };
}

export function appointmentIcsOf(b: Booking, motif: Motif, referent: AgendaReferent, language: Language, siteName: string, stamp: number): string {
  const what = pickLocalized(motif.name, language).text;
  return appointmentIcs({
    uid: `${b.id}@borne`,
    start: b.startsAt,
    end: b.endsAt,
    summary: fill(language, 'booking.icsSummary', { what, name: referent.firstName }),
    location: pickLocalized(b.place, language).text,
    description: fill(language, 'booking.icsDescription', { reference: b.reference, site: siteName }),
    stamp,
  });
}
