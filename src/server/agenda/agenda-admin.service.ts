import { randomUUID } from 'node:crypto';
import type { MotifAdminList, MotifAdminView, MotifFields, ReferentAdminList, ReferentAdminView, ReferentFields } from '../../core/agenda/agenda-admin';
import { WEEKDAYS } from '../../core/agenda/slots';
import type { StaffAction } from '../../core/auth/policy';
import type { Language } from '../../core/i18n/languages';
import { recordStaffAction, type StaffAuditAction } from '../audit/staff-audit';
import { authorize } from '../auth/policy';
import type { StaffUser } from '../auth/staff.repository';
import type { AppContext } from '../context';
import { apiError, versionConflict } from '../errors';
import { StaleVersionError, type AgendaAdminWrites, type AgendaReferent, type AgendaSource } from './agenda-source';

const DAY_MS = 86_400_000;
/** How far ahead the console lists a référent's absences. */
const ABSENCES_AHEAD_DAYS = 400;

const referentFields = (r: AgendaReferent): ReferentFields => ({ firstName: r.firstName, metier: r.metier, gender: r.gender, place: r.place });
const motifFields = (m: MotifAdminView) => ({
  name: m.name,
  description: m.description,
  durationMinutes: m.durationMinutes,
  mode: m.mode,
  firstContact: m.firstContact,
  minDelayMinutes: m.minDelayMinutes,
  maxDelayDays: m.maxDelayDays,
  changeLimitHours: m.changeLimitHours,
  metiers: m.metiers,
  position: m.position,
  archived: m.archived,
});

/**
 * « Référents » and « Motifs »: the policy first (the role, then the pôle of the record), then
 * the source's writes guarded by the version the admin started from. Every change is audited
 * with before and after, and `changed` tells kiosks and consoles (and forgets the caches).
 */
export class AgendaAdminService {
  constructor(
    private readonly ctx: AppContext,
    private readonly source: AgendaSource,
    private readonly changed: (siteId: string, referenceData?: boolean) => Promise<void>,
  ) {}

  async listReferents(staff: StaffUser, siteId: string): Promise<ReferentAdminList> {
    await this.checkSite(staff, 'referent.manage', siteId);
    const referents = await this.source.referents(siteId, { withArchived: true });
    const now = this.ctx.clock().getTime();
    const absences = await this.source.absences(referents.map((r) => r.id), now, now + ABSENCES_AHEAD_DAYS * DAY_MS);
    return {
      managedBy: this.managedBy(),
      languages: this.languages(siteId),
      referents: referents.map((r) => this.referentView(r, absences.filter((a) => a.referentId === r.id))),
    };
  }

  async createReferent(staff: StaffUser, siteId: string, fields: ReferentFields, address: string | null): Promise<ReferentAdminView> {
    await this.checkSite(staff, 'referent.manage', siteId);
    const created = await this.writes().createReferent(siteId, randomUUID(), fields);
    await this.audit(staff, 'referent_create', created.siteId, created.id, null, referentFields(created), address);
    await this.changed(siteId, true);
    return this.referentView(created, []);
  }

  async updateReferent(staff: StaffUser, referentId: string, body: ReferentFields & { version: number }, address: string | null): Promise<ReferentAdminView> {
    const before = await this.ownReferent(staff, referentId);
    const { version, ...fields } = body;
    const after = await this.guarded(() => this.writes().updateReferent(referentId, fields, version), (r) => this.referentView(r, []), 'referent_not_found');
    await this.audit(staff, 'referent_update', after.siteId, after.id, referentFields(before), referentFields(after), address);
    await this.changed(after.siteId, true);
    return this.withAbsences(after);
  }

  async archiveReferent(staff: StaffUser, referentId: string, body: { version: number; archived: boolean }, address: string | null): Promise<ReferentAdminView> {
    const before = await this.ownReferent(staff, referentId);
    const after = await this.guarded(() => this.writes().archiveReferent(referentId, body.archived, body.version, this.ctx.clock()), (r) => this.referentView(r, []), 'referent_not_found');
    await this.audit(staff, 'referent_archive', after.siteId, after.id, { archived: before.archived }, { archived: after.archived }, address);
    await this.changed(after.siteId, true);
    return this.withAbsences(after);
  }

  async listMotifs(staff: StaffUser, siteId: string): Promise<MotifAdminList> {
    await this.checkSite(staff, 'motif.manage', siteId);
    return { managedBy: this.managedBy(), languages: this.languages(siteId), motifs: await this.source.motifs(siteId, { withArchived: true }) };
  }

  async createMotif(staff: StaffUser, siteId: string, fields: MotifFields, address: string | null): Promise<MotifAdminView> {
    await this.checkSite(staff, 'motif.manage', siteId);
    const created = await this.writes().createMotif(siteId, randomUUID(), fields);
    await this.audit(staff, 'motif_create', siteId, created.id, null, motifFields(created), address);
    await this.changed(siteId, true);
    return created;
  }

