import type { BookingConfirmation, MotifView, StaffAgendaDay, WeekSlotsView } from '../../core/agenda/booking';
import type { NotifyChannel } from '../../core/agenda/booking';
import type { WeeklyPeriods } from '../../core/agenda/slots';
import type { Language } from '../../core/i18n/languages';
import type { DossierView } from '../../core/dossier/dossier';
import type { StaffUser } from '../auth/staff.repository';
import type { AppContext } from '../context';
import type { AuthenticatedKiosk } from '../fleet/fleet.service';
import type { IdentityService } from '../identity/identity.service';
import { AgendaAdminService } from './agenda-admin.service';
import { AgendaNotices } from './agenda-notices';
import type { AgendaSource } from './agenda-source';
import { BookingService, type BookInput, type BookingHolder } from './booking.service';
import type { NotificationProvider } from './notifier';
import { AgendaReferenceData } from './reference-data';
import { StaffAgenda, type OutboxRow } from './staff-agenda';

export type { BookInput, BookingHolder } from './booking.service';

/**
 * The agenda feature as the routes see it: wires the kiosk's booking rules (booking.service.ts),
 * the staff side (staff-agenda.ts), « Référents » and « Motifs » (agenda-admin.service.ts), the
 * reference data they share in memory (reference-data.ts) and the gathered change notices
 * (agenda-notices.ts). It holds no rule of its own.
 */
export class AgendaService {
  private readonly notices: AgendaNotices;
  private readonly booking: BookingService;
  private readonly staffSide: StaffAgenda;
  /** « Référents » and « Motifs » of the console. */
  readonly admin: AgendaAdminService;

  constructor(ctx: AppContext, source: AgendaSource, identity: IdentityService, notifier: NotificationProvider) {
    const reference = new AgendaReferenceData(ctx, source);
    this.notices = new AgendaNotices(ctx, (siteId) => reference.forget(siteId));
    const changed = (siteId: string, referenceData?: boolean) => this.notices.changed(siteId, referenceData);
    this.booking = new BookingService(ctx, source, reference, identity, notifier, changed);
    this.staffSide = new StaffAgenda(ctx, source, changed);
    this.admin = new AgendaAdminService(ctx, source, changed);
  }

  motifs(kiosk: AuthenticatedKiosk): Promise<MotifView[]> {
    return this.booking.motifs(kiosk);
  }

  weekSlots(kiosk: AuthenticatedKiosk, query: { motifId: string; week?: string | undefined }, usagerToken: string | undefined): Promise<WeekSlotsView> {
    return this.booking.weekSlots(kiosk, query, usagerToken);
  }

  book(kiosk: AuthenticatedKiosk, input: BookInput, usagerToken: string | undefined, language: Language): Promise<BookingConfirmation> {
    return this.booking.book(kiosk, input, usagerToken, language);
  }

  move(kiosk: AuthenticatedKiosk, appointmentId: string, to: { referentId: string; start: string }, who: BookingHolder, language: Language): Promise<BookingConfirmation & { receipt: string }> {
    return this.booking.move(kiosk, appointmentId, to, who, language);
  }

  cancel(kiosk: AuthenticatedKiosk, appointmentId: string, who: BookingHolder): Promise<void> {
    return this.booking.cancel(kiosk, appointmentId, who);
  }

  notify(kiosk: AuthenticatedKiosk, appointmentId: string, input: { channel: NotifyChannel; to: string; receipt: string }, language: Language): Promise<void> {
    return this.booking.notify(kiosk, appointmentId, input, language);
  }

  findByReference(kiosk: AuthenticatedKiosk, reference: string, phone: string): Promise<{ access: string; appointment: DossierView['appointments'][number] }> {
    return this.booking.findByReference(kiosk, reference, phone);
  }

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

  /** Sends the notices still gathered (before the server stops). */
  flushNotices(): void {
    this.notices.flush();
  }
}
