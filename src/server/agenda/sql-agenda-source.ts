import { sql } from 'kysely';
import type { Motif } from '../../core/agenda/motif';
import type { Interval, WeeklyPeriods } from '../../core/agenda/slots';
import { localizedFromColumns, translationsColumn, type LocalizedText } from '../../core/i18n/localized-text';
import type { Db } from '../store/db';
import { lockAllForTransaction } from '../store/locks';
import type { Database } from '../store/schema';
import { toMotif, toReferent } from './agenda-rows';
import { SqlAgendaAdmin } from './sql-agenda-admin';
import { BookingLimitError, SlotTakenError, type AgendaReferent, type AgendaSource, type Booking, type BookingAudit, type BookingLimit, type BookingLimits, type NewBooking } from './agenda-source';
import { audit } from '../identity/identity.repository';

const iso = (ms: number) => new Date(ms).toISOString();

/** SQLite says SQLITE_CONSTRAINT_UNIQUE, PostgreSQL 23505: either way the other booking won. */
function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

function toBooking(r: Database['appointments']): Booking {
  return {
    id: r.id,
    reference: r.reference ?? r.id.slice(0, 6).toUpperCase(),
    motifId: r.motif_id,
    referentId: r.referent_id,
    dossierId: r.dossier_id,
    startsAt: Date.parse(r.starts_at),
    endsAt: Date.parse(r.ends_at),
    place: localizedFromColumns(r.place, r.place_i18n),
    status: r.status === 'booked' ? 'booked' : 'cancelled',
    kioskId: r.kiosk_id,
    contact: r.contact_name && r.contact_phone ? { name: r.contact_name, phone: r.contact_phone } : null,
    receiptHash: r.receipt_hash,
  };
}

/** The built-in AgendaSource on Borne's own database. Every query is portable SQL. */
export class SqlAgendaSource implements AgendaSource {
  readonly admin: SqlAgendaAdmin;
  constructor(private readonly db: Db) {
    this.admin = new SqlAgendaAdmin(db);
  }

  async motifs(siteId: string, options: { withArchived?: boolean } = {}): Promise<Motif[]> {
    let query = this.db.selectFrom('motifs').selectAll().where('site_id', '=', siteId);
    if (!options.withArchived) query = query.where('archived_at', 'is', null);
    const rows = await query.orderBy('position').orderBy('id').execute();
    return rows.map(toMotif).filter((m): m is Motif => m !== undefined);
  }

  async motif(id: string): Promise<Motif | undefined> {
    const r = await this.db.selectFrom('motifs').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toMotif(r) : undefined;
  }

  async referents(siteId: string, options: { withArchived?: boolean } = {}): Promise<AgendaReferent[]> {
    let query = this.db.selectFrom('referents').selectAll().where('site_id', '=', siteId);
    if (!options.withArchived) query = query.where('archived_at', 'is', null);
    const rows = await query.orderBy('first_name').orderBy('id').execute();
    return rows.map(toReferent).filter((r): r is AgendaReferent => r !== undefined);
  }

  async referent(id: string): Promise<AgendaReferent | undefined> {
    const r = await this.db.selectFrom('referents').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toReferent(r) : undefined;
  }

  async busy(referentIds: readonly string[], from: number, to: number): Promise<Map<string, Interval[]>> {
    const out = new Map<string, Interval[]>(referentIds.map((id) => [id, []]));
    if (referentIds.length === 0) return out;
    const [bookings, absences] = await Promise.all([
      this.db
        .selectFrom('appointments')
        .select(['referent_id', 'starts_at', 'ends_at'])
        .where('referent_id', 'in', [...referentIds])
        .where('status', '=', 'booked')
        .where('starts_at', '<', iso(to))
        .where('ends_at', '>', iso(from))
        .execute(),
      this.db
        .selectFrom('absences')
        .select(['referent_id', 'starts_at', 'ends_at'])
        .where('referent_id', 'in', [...referentIds])
        .where('starts_at', '<', iso(to))
        .where('ends_at', '>', iso(from))
        .execute(),
    ]);
    for (const r of [...bookings, ...absences]) out.get(r.referent_id)?.push({ start: Date.parse(r.starts_at), end: Date.parse(r.ends_at) });
    return out;
  }