  async updateMotif(staff: StaffUser, motifId: string, body: MotifFields & { version: number }, address: string | null): Promise<MotifAdminView> {
    const before = await this.ownMotif(staff, motifId);
    const { version, ...fields } = body;
    const after = await this.guarded(() => this.writes().updateMotif(motifId, fields, version), (m) => m, 'motif_unknown');
    await this.audit(staff, 'motif_update', after.siteId, after.id, motifFields(before), motifFields(after), address);
    await this.changed(after.siteId, true);
    return after;
  }

  async archiveMotif(staff: StaffUser, motifId: string, body: { version: number; archived: boolean }, address: string | null): Promise<MotifAdminView> {
    const before = await this.ownMotif(staff, motifId);
    const after = await this.guarded(() => this.writes().archiveMotif(motifId, body.archived, body.version, this.ctx.clock()), (m) => m, 'motif_unknown');
    await this.audit(staff, 'motif_archive', after.siteId, after.id, { archived: before.archived }, { archived: after.archived }, address);
    await this.changed(after.siteId, true);
    return after;
  }

  /** French first, then the others the pôle offers. */
  private languages(siteId: string): Language[] {
    const offered = this.ctx.sites.get(siteId)?.languages ?? [];
    return ['fr', ...offered.filter((l) => l !== 'fr')];
  }

  private managedBy() {
    if (this.source.admin) return null;
    return this.source.managedBy ?? { name: 'the connected agenda', url: null };
  }

  /** A connector that owns its référents and motifs takes no change from Borne: a clear 409 says where to make it. */
  private writes(): AgendaAdminWrites {
    if (this.source.admin) return this.source.admin;
    const by = this.managedBy()!;
    throw apiError('agenda_read_only', undefined, `Référents and motifs of this pôle come from ${by.name}: change them there${by.url ? ` (${by.url})` : ''}; Borne shows them as they are.`);
  }

  /** Runs a versioned write: a stale version becomes 409 version_conflict with the record as it is now. */
  private async guarded<T extends { version: number }, V>(write: () => Promise<T | undefined>, view: (t: T) => V, notFound: 'referent_not_found' | 'motif_unknown'): Promise<T> {
    try {
      const after = await write();
      if (!after) throw apiError(notFound);
      return after;
    } catch (error) {
      if (error instanceof StaleVersionError) {
        const current = error.current as T;
        throw versionConflict(view(current), current.version);
      }
      throw error;
    }
  }

  private async checkSite(staff: StaffUser, action: StaffAction, siteId: string): Promise<void> {
    if (!this.ctx.sites.has(siteId)) throw apiError('site_unknown');
    await authorize(this.ctx.db, staff, action, { siteId });
  }

  /** The role is asked before the lookup (nothing is told to whoever may not), the pôle after. */
  private async ownReferent(staff: StaffUser, referentId: string): Promise<AgendaReferent> {
    await authorize(this.ctx.db, staff, 'referent.manage', { siteId: null });
    const referent = await this.source.referent(referentId);
    if (!referent) throw apiError('referent_not_found');
    await authorize(this.ctx.db, staff, 'referent.manage', { siteId: referent.siteId });
    return referent;
  }

  private async ownMotif(staff: StaffUser, motifId: string): Promise<MotifAdminView> {
    await authorize(this.ctx.db, staff, 'motif.manage', { siteId: null });
    const motif = await this.source.motif(motifId);
    if (!motif) throw apiError('motif_unknown');
    await authorize(this.ctx.db, staff, 'motif.manage', { siteId: motif.siteId });
    return motif;
  }

  private async withAbsences(r: AgendaReferent): Promise<ReferentAdminView> {
    const now = this.ctx.clock().getTime();
    return this.referentView(r, await this.source.absences([r.id], now, now + ABSENCES_AHEAD_DAYS * DAY_MS));
  }

  private referentView(r: AgendaReferent, absences: { id: string; startsAt: number; endsAt: number }[]): ReferentAdminView {
    return {
      id: r.id,
      siteId: r.siteId,
      firstName: r.firstName,
      metier: r.metier,
      gender: r.gender,
      place: r.place,
      hours: Object.fromEntries(WEEKDAYS.filter((d) => r.hours[d]?.length).map((d) => [d, r.hours[d]!.map(([a, b]) => [a, b] as [string, string])])),
      absences: absences.map((a) => ({ id: a.id, startsAt: new Date(a.startsAt).toISOString(), endsAt: new Date(a.endsAt).toISOString() })),
      archived: r.archived,
      version: r.version,
    };
  }

  private audit(staff: StaffUser, action: StaffAuditAction, siteId: string, target: string, before: unknown, after: unknown, address: string | null): Promise<void> {
    return recordStaffAction(this.ctx.db, { staffId: staff.id, action, siteId, target, before, after, address, at: this.ctx.clock() });
  }
}
