import { randomBytes, randomUUID } from 'node:crypto';
import type { BookingConfirmation, MotifView, WeekSlotsView } from '../../core/agenda/booking';
import { normalisePhone, type NotifyChannel } from '../../core/agenda/booking';
import { changeableUntil, needsIdentification, type Motif } from '../../core/agenda/motif';
import { addDays, isoDate, mondayOf, parisDate, parisMidnight, parseIsoDate, weekdayIndex } from '../../core/agenda/paris-time';
import { freeSlots, WEEKDAYS, type Interval } from '../../core/agenda/slots';
import { pickLocalized, type Language } from '../../core/i18n/languages';
import type { DossierView } from '../../core/dossier/dossier';
import { hashToken, newToken } from '../auth/tokens';
import { publish, type AppContext } from '../context';
import type { DossierIdentity } from '../dossier/dossier-source';
import { apiError } from '../errors';
import type { AuthenticatedKiosk } from '../fleet/fleet.service';
import { audit, recordAttempt } from '../identity/identity.repository';
import type { IdentityService } from '../identity/identity.service';
import { IDENTIFY_POLICY, lockedUntil, overAttemptRate } from '../identity/lockout';
import { BookingLimitError, SlotTakenError, type AgendaReferent, type AgendaSource, type Booking, type BookingLimit, type BookingLimits } from './agenda-source';
import { checkAccess, signAccess } from './booking-access';
import { appointmentIcsOf, appointmentView, placeOf } from './booking-views';
import { formatWhen, messagesIn } from './messages';
import type { NotificationProvider } from './notifier';
import type { AgendaReferenceData } from './reference-data';

const DAY_MS = 86_400_000;
/** Confirmations one booking may send: enough for a typo or two, not a spam relay. */
const MAX_MESSAGES_PER_BOOKING = 3;
/** References avoid 0/O and 1/I: they are read aloud on the phone and typed from a ticket. */
const REFERENCE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** The site schema's defaults, for a kiosk whose site vanished from the config mid-request. */
const DEFAULT_BOOKING_LIMITS: BookingLimits = { maxLivePerPhone: 2, maxLivePerDossier: 3, maxPerKioskPerHour: 12 };
const LIMIT_ERRORS = { phone: 'booking_limit_phone', dossier: 'booking_limit_dossier', kiosk_rate: 'booking_rate_kiosk' } as const;

function newReference(): string {
  const bytes = randomBytes(6);
  const chars = [...bytes].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length]);
  return `${chars.slice(0, 3).join('')}-${chars.slice(3).join('')}`;
}

/** Who asks to change a booking: the usager session of a dossier, or a reference-and-phone access. */
export interface BookingHolder {
  usagerToken?: string | undefined;
  access?: string | undefined;
}

export interface BookInput {
  motifId: string;
  referentId: string;
  start: string;
  contact?: { name: string; phone: string } | undefined;
}

/**
 * The kiosk's booking rules around the AgendaSource: which référents a motif may use, which slots
 * are free, who may move or cancel what and until when. `changed` tells kiosks and consoles that
 * a site's agenda changed (AgendaNotices gathers those notices).
 */
export class BookingService {
  private readonly messagesSent = new Map<string, number>();

  constructor(
    private readonly ctx: AppContext,
    private readonly source: AgendaSource,
    private readonly reference: AgendaReferenceData,
    private readonly identity: IdentityService,
    private readonly notifier: NotificationProvider,
    private readonly changed: (siteId: string) => Promise<void>,
  ) {}

  async motifs(kiosk: AuthenticatedKiosk): Promise<MotifView[]> {
    return (await this.reference.motifs(kiosk.siteId)).map((m) => ({
      id: m.id,
      category: m.category,
      name: m.name,
      description: m.description,
      durationMinutes: m.durationMinutes,
      mode: m.mode,
      needsIdentification: needsIdentification(m),
      changeLimitHours: m.changeLimitHours,
    }));
  }

