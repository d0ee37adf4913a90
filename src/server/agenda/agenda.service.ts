import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { AppointmentView, BookingConfirmation, MotifView, StaffAgendaDay, WeekSlotsView } from '../../core/agenda/booking';
import { normalisePhone, type NotifyChannel } from '../../core/agenda/booking';
import { appointmentIcs } from '../../core/agenda/ics';
import { changeableUntil, needsIdentification, type Motif } from '../../core/agenda/motif';
import { addDays, isoDate, mondayOf, parisDate, parisMidnight, parseIsoDate, weekdayIndex } from '../../core/agenda/paris-time';
import { freeSlots, WEEKDAYS, type Interval, type WeeklyPeriods } from '../../core/agenda/slots';
import { pickLocalized, SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/languages';
import type { LocalizedText } from '../../core/i18n/localized-text';
import type { DossierView } from '../../core/dossier/dossier';
import type { StaffUser } from '../auth/staff.repository';
import { hashToken, newToken } from '../auth/tokens';
import { publish, type AppContext } from '../context';
import type { DossierIdentity } from '../dossier/dossier-source';
import { apiError } from '../errors';
import type { AuthenticatedKiosk } from '../fleet/fleet.service';
import { audit, countAttempts, countFailures, recordAttempt } from '../identity/identity.repository';
import { IDENTIFY_POLICY } from '../identity/identity.service';
import type { IdentityService } from '../identity/identity.service';
import { BookingLimitError, SlotTakenError, type AgendaReferent, type AgendaSource, type Booking, type BookingLimit, type BookingLimits } from './agenda-source';
import { fill, formatWhen, messagesIn, textIn } from './messages';
import type { NotificationProvider } from './notifier';
import { StaffAgenda, type OutboxRow } from './staff-agenda';
import { AgendaAdminService } from './agenda-admin.service';

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
 * Booking rules around the AgendaSource: which référents a motif may use, which slots are free,
 * who may move or cancel what and until when, and telling kiosks and consoles when the agenda
 * changed so a freed slot is offered at once.
 */
/**
 * Motifs and référents change rarely and are read on every slot search and booking: they are
 * kept for a short while, and forgotten at once when Borne itself changes them.
 */
const REFERENCE_DATA_TTL_MS = 30_000;
/** How long agenda changes of a site are gathered before kiosks and consoles are told. */
const AGENDA_NOTICE_MS = 150;

export class AgendaService {
  private readonly messagesSent = new Map<string, number>();
  private readonly motifCache = new Map<string, { at: number; motifs: Motif[] }>();
  private readonly referentCache = new Map<string, { at: number; referents: AgendaReferent[] }>();
  private readonly pendingNotices = new Map<string, NodeJS.Timeout>();
  private readonly watched = new Set<string>();
  private readonly staffSide: StaffAgenda;
  /** « Référents » and « Motifs » of the console. */
  readonly admin: AgendaAdminService;

  constructor(
    private readonly ctx: AppContext,
    private readonly source: AgendaSource,
    private readonly identity: IdentityService,
    private readonly notifier: NotificationProvider,
  ) {
    this.staffSide = new StaffAgenda(ctx, source, (siteId, referenceData) => this.changed(siteId, referenceData));
    this.admin = new AgendaAdminService(ctx, source, (siteId, referenceData) => this.changed(siteId, referenceData));
  }

  async motifs(kiosk: AuthenticatedKiosk): Promise<MotifView[]> {
    return (await this.siteMotifs(kiosk.siteId)).map((m) => ({
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
      place: this.placeOf(motif, referent),
      kioskId: kiosk.id,
      contact,
      receiptHash: hashToken(receipt),
      now,
    };
    const limits = this.ctx.sites.get(kiosk.siteId)?.booking ?? DEFAULT_BOOKING_LIMITS;
    try {
      await this.source.book(booking, limits);
    } catch (error) {
      if (error instanceof SlotTakenError) throw apiError('slot_taken');
      if (error instanceof BookingLimitError) throw await this.refuseOverLimit(kiosk, error.limit, limits, booking.dossierId, now);
      throw error;
    }
    await audit(this.ctx.db, { kioskId: kiosk.id, dossierId: booking.dossierId, action: 'booking', outcome: 'success', at: now });
    await this.changed(referent.siteId);
    const saved: Booking = { ...booking, startsAt: booking.start, endsAt: booking.end, status: 'booked' };
    return { appointment: this.view(saved, motif, referent), ics: this.ics(saved, motif, referent, language), receipt };
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
    try {
      await this.source.move(booking.id, { referentId: referent.id, start, end: start + motif.durationMinutes * 60_000, place: this.placeOf(motif, referent), now });
    } catch (error) {
      if (error instanceof SlotTakenError) throw apiError('slot_taken');
      throw error;
    }
    await audit(this.ctx.db, { kioskId: kiosk.id, dossierId: dossier?.id ?? null, action: 'booking_move', outcome: 'success', at: now });
    await this.changed(referent.siteId);
    const saved = (await this.source.booking(booking.id))!;
    // A new receipt: the confirmation of the new time can be sent from this screen.
    const receipt = newToken();
    await this.ctx.db.updateTable('appointments').set({ receipt_hash: hashToken(receipt) }).where('id', '=', saved.id).execute();
    return { appointment: this.view(saved, motif, referent), ics: this.ics(saved, motif, referent, language), receipt };
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

  // ---- staff (staff-agenda.ts) ----

  staffDay(staff: StaffUser, siteId: string, day: string): Promise<StaffAgendaDay> {
    return this.staffSide.day(staff, siteId, day);
  }

  setHours(staff: StaffUser, referentId: string, hours: WeeklyPeriods, address: string | null): Promise<void> {
    return this.staffSide.setHours(staff, referentId, hours, address);
  }

  addAbsence(staff: StaffUser, referentId: string, startsAt: string, endsAt: string, address: string | null): Promise<{ id: string }> {
    return this.staffSide.addAbsence(staff, referentId, startsAt, endsAt, address);
  }

  removeAbsence(staff: StaffUser, absenceId: string, address: string | null): Promise<void> {
    return this.staffSide.removeAbsence(staff, absenceId, address);
  }

  outbox(staff: StaffUser, siteId: string, address: string | null): Promise<OutboxRow[]> {
    return this.staffSide.outbox(staff, siteId, address);
  }

  // ---- rules ----

  /**
   * What is kept of a site's motifs and référents is dropped on every agenda notice of the site,
   * which the bus brings to every instance: a change made through another instance shows here at
   * once, not after the TTL.
   */
  private watch(siteId: string): void {
    if (this.watched.has(siteId)) return;
    this.watched.add(siteId);
    this.ctx.bus.onAgendaChange(siteId, () => {
      this.motifCache.delete(siteId);
      this.referentCache.delete(siteId);
    });
  }

  private async siteMotifs(siteId: string): Promise<Motif[]> {
    this.watch(siteId);
    const now = Date.now();
    const cached = this.motifCache.get(siteId);
    if (cached && now - cached.at < REFERENCE_DATA_TTL_MS) return cached.motifs;
    const motifs = await this.source.motifs(siteId);
    this.motifCache.set(siteId, { at: now, motifs });
    return motifs;
  }

  private async siteReferents(siteId: string): Promise<AgendaReferent[]> {
    this.watch(siteId);
    const now = Date.now();
    const cached = this.referentCache.get(siteId);
    if (cached && now - cached.at < REFERENCE_DATA_TTL_MS) return cached.referents;
    const referents = await this.source.referents(siteId);
    this.referentCache.set(siteId, { at: now, referents });
    return referents;
  }

  private async siteMotif(kiosk: AuthenticatedKiosk, motifId: string): Promise<Motif> {
    const motif = (await this.siteMotifs(kiosk.siteId)).find((m) => m.id === motifId);
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
    return (await this.siteReferents(kiosk.siteId)).filter((r) => motif.metiers.includes(r.metier));
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
    if (!dossier && !(await this.checkAccess(who.access, appointmentId, kiosk))) throw apiError('appointment_not_found');
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
    const since = new Date(now.getTime() - IDENTIFY_POLICY.windowMs);
    if ((await countAttempts(this.ctx.db, kiosk.id, new Date(now.getTime() - 60_000))) >= IDENTIFY_POLICY.maxAttemptsPerMinute) throw apiError('rate_limited');
    const key = await this.identity.attemptKey('booking', reference);
    const [forReference, forKiosk] = await Promise.all([countFailures(this.ctx.db, { dossierKey: key }, since), countFailures(this.ctx.db, { kioskId: kiosk.id }, since)]);
    if (forReference >= IDENTIFY_POLICY.maxFailuresPerDossier || forKiosk >= IDENTIFY_POLICY.maxFailuresPerKiosk) throw apiError('identify_locked');
    const booking = await this.source.bookingByReference(reference);
    const referent = booking ? await this.source.referent(booking.referentId) : undefined;
    const found = booking && referent && booking.status === 'booked' && booking.startsAt > now.getTime() && referent.siteId === kiosk.siteId && booking.contact?.phone === normalisePhone(phone);
    await recordAttempt(this.ctx.db, kiosk.id, key, Boolean(found), now);
    if (!found) throw apiError('booking_not_found');
    const motif = booking.motifId ? await this.source.motif(booking.motifId) : undefined;
    const expires = now.getTime() + IDENTIFY_POLICY.sessionMs;
    return {
      access: await this.signAccess(booking.id, kiosk.id, expires),
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

  private async signAccess(bookingId: string, kioskId: string, expires: number): Promise<string> {
    const payload = `${bookingId}.${kioskId}.${expires}`;
    const mac = createHmac('sha256', await this.identity.instanceSecret()).update(`booking-access:${payload}`).digest('base64url');
    return `${Buffer.from(payload).toString('base64url')}.${mac}`;
  }

  private async checkAccess(access: string | undefined, bookingId: string, kiosk: AuthenticatedKiosk): Promise<boolean> {
    const [encoded, mac] = (access ?? '').split('.');
    if (!encoded || !mac) return false;
    const payload = Buffer.from(encoded, 'base64url').toString();
    const expected = createHmac('sha256', await this.identity.instanceSecret()).update(`booking-access:${payload}`).digest('base64url');
    // Compare bytes, not characters: a header byte above 0x7F is one character but two UTF-8 bytes.
    const given = Buffer.from(mac);
    const wanted = Buffer.from(expected);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return false;
    const [id, kioskId, expires] = payload.split('.');
    return id === bookingId && kioskId === kiosk.id && Number(expires) > this.ctx.clock().getTime();
  }

  /** Where the référent receives: their own pôle, which may not be the kiosk's (a follow-up). */
  private placeOf(motif: Motif, referent: AgendaReferent): LocalizedText {
    const site = this.ctx.sites.get(referent.siteId);
    // Written in every language at once: the kiosk shows it in whichever the session switches to.
    const at = (lang: Language) => {
      if (motif.mode === 'phone') return textIn(lang, 'booking.byPhonePlace');
      const room = pickLocalized(referent.place, lang).text;
      return site ? fill(lang, 'booking.placeAt', { room, site: site.name, address: site.address }) : room;
    };
    return Object.fromEntries(SUPPORTED_LANGUAGES.map((lang) => [lang, at(lang)])) as LocalizedText;
  }

  private view(b: Booking, motif: Motif, referent: AgendaReferent): AppointmentView {
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

  private ics(b: Booking, motif: Motif, referent: AgendaReferent, language: Language): string {
    const what = pickLocalized(motif.name, language).text;
    return appointmentIcs({
      uid: `${b.id}@borne`,
      start: b.startsAt,
      end: b.endsAt,
      summary: fill(language, 'booking.icsSummary', { what, name: referent.firstName }),
      location: pickLocalized(b.place, language).text,
      description: fill(language, 'booking.icsDescription', { reference: b.reference, site: this.ctx.sites.get(referent.siteId)?.name ?? '' }),
      stamp: this.ctx.clock().getTime(),
    });
  }

  /**
   * Kiosks showing slots refresh them, consoles refresh the day: a freed slot is offered within a
   * fraction of a second. Changes are gathered per site for AGENDA_NOTICE_MS, so a burst of
   * bookings sends one notice instead of making every kiosk of the pôle reload once per booking.
   */
  private async changed(siteId: string, referenceData = false): Promise<void> {
    if (referenceData) {
      this.motifCache.delete(siteId);
      this.referentCache.delete(siteId);
    }
    if (this.pendingNotices.has(siteId)) return;
    const timer = setTimeout(() => {
      this.pendingNotices.delete(siteId);
      this.ctx.bus.agendaChanged(siteId);
      publish(this.ctx, siteId, { type: 'agenda' }).catch((error: unknown) => this.ctx.log.warn({ err: error }, 'agenda notice not stored'));
    }, AGENDA_NOTICE_MS);
    timer.unref();
    this.pendingNotices.set(siteId, timer);
  }

  /** Sends the notices still gathered (before the server stops). */
  flushNotices(): void {
    for (const [siteId, timer] of this.pendingNotices) {
      clearTimeout(timer);
      this.pendingNotices.delete(siteId);
      this.ctx.bus.agendaChanged(siteId);
    }
  }
}
