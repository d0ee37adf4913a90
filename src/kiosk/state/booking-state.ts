import { batch, signal } from '@preact/signals';
import type { BookingConfirmation, MotifView, NotifyChannel, SlotView, WeekSlotsView } from '../../core/agenda/booking';
import type { DossierView } from '../../core/dossier/dossier';
import type { Language } from '../../core/i18n/languages';
import { ApiRequestError } from '../../web/api-client';
import type { KioskApi } from '../api';

export type BookingError = 'slot_taken' | 'change_too_late' | 'booking_not_found' | 'identify_locked' | 'network' | 'generic' | BookingLimitError;
/** Refusals over a site's booking limits (server codes); the answer's details.max says the cap. */
export type BookingLimitError = 'booking_limit_phone' | 'booking_limit_dossier' | 'booking_rate_kiosk';
export const LIMIT_ERRORS: readonly string[] = ['booking_limit_phone', 'booking_limit_dossier', 'booking_rate_kiosk'] satisfies BookingLimitError[];
export type BookingStep = 'motif' | 'contact' | 'slots' | 'confirm' | 'done' | 'find';
type Appointment = DossierView['appointments'][number];

const errorOf = (e: unknown): BookingError => {
  const code = e instanceof ApiRequestError ? e.code : 'generic';
  if (LIMIT_ERRORS.includes(code)) return code as BookingLimitError;
  return code === 'slot_taken' || code === 'change_too_late' || code === 'booking_not_found' || code === 'identify_locked' || code === 'network' ? code : 'generic';
};

export interface BookingDeps {
  api: KioskApi;
  usagerToken: () => string | null;
  language: () => Language;
  /** Moves the kiosk to the booking screen of a step. */
  show: (step: BookingStep) => void;
}

/**
 * One booking (or one move) in progress: the motif, the person's contact when needed, the week
 * on screen, the chosen slot and the confirmation. Lives in memory only and is forgotten at
 * the end of the session.
 */