  async weekSlots(kiosk: AuthenticatedKiosk, query: { motifId: string; week?: string | undefined }, usagerToken: string | undefined): Promise<WeekSlotsView> {
    const motif = await this.siteMotif(kiosk, query.motifId);
    const referents = await this.eligibleReferents(kiosk, motif, usagerToken);
    const now = this.ctx.clock().getTime();
    const all = await this.freeSlotsOf(motif, referents, now);
    const currentMonday = mondayOf(parisDate(now));
    const lastDay = parisDate(now + motif.maxDelayDays * DAY_MS);
    let monday = query.week ? mondayOf(parseIsoDate(query.week)!) : all[0] ? mondayOf(parisDate(all[0].start)) : currentMonday;
    if (parisMidnight(monday) < parisMidnight(currentMonday)) monday = currentMonday;
    const from = parisMidnight(monday);
    const to = parisMidnight(addDays(monday, 7));
    const days = new Map<string, WeekSlotsView['days'][number]>();
    for (const slot of all) {
      if (slot.start < from || slot.start >= to) continue;
      const date = isoDate(parisDate(slot.start));
      const day = days.get(date) ?? { date, slots: [] };
      day.slots.push({ start: new Date(slot.start).toISOString(), end: new Date(slot.end).toISOString(), referentId: slot.referentId });
      days.set(date, day);
    }
    const nextMonday = addDays(monday, 7);
    return {
      motifId: motif.id,
      weekStart: isoDate(monday),
      previousWeek: parisMidnight(monday) > parisMidnight(currentMonday) ? isoDate(addDays(monday, -7)) : null,
      nextWeek: parisMidnight(nextMonday) <= parisMidnight(lastDay) ? isoDate(nextMonday) : null,
      days: [...days.values()],
      referents: Object.fromEntries(referents.map((r) => [r.id, { firstName: r.firstName, metier: r.metier, gender: r.gender }])),
    };
  }

  async book(kiosk: AuthenticatedKiosk, input: BookInput, usagerToken: string | undefined, language: Language): Promise<BookingConfirmation> {
    const motif = await this.siteMotif(kiosk, input.motifId);
    const dossier = usagerToken ? await this.identity.sessionDossier(kiosk, usagerToken) : null;
    if (needsIdentification(motif) && !dossier) throw apiError('usager_session_invalid');
    const contact = input.contact ? { name: input.contact.name.trim(), phone: normalisePhone(input.contact.phone)! } : null;
    // Without a dossier, or for a call back, the pôle needs a name and a number to reach the person.
    if (!contact && (!dossier || motif.mode === 'phone')) throw apiError('contact_required');
    const referent = await this.checkSlot(kiosk, motif, input.referentId, input.start, dossier);
    const start = Date.parse(input.start);
    const now = this.ctx.clock();
    const receipt = newToken();
    const booking = {
      id: randomUUID(),
      reference: newReference(),
      motifId: motif.id,
      referentId: referent.id,
      dossierId: dossier?.id ?? null,
      start,
      end: start + motif.durationMinutes * 60_000,
      place: placeOf(motif, referent, this.ctx.sites.get(referent.siteId)),
      kioskId: kiosk.id,
      contact,
      receiptHash: hashToken(receipt),
      now,
    };
    const limits = this.ctx.sites.get(kiosk.siteId)?.booking ?? DEFAULT_BOOKING_LIMITS;
    const entry = { kioskId: kiosk.id, dossierId: booking.dossierId, at: now };
    let audited: boolean | void;
    try {
      audited = await this.source.book(booking, limits, entry);
    } catch (error) {
      if (error instanceof SlotTakenError) throw apiError('slot_taken');
      if (error instanceof BookingLimitError) throw await this.refuseOverLimit(kiosk, error.limit, limits, booking.dossierId, now);
      throw error;
    }
    if (audited !== true) await audit(this.ctx.db, { ...entry, action: 'booking', outcome: 'success' });
    await this.changed(referent.siteId);
    const saved: Booking = { ...booking, startsAt: booking.start, endsAt: booking.end, status: 'booked' };
    return { appointment: appointmentView(saved, motif, referent), ics: appointmentIcsOf(saved, motif, referent, language, this.ctx.sites.get(referent.siteId)?.name ?? '', this.ctx.clock().getTime()), receipt };
  }

