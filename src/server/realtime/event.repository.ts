import type { StaffEvent } from '../../core/realtime/events';
import type { Db } from '../store/db';

export async function appendEvent(db: Db, siteId: string, event: StaffEvent, at: Date): Promise<number> {
  const row = await db
    .insertInto('events')
    .values({ site_id: siteId, type: event.type, payload: JSON.stringify(event), created_at: at.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function lastEventId(db: Db): Promise<number> {
  const row = await db.selectFrom('events').select((eb) => eb.fn.max('id').as('max')).executeTakeFirst();
  return Number(row?.max ?? 0);
}

/** Keeps the event log short: a console that lost more than this resyncs from its snapshot anyway. */
export async function pruneEvents(db: Db, olderThan: Date): Promise<void> {
  await db.deleteFrom('events').where('created_at', '<', olderThan.toISOString()).execute();
}