  async book(b: NewBooking, limits: BookingLimits, auditEntry?: BookingAudit): Promise<boolean> {
    try {
      await this.db.transaction().execute(async (trx) => {
        // Another instance may be judging a booking of the same kiosk, phone, dossier or référent
        // right now: each waits for the other, so the counts below include it (see bookingLocks).
        await lockAllForTransaction(trx, bookingLocks(b));
        const limit = await passedLimit(trx, b, limits);
        if (limit) throw new BookingLimitError(limit);
        if (await overlaps(trx, b.referentId, b.start, b.end, null)) throw new SlotTakenError();
        await trx
          .insertInto('appointments')
          .values({
            id: b.id,
            reference: b.reference,
            motif_id: b.motifId,
            referent_id: b.referentId,
            dossier_id: b.dossierId,
            starts_at: iso(b.start),
            ends_at: iso(b.end),
            place: b.place.fr,
            place_i18n: translationsColumn(b.place),
            status: 'booked',
            kiosk_id: b.kioskId,
            contact_name: b.contact?.name ?? null,
            contact_phone: b.contact?.phone ?? null,
            receipt_hash: b.receiptHash,
            created_at: b.now.toISOString(),
            changed_at: b.now.toISOString(),
          })
          .execute();
        // In the booking's own commit: a booking is never kept without its audit row, and the
        // write costs one fsync (synchronous=FULL, store/db.ts) instead of two.
        if (auditEntry) await audit(trx, { ...auditEntry, action: 'booking', outcome: 'success' });
      });
      return auditEntry !== undefined;
    } catch (error) {
      if (isUniqueViolation(error)) throw new SlotTakenError();
      throw error;
    }
  }