  /**
   * A booking over a limit (15 slots in 136 ms from one kiosk were seen): refused kindly, with the
   * cap so the kiosk can say it, audited, and told to the site's consoles so a médiateur can go
   * and help. The console event says which kiosk and which limit: never a phone number or a name.
   */
  private async refuseOverLimit(kiosk: AuthenticatedKiosk, limit: BookingLimit, limits: BookingLimits, dossierId: string | null, now: Date): Promise<Error> {
    const max = limit === 'phone' ? limits.maxLivePerPhone : limit === 'dossier' ? limits.maxLivePerDossier : limits.maxPerKioskPerHour;
    await audit(this.ctx.db, { kioskId: kiosk.id, dossierId, action: 'booking', outcome: 'blocked', at: now });
    await publish(this.ctx, kiosk.siteId, { type: 'bookingRefused', kioskId: kiosk.id, limit, at: now.toISOString() }).catch((error: unknown) => this.ctx.log.warn({ err: error }, 'booking refusal notice not stored'));
    return apiError(LIMIT_ERRORS[limit], undefined, undefined, { max });
  }

  async move(kiosk: AuthenticatedKiosk, appointmentId: string, to: { referentId: string; start: string }, who: BookingHolder, language: Language): Promise<BookingConfirmation & { receipt: string }> {
    const { booking, motif, dossier } = await this.ownBooking(kiosk, appointmentId, who);
    const referent = await this.checkSlot(kiosk, motif, to.referentId, to.start, dossier);
    const start = Date.parse(to.start);
    const now = this.ctx.clock();
    // A new receipt: the confirmation of the new time can be sent from this screen.
    const receipt = newToken();
    try {
      await this.source.move(booking.id, { referentId: referent.id, start, end: start + motif.durationMinutes * 60_000, place: placeOf(motif, referent, this.ctx.sites.get(referent.siteId)), now, receiptHash: hashToken(receipt) });
    } catch (error) {
      if (error instanceof SlotTakenError) throw apiError('slot_taken');
      throw error;
    }
    await audit(this.ctx.db, { kioskId: kiosk.id, dossierId: dossier?.id ?? null, action: 'booking_move', outcome: 'success', at: now });
    await this.changed(referent.siteId);
    const saved = (await this.source.booking(booking.id))!;
    return { appointment: appointmentView(saved, motif, referent), ics: appointmentIcsOf(saved, motif, referent, language, this.ctx.sites.get(referent.siteId)?.name ?? '', this.ctx.clock().getTime()), receipt };
  }

  async cancel(kiosk: AuthenticatedKiosk, appointmentId: string, who: BookingHolder): Promise<void> {
    const { booking, dossier } = await this.ownBooking(kiosk, appointmentId, who);
    const now = this.ctx.clock();
    await this.source.cancel(booking.id, now);
    await audit(this.ctx.db, { kioskId: kiosk.id, dossierId: dossier?.id ?? null, action: 'booking_cancel', outcome: 'success', at: now });
    await this.changed((await this.source.referent(booking.referentId))?.siteId ?? kiosk.siteId);
  }

