import type { StaffEvent } from '../../core/realtime/events';
import type { Db } from '../store/db';
import { isPostgres, withLock } from '../store/locks';
import { notifyOnCommit } from '../store/notify';
import { BUS_CHANNEL } from './pg-transport';
import { encodeWire } from './transport';

/**
 * Event ids must come out of the log in the order they commit, or a reader that resumes "after
 * the largest id seen" skips one: with a sequence, transaction A can take id 11, B id 12, and B
 * commit first; a console that reads 12 and resumes from it never sees 11.
 *
 * So an event is written under one cluster-wide lock, held from taking the id to the commit: an
 * id is visible only once every smaller id has committed or rolled back. SQLite has one writer
 * and needs no lock. The NOTIFY goes out with the commit, so instances hear of it in order too.
 */
export const EVENTS_ORDER_LOCK = 'borne.events';
const EVENTS_WIRE = encodeWire({ t: 'events' });

export async function appendEvent(db: Db, siteId: string, event: StaffEvent, at: Date): Promise<number> {
  const insert = (trx: Db) => trx.insertInto('events').values({ site_id: siteId, type: event.type, payload: JSON.stringify(event), created_at: at.toISOString() }).returning('id').executeTakeFirstOrThrow();
  if (!isPostgres(db)) return Number((await insert(db)).id);
  return withLock(db, EVENTS_ORDER_LOCK, async (trx) => {
    const row = await insert(trx);
    await notifyOnCommit(trx, BUS_CHANNEL, EVENTS_WIRE);
    return Number(row.id);
  });
}

export async function lastEventId(db: Db): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0);
}

export interface StoredEvent {
  id: number;
  siteId: string;
  event: StaffEvent;
  createdAt: string;
}

/** The events after `afterId`, oldest first: how each instance follows the log. */
export async function eventsAfter(db: Db, afterId: number, limit: number): Promise<StoredEvent[]> {
  const rows = await db.selectFrom('events').select(['id', 'site_id', 'payload', 'created_at']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => ({ id: Number(r.id), siteId: r.site_id, event: JSON.parse(r.payload) as StaffEvent, createdAt: r.created_at }));
}

/** Keeps the event log short: a console that lost more than this resyncs from its snapshot anyway. */
export async function pruneEvents(db: Db, olderThan: Date): Promise<void> {
  await db.deleteFrom('events').where('created_at', '<', olderThan.toISOString()).execute();
}