  async move(id: string, to: { referentId: string; start: number; end: number; place: LocalizedText; now: Date; receiptHash?: string }): Promise<void> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await lockAllForTransaction(trx, [`agenda:referent:${to.referentId}`]);
        if (await overlaps(trx, to.referentId, to.start, to.end, id)) throw new SlotTakenError();
        await trx
          .updateTable('appointments')
          .set({ referent_id: to.referentId, starts_at: iso(to.start), ends_at: iso(to.end), place: to.place.fr, place_i18n: translationsColumn(to.place), changed_at: to.now.toISOString(), ...(to.receiptHash ? { receipt_hash: to.receiptHash } : {}) })
          .where('id', '=', id)
          .where('status', '=', 'booked')
          .execute();
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new SlotTakenError();
      throw error;
    }
  }

  async cancel(id: string, now: Date): Promise<void> {
    await this.db.updateTable('appointments').set({ status: 'cancelled', changed_at: now.toISOString() }).where('id', '=', id).execute();
  }

  async booking(id: string): Promise<Booking | undefined> {
    const r = await this.db.selectFrom('appointments').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? toBooking(r) : undefined;
  }

  async bookingByReference(reference: string): Promise<Booking | undefined> {
    const r = await this.db.selectFrom('appointments').selectAll().where('reference', '=', reference).where('status', '=', 'booked').executeTakeFirst();
    return r ? toBooking(r) : undefined;
  }

  async bookings(referentIds: readonly string[], from: number, to: number): Promise<(Booking & { dossierNumber: string | null })[]> {
    if (referentIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('appointments')
      .leftJoin('dossiers', 'dossiers.id', 'appointments.dossier_id')
      .selectAll('appointments')
      .select('dossiers.number as dossier_number')
      .where('appointments.referent_id', 'in', [...referentIds])
      .where('appointments.status', '=', 'booked')
      .where('appointments.starts_at', '<', iso(to))
      .where('appointments.ends_at', '>', iso(from))
      .orderBy('appointments.starts_at')
      .execute();
    return rows.map((r) => ({ ...toBooking(r), dossierNumber: r.dossier_number }));
  }

  async absences(referentIds: readonly string[], from: number, to: number): Promise<{ id: string; referentId: string; startsAt: number; endsAt: number }[]> {
    if (referentIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('absences')
      .selectAll()
      .where('referent_id', 'in', [...referentIds])
      .where('starts_at', '<', iso(to))
      .where('ends_at', '>', iso(from))
      .orderBy('starts_at')
      .execute();
    return rows.map((r) => ({ id: r.id, referentId: r.referent_id, startsAt: Date.parse(r.starts_at), endsAt: Date.parse(r.ends_at) }));
  }

  async setHours(referentId: string, hours: WeeklyPeriods): Promise<void> {
    await this.db.updateTable('referents').set({ hours: JSON.stringify(hours) }).where('id', '=', referentId).execute();
  }

  async addAbsence(a: { id: string; referentId: string; start: number; end: number }): Promise<void> {
    await this.db.insertInto('absences').values({ id: a.id, referent_id: a.referentId, starts_at: iso(a.start), ends_at: iso(a.end) }).execute();
  }

  async removeAbsence(id: string): Promise<{ id: string; referentId: string; start: number; end: number } | undefined> {
    const row = await this.db.selectFrom('absences').select(['referent_id', 'starts_at', 'ends_at']).where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    await this.db.deleteFrom('absences').where('id', '=', id).execute();
    return { id, referentId: row.referent_id, start: Date.parse(row.starts_at), end: Date.parse(row.ends_at) };
  }
}

/**
 * What a booking's checks read, as lock keys: the kiosk, phone and dossier its caps count, and
 * the référent whose agenda must be free. On SQLite the one connection already serialises the
 * transactions; on PostgreSQL (READ COMMITTED) two instances would otherwise both count 1 booking
 * and both insert a second past a cap of 2, or book overlapping slots of one référent.
 */
function bookingLocks(b: NewBooking): string[] {
  const keys = [`agenda:kiosk:${b.kioskId}`, `agenda:referent:${b.referentId}`];
  if (b.contact) keys.push(`agenda:phone:${b.contact.phone}`);
  if (b.dossierId) keys.push(`agenda:dossier:${b.dossierId}`);
  return keys;
}

/**
 * Which limit this booking would pass, if any, in one round trip. Run inside the booking's
 * transaction, after bookingLocks are taken, so concurrent bookings are judged one after the other.
 */
async function passedLimit(trx: Db, b: NewBooking, limits: BookingLimits): Promise<BookingLimit | null> {
  const now = b.now.toISOString();
  const hourAgo = new Date(b.now.getTime() - 3_600_000).toISOString();
  const row = await sql<{ by_kiosk: number; by_phone: number; by_dossier: number }>`
    select
      (select count(*) from appointments where kiosk_id = ${b.kioskId} and created_at > ${hourAgo}) as by_kiosk,
      (select count(*) from appointments where contact_phone = ${b.contact?.phone ?? ''} and status = 'booked' and starts_at > ${now}) as by_phone,
      (select count(*) from appointments where dossier_id = ${b.dossierId ?? ''} and status = 'booked' and starts_at > ${now}) as by_dossier`.execute(trx);
  const counts = row.rows[0];
  if (!counts) return null;
  if (Number(counts.by_kiosk) >= limits.maxPerKioskPerHour) return 'kiosk_rate';
  if (b.dossierId && Number(counts.by_dossier) >= limits.maxLivePerDossier) return 'dossier';
  if (b.contact && Number(counts.by_phone) >= limits.maxLivePerPhone) return 'phone';
  return null;
}

/** Anything live in [start, end) for this référent: another booking (not `except`) or an absence. One round trip. */
async function overlaps(trx: Db, referentId: string, start: number, end: number, except: string | null): Promise<boolean> {
  const from = iso(start);
  const to = iso(end);
  const row = await sql<{ busy: number | boolean }>`
    select (exists (select 1 from appointments where referent_id = ${referentId} and status = 'booked' and starts_at < ${to} and ends_at > ${from} and id <> ${except ?? ''})
         or exists (select 1 from absences where referent_id = ${referentId} and starts_at < ${to} and ends_at > ${from})) as busy`.execute(trx);
  return Boolean(Number(row.rows[0]?.busy ?? 0));
}