  async notify(kiosk: AuthenticatedKiosk, appointmentId: string, input: { channel: NotifyChannel; to: string; receipt: string }, language: Language): Promise<void> {
    const booking = await this.source.booking(appointmentId);
    if (!booking || booking.status !== 'booked' || booking.receiptHash !== hashToken(input.receipt) || booking.kioskId === null) throw apiError('appointment_not_found');
    const sent = this.messagesSent.get(booking.id) ?? 0;
    if (sent >= MAX_MESSAGES_PER_BOOKING) throw apiError('too_many_messages');
    const motif = booking.motifId ? await this.source.motif(booking.motifId) : undefined;
    const referent = await this.source.referent(booking.referentId);
    if (!motif || !referent) throw apiError('appointment_not_found');
    const t = messagesIn(language);
    const body = t('booking.message', {
      what: pickLocalized(motif.name, language).text,
      name: referent.firstName,
      when: formatWhen(booking.startsAt, language),
      place: pickLocalized(booking.place, language).text,
      reference: booking.reference,
      site: this.ctx.sites.get(kiosk.siteId)?.name ?? '',
    });
    const to = input.channel === 'sms' ? normalisePhone(input.to)! : input.to.trim();
    await this.notifier.send({ siteId: kiosk.siteId, appointmentId: booking.id, channel: input.channel, to, body }, this.ctx.clock());
    // The console's outbox panel follows live (« Confirmations SMS et e-mail »).
    await publish(this.ctx, kiosk.siteId, { type: 'outbox' });
    this.messagesSent.set(booking.id, sent + 1);
  }

  // ---- rules ----

  private async siteMotif(kiosk: AuthenticatedKiosk, motifId: string): Promise<Motif> {
    const motif = (await this.reference.motifs(kiosk.siteId)).find((m) => m.id === motifId);
    if (!motif || motif.siteId !== kiosk.siteId) throw apiError('motif_not_found');
    return motif;
  }

  /** The follow-up is with the dossier's own référent; a first contact with any référent of the right métier here. */
  private async eligibleReferents(kiosk: AuthenticatedKiosk, motif: Motif, usagerToken: string | undefined, dossier?: DossierIdentity | null): Promise<AgendaReferent[]> {
    if (needsIdentification(motif)) {
      const who = dossier ?? (await this.identity.sessionDossier(kiosk, usagerToken));
      const referent = who.referentId ? await this.source.referent(who.referentId) : undefined;
      // A référent who left (archived) takes no new appointment: the pôle assigns someone else.
      if (!referent || referent.archived) throw apiError('no_referent');
      return [referent];
    }
    return (await this.reference.referents(kiosk.siteId)).filter((r) => motif.metiers.includes(r.metier));
  }

  private async freeSlotsOf(motif: Motif, referents: readonly AgendaReferent[], now: number): Promise<(Interval & { referentId: string })[]> {
    const busy = await this.source.busy(referents.map((r) => r.id), now, now + (motif.maxDelayDays + 1) * DAY_MS);
    const byStart = new Map<number, Interval & { referentId: string }>();
    for (const r of referents) {
      const slots = freeSlots({ periods: r.hours, busy: busy.get(r.id) ?? [], durationMinutes: motif.durationMinutes, minDelayMinutes: motif.minDelayMinutes, maxDelayDays: motif.maxDelayDays, now });
      // One button per time: when several référents are free then, the first one takes it.
      for (const s of slots) if (!byStart.has(s.start)) byStart.set(s.start, { ...s, referentId: r.id });
    }
    return [...byStart.values()].sort((a, b) => a.start - b.start);
  }

  /** The slot must be one the kiosk could have offered: right référent, opening hours, delays. */
  private async checkSlot(kiosk: AuthenticatedKiosk, motif: Motif, referentId: string, startIso: string, dossier: DossierIdentity | null): Promise<AgendaReferent> {
    const referents = await this.eligibleReferents(kiosk, motif, undefined, dossier ?? undefined);
    const referent = referents.find((r) => r.id === referentId);
    if (!referent) throw apiError('slot_unavailable');
    const start = Date.parse(startIso);
    const now = this.ctx.clock().getTime();
    const day = parisDate(start);
    const hours = referent.hours[WEEKDAYS[weekdayIndex(day)]!] ?? [];
    const free = freeSlots({
      periods: { [WEEKDAYS[weekdayIndex(day)]!]: hours },
      busy: [],
      durationMinutes: motif.durationMinutes,
      minDelayMinutes: motif.minDelayMinutes,
      maxDelayDays: motif.maxDelayDays,
      now,
    });
    // Busy time is the transaction's to judge: it decides atomically (slot_taken).
    if (!free.some((s) => s.start === start)) throw apiError('slot_unavailable');
    return referent;
  }

