import type { MotifFields, ReferentFields } from '../../core/agenda/agenda-admin';
import type { Motif, MotifCategory } from '../../core/agenda/motif';
import { translationsColumn } from '../../core/i18n/localized-text';
import type { Db } from '../store/db';
import { StaleVersionError, type AgendaAdminWrites, type AgendaReferent } from './agenda-source';
import { toMotif, toReferent } from './agenda-rows';

const referentColumns = (f: ReferentFields) => ({ first_name: f.firstName, metier: f.metier, gender: f.gender, place: f.place.fr, place_i18n: translationsColumn(f.place) });

const motifColumns = (f: MotifFields) => ({
  name: f.name.fr,
  name_i18n: translationsColumn(f.name),
  description: f.description.fr,
  description_i18n: translationsColumn(f.description),
  duration_minutes: f.durationMinutes,
  mode: f.mode,
  first_contact: f.firstContact ? 1 : 0,
  min_delay_minutes: f.minDelayMinutes,
  max_delay_days: f.maxDelayDays,
  change_limit_hours: f.changeLimitHours,
  metiers: JSON.stringify(f.metiers),
});

/**
 * The built-in agenda's admin writes. An update is one statement guarded by the version it
 * started from (`where version = ?`): of two admins saving at once, one changes no row and is
 * told who won, with the record as it is now.
 */
export class SqlAgendaAdmin implements AgendaAdminWrites {
  constructor(private readonly db: Db) {}

  async createReferent(siteId: string, id: string, fields: ReferentFields): Promise<AgendaReferent> {
    await this.db.insertInto('referents').values({ id, site_id: siteId, hours: '{}', archived_at: null, version: 1, ...referentColumns(fields) }).execute();
    return (await this.referent(id))!;
  }

  async updateReferent(id: string, fields: ReferentFields, version: number): Promise<AgendaReferent | undefined> {
    return this.guardedReferent(id, version, { ...referentColumns(fields) });
  }

  async archiveReferent(id: string, archived: boolean, version: number, now: Date): Promise<AgendaReferent | undefined> {
    return this.guardedReferent(id, version, { archived_at: archived ? now.toISOString() : null });
  }

  async createMotif(siteId: string, id: string, fields: MotifFields & { category?: MotifCategory }): Promise<Motif> {
    // A new motif goes last unless a position is given.
    const last = await this.db.selectFrom('motifs').select((eb) => eb.fn.max('position').as('max')).where('site_id', '=', siteId).executeTakeFirst();
    const position = fields.position ?? (last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1);
    await this.db
      .insertInto('motifs')
      .values({ id, site_id: siteId, category: fields.category ?? 'custom', position, archived_at: null, version: 1, ...motifColumns(fields) })
      .execute();
    return (await this.motif(id))!;
  }

  async updateMotif(id: string, fields: MotifFields, version: number): Promise<Motif | undefined> {
    return this.guardedMotif(id, version, { ...motifColumns(fields), ...(fields.position === undefined ? {} : { position: fields.position }) });
  }

  async archiveMotif(id: string, archived: boolean, version: number, now: Date): Promise<Motif | undefined> {
    return this.guardedMotif(id, version, { archived_at: archived ? now.toISOString() : null });
  }

  private async guardedReferent(id: string, version: number, set: Record<string, unknown>): Promise<AgendaReferent | undefined> {
    const result = await this.db
      .updateTable('referents')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    const current = await this.referent(id);
    if (current && Number(result.numUpdatedRows) === 0) throw new StaleVersionError(current);
    return current;
  }

  private async guardedMotif(id: string, version: number, set: Record<string, unknown>): Promise<Motif | undefined> {
    const result = await this.db
      .updateTable('motifs')
      .set({ ...set, version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .executeTakeFirst();
    const current = await this.motif(id);
    if (current && Number(result.numUpdatedRows) === 0) throw new StaleVersionError(current);
    return current;
  }

  private async referent(id: string): Promise<AgendaReferent | undefined> {
    const r = await this.db.selectFrom('referents').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toReferent(r) : undefined;
  }

  private async motif(id: string): Promise<Motif | undefined> {
    const r = await this.db.selectFrom('motifs').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toMotif(r) : undefined;
  }
}
