import { randomUUID } from 'node:crypto';
import type { OutboxMessageView, StaffAgendaDay } from '../../core/agenda/booking';
import { addDays, parisMidnight, parseIsoDate } from '../../core/agenda/paris-time';
import { WEEKDAYS, type WeeklyPeriods } from '../../core/agenda/slots';
import { recordStaffAction } from '../audit/staff-audit';
import { authorize } from '../auth/policy';
import type { StaffUser } from '../auth/staff.repository';
import type { AppContext } from '../context';
import { apiError } from '../errors';
import type { AgendaReferent, AgendaSource } from './agenda-source';
import { listOutbox } from './outbox.repository';

const DAY_MS = 86_400_000;

/** The console's outbox view is the row as the server lists it. */
export type OutboxRow = OutboxMessageView;

/** An absence as the audit keeps it. */
const absenceView = (a: { id: string; start: number; end: number }) => ({ id: a.id, startsAt: new Date(a.start).toISOString(), endsAt: new Date(a.end).toISOString() });

/**
 * The staff side of the agenda: a site's day, référents' hours and absences, the outbox. Each
 * call asks the policy first; changes and outbox reads are audited; `changed` tells kiosks and
 * consoles (AgendaService gathers those notices).
 */
export class StaffAgenda {
  constructor(
    private readonly ctx: AppContext,
    private readonly source: AgendaSource,
    private readonly changed: (siteId: string, referenceData?: boolean) => Promise<void>,
  ) {}

  async day(staff: StaffUser, siteId: string, day: string): Promise<StaffAgendaDay> {
    await this.checkStaffSite(staff, 'site.agenda.read', siteId);
    const date = parseIsoDate(day)!;
    const from = parisMidnight(date);
    const to = parisMidnight(addDays(date, 1));
    const referents = await this.source.referents(siteId);
    const ids = referents.map((r) => r.id);
    const [bookings, absences, motifs] = await Promise.all([this.source.bookings(ids, from, to), this.source.absences(ids, from - 60 * DAY_MS, to + 120 * DAY_MS), this.source.motifs(siteId)]);
    const motifById = new Map(motifs.map((m) => [m.id, m]));
    return {
      siteId,
      day,
      referents: referents.map((r) => ({
        id: r.id,
        firstName: r.firstName,
        metier: r.metier,
        gender: r.gender,
        place: r.place.fr,
        hours: Object.fromEntries(WEEKDAYS.filter((d) => r.hours[d]?.length).map((d) => [d, r.hours[d]!.map(([a, b]) => [a, b] as [string, string])])),
        absences: absences.filter((a) => a.referentId === r.id && a.endsAt > this.ctx.clock().getTime()).map((a) => ({ id: a.id, startsAt: new Date(a.startsAt).toISOString(), endsAt: new Date(a.endsAt).toISOString() })),
        bookings: bookings
          .filter((b) => b.referentId === r.id)
          .map((b) => {
            const motif = b.motifId ? motifById.get(b.motifId) : undefined;
            return {
              id: b.id,
              reference: b.reference,
              startsAt: new Date(b.startsAt).toISOString(),
              endsAt: new Date(b.endsAt).toISOString(),
              motifCategory: motif?.category ?? 'referent_followup',
              motifName: motif?.name ?? null,
              mode: motif?.mode ?? 'on_site',
              who: b.dossierNumber ? { dossierNumber: b.dossierNumber } : { name: b.contact?.name ?? '', phone: b.contact?.phone ?? '' },
            };
          }),
      })),
    };
  }

  // Changes of hours and absences, and reads of the outbox, are audited: who, from where, and
  // for changes the value before and after. `address` is the client address of the request.

  async setHours(staff: StaffUser, referentId: string, hours: WeeklyPeriods, address: string | null): Promise<void> {
    const referent = await this.changeableReferent(staff, 'referent.hours.change', referentId);
    await this.source.setHours(referent.id, hours);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'referent_hours', siteId: referent.siteId, target: referent.id, before: referent.hours, after: hours, address, at: this.ctx.clock() });
    await this.changed(referent.siteId, true);
  }

  async addAbsence(staff: StaffUser, referentId: string, startsAt: string, endsAt: string, address: string | null): Promise<{ id: string }> {
    const referent = await this.changeableReferent(staff, 'referent.absence.change', referentId);
    const id = randomUUID();
    const absence = { id, referentId: referent.id, start: Date.parse(startsAt), end: Date.parse(endsAt) };
    await this.source.addAbsence(absence);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'referent_absence_add', siteId: referent.siteId, target: referent.id, before: null, after: absenceView(absence), address, at: this.ctx.clock() });
    await this.changed(referent.siteId);
    return { id };
  }

  async removeAbsence(staff: StaffUser, absenceId: string, address: string | null): Promise<void> {
    await authorize(this.ctx.db, staff, 'referent.absence.change', { siteId: null });
    const removed = await this.source.removeAbsence(absenceId);
    if (!removed) throw apiError('absence_not_found');
    const referent = await this.source.referent(removed.referentId);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'referent_absence_remove', siteId: referent?.siteId ?? null, target: removed.referentId, before: absenceView(removed), after: null, address, at: this.ctx.clock() });
    if (referent) await this.changed(referent.siteId);
  }

  async outbox(staff: StaffUser, siteId: string, address: string | null): Promise<OutboxRow[]> {
    await this.checkStaffSite(staff, 'site.outbox.read', siteId);
    // The outbox holds phone numbers and e-mail addresses: who read it is kept (not what it said).
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'outbox_read', siteId, address, at: this.ctx.clock() });
    return listOutbox(this.ctx.db, siteId);
  }

  private async checkStaffSite(staff: StaffUser, action: 'site.agenda.read' | 'site.outbox.read', siteId: string): Promise<void> {
    if (!this.ctx.sites.has(siteId)) throw apiError('site_unknown');
    await authorize(this.ctx.db, staff, action, { siteId });
  }

  /** The référent, once the policy allows changing référents of their site (asked before the lookup: nothing is told to whoever may not). */
  private async changeableReferent(staff: StaffUser, action: 'referent.hours.change' | 'referent.absence.change', referentId: string): Promise<AgendaReferent> {
    await authorize(this.ctx.db, staff, action, { siteId: null });
    const referent = await this.source.referent(referentId);
    if (!referent) throw apiError('referent_not_found');
    await authorize(this.ctx.db, staff, action, { siteId: referent.siteId });
    return referent;
  }
}