  /**
   * The appointment, if whoever asks holds it: the usager session of its dossier, or (without a
   * dossier) the access opened with its reference and phone number on this kiosk.
   */
  private async ownBooking(kiosk: AuthenticatedKiosk, appointmentId: string, who: BookingHolder): Promise<{ booking: Booking; motif: Motif; dossier: DossierIdentity | null }> {
    const dossier = who.access && !who.usagerToken ? null : await this.identity.sessionDossier(kiosk, who.usagerToken);
    if (!dossier && !checkAccess(await this.identity.instanceSecret(), who.access, appointmentId, kiosk.id, this.ctx.clock().getTime())) throw apiError('appointment_not_found');
    const booking = await this.source.booking(appointmentId);
    if (!booking || booking.status !== 'booked' || (dossier && booking.dossierId !== dossier.id)) throw apiError('appointment_not_found');
    const motif = booking.motifId ? await this.source.motif(booking.motifId) : undefined;
    if (!motif) throw apiError('appointment_not_changeable');
    if (this.ctx.clock().getTime() >= changeableUntil(booking.startsAt, motif)) throw apiError('change_too_late');
    return { booking, motif, dossier };
  }

  /**
   * A person without a dossier finds their appointment with the reference on the ticket and the
   * phone number they gave. Wrong attempts count like identification attempts (lockout per
   * reference and per kiosk); the access is bound to this kiosk and lasts a session at most.
   */
  async findByReference(kiosk: AuthenticatedKiosk, reference: string, phone: string): Promise<{ access: string; appointment: DossierView['appointments'][number] }> {
    const now = this.ctx.clock();
    // The same budget and lockout as identification (identity/lockout.ts): a reference counts like a dossier.
    if (await overAttemptRate(this.ctx.db, kiosk.id, now)) throw apiError('rate_limited');
    const key = await this.identity.attemptKey('booking', reference);
    if (await lockedUntil(this.ctx.db, { kioskId: kiosk.id, dossierKey: key }, now)) throw apiError('identify_locked');
    const booking = await this.source.bookingByReference(reference);
    const referent = booking ? await this.source.referent(booking.referentId) : undefined;
    const found = booking && referent && booking.status === 'booked' && booking.startsAt > now.getTime() && referent.siteId === kiosk.siteId && booking.contact?.phone === normalisePhone(phone);
    await recordAttempt(this.ctx.db, kiosk.id, key, Boolean(found), now);
    if (!found) throw apiError('booking_not_found');
    const motif = booking.motifId ? await this.source.motif(booking.motifId) : undefined;
    const expires = now.getTime() + IDENTIFY_POLICY.sessionMs;
    return {
      access: signAccess(await this.identity.instanceSecret(), booking.id, kiosk.id, expires),
      appointment: {
        id: booking.id,
        startsAt: new Date(booking.startsAt).toISOString(),
        endsAt: new Date(booking.endsAt).toISOString(),
        withFirstName: referent.firstName,
        place: booking.place,
        motifId: booking.motifId,
        motifCategory: motif?.category ?? 'referent_followup',
        motifName: motif?.name ?? null,
        mode: motif?.mode ?? 'on_site',
        changeableUntil: motif ? new Date(changeableUntil(booking.startsAt, motif)).toISOString() : null,
      },
    };
  }
}