export function createBookingState(deps: BookingDeps) {
  const motifs = signal<MotifView[] | null>(null);
  const motif = signal<MotifView | null>(null);
  const moving = signal<Appointment | null>(null);
  const contact = signal<{ name: string; phone: string } | null>(null);
  const week = signal<WeekSlotsView | null>(null);
  const loading = signal(false);
  const chosen = signal<SlotView | null>(null);
  const confirmation = signal<BookingConfirmation | null>(null);
  const busy = signal(false);
  const error = signal<BookingError | null>(null);
  /** The cap a limit refusal names (« Vous avez déjà 2 rendez-vous à venir »). */
  const limitMax = signal<number | null>(null);
  const sent = signal<NotifyChannel | null>(null);
  const sendError = signal(false);
  /** An appointment found with its ticket reference (no dossier), and the access to change it. */
  const found = signal<Appointment | null>(null);
  const cancelled = signal(false);
  let access: string | null = null;
  const holder = () => ({ usager: deps.usagerToken(), access });
  /** Ignores answers to a request that a newer one replaced (the usager paged quickly). */
  let generation = 0;

  async function loadMotifs(): Promise<void> {
    error.value = null;
    try {
      motifs.value = await deps.api.motifs();
    } catch (e) {
      error.value = errorOf(e);
    }
  }

  async function loadWeek(weekStart: string | null): Promise<void> {
    const current = motif.value;
    if (!current) return;
    const mine = ++generation;
    loading.value = true;
    try {
      const next = await deps.api.slots(current.id, weekStart, deps.usagerToken());
      if (mine === generation) week.value = next;
    } catch (e) {
      if (mine === generation) error.value = errorOf(e);
    } finally {
      if (mine === generation) loading.value = false;
    }
  }

  /** The person needs to give a name and phone when the pôle has no dossier, or will call them. */
  function needsContact(m: MotifView): boolean {
    return !contact.value && (!deps.usagerToken() || m.mode === 'phone');
  }

  function start(): void {
    reset();
    deps.show('motif');
    void loadMotifs();
  }

  /** Returns false when the motif needs identification first (the caller opens « Mon dossier »). */
  function chooseMotif(m: MotifView): boolean {
    if (m.needsIdentification && !deps.usagerToken()) return false;
    batch(() => {
      motif.value = m;
      week.value = null;
      error.value = null;
    });
    if (needsContact(m)) deps.show('contact');
    else openSlots();
    return true;
  }

  function setContact(c: { name: string; phone: string }): void {
    contact.value = c;
    openSlots();
  }

  function openSlots(): void {
    deps.show('slots');
    void loadWeek(week.value?.weekStart ?? null);
  }

  function chooseSlot(slot: SlotView): void {
    batch(() => {
      chosen.value = slot;
      error.value = null;
    });
    deps.show('confirm');
  }

  async function confirm(): Promise<void> {
    const m = motif.value;
    const slot = chosen.value;
    if (!m || !slot || busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      const language = deps.language();
      const moved = moving.value;
      const token = deps.usagerToken();
      confirmation.value = moved && (token || access)
        ? await deps.api.move(moved.id, { referentId: slot.referentId, start: slot.start, language }, holder())
        : await deps.api.book({ motifId: m.id, referentId: slot.referentId, start: slot.start, ...(contact.value ? { contact: contact.value } : {}), language }, token);
      deps.show('done');
    } catch (e) {
      error.value = errorOf(e);
      limitMax.value = e instanceof ApiRequestError && typeof e.details?.max === 'number' ? e.details.max : null;
      // Someone was faster: back to the slots, refreshed, with a kind word.
      if (error.value === 'slot_taken') {
        chosen.value = null;
        deps.show('slots');
        await loadWeek(week.value?.weekStart ?? null);
      }
    } finally {
      busy.value = false;
    }
  }

  /** From « Mon dossier »: same slots, same motif, the appointment keeps its reference. */
  async function startMove(appointment: Appointment): Promise<void> {
    const kept = access;
    reset();
    access = kept;
    moving.value = appointment;
    const all = await deps.api.motifs().catch(() => null);
    const m = all?.find((x) => x.id === appointment.motifId) ?? null;
    if (!m) {
      error.value = 'generic';
      return;
    }
    batch(() => {
      motifs.value = all;
      motif.value = m;
    });
    openSlots();
  }

  async function cancel(appointmentId: string): Promise<boolean> {
    if (!deps.usagerToken() && !access) return false;
    busy.value = true;
    error.value = null;
    try {
      await deps.api.cancel(appointmentId, holder());
      if (found.value?.id === appointmentId) {
        found.value = null;
        cancelled.value = true;
      }
      return true;
    } catch (e) {
      error.value = errorOf(e);
      return false;
    } finally {
      busy.value = false;
    }
  }

  async function send(channel: NotifyChannel, to: string): Promise<void> {
    const c = confirmation.value;
    if (!c) return;
    sendError.value = false;
    try {
      await deps.api.notify(c.appointment.id, { channel, to, receipt: c.receipt, language: deps.language() });
      sent.value = channel;
    } catch {
      sendError.value = true;
    }
  }

  function openFind(): void {
    reset();
    deps.show('find');
  }

  async function find(reference: string, phone: string): Promise<void> {
    busy.value = true;
    error.value = null;
    try {
      const result = await deps.api.findBooking(reference, phone);
      access = result.access;
      batch(() => {
        found.value = result.appointment;
        cancelled.value = false;
      });
    } catch (e) {
      error.value = errorOf(e);
    } finally {
      busy.value = false;
    }
  }

  /** The agenda changed somewhere (another kiosk booked, staff changed hours): refresh what is shown. */
  function agendaChanged(): void {
    if (motif.value && week.value && !confirmation.value) void loadWeek(week.value.weekStart);
    // An admin added, changed or archived a motif: the list on screen follows.
    else if (!motif.value && motifs.value !== null && !confirmation.value) void loadMotifs();
  }

  function reset(): void {
    generation++;
    access = null;
    batch(() => {
      found.value = null;
      cancelled.value = false;
      motifs.value = null;
      motif.value = null;
      moving.value = null;
      contact.value = null;
      week.value = null;
      loading.value = false;
      chosen.value = null;
      confirmation.value = null;
      busy.value = false;
      error.value = null;
      sent.value = null;
      sendError.value = false;
    });
  }

  return {
    motifs,
    motif,
    moving,
    contact,
    week,
    loading,
    chosen,
    confirmation,
    busy,
    error,
    limitMax,
    sent,
    sendError,
    found,
    cancelled,
    openFind,
    find,
    start,
    chooseMotif,
    setContact,
    loadWeek,
    chooseSlot,
    confirm,
    startMove,
    cancel,
    send,
    agendaChanged,
    reset,
    openSlots,
  };
}

export type BookingState = ReturnType<typeof createBookingState>;
