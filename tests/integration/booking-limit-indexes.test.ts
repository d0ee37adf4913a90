import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openSqlite, type Store } from '../../src/server/store/db';

/**
 * The three booking caps are counted in every booking's transaction; appointments keeps every
 * past booking, so each count must go through an index, not a scan of the table (issue 13).
 * The counts as sql-agenda-source.ts writes them, with SQLite's plan.
 */
let store: Store;
beforeAll(async () => {
  store = openSqlite(':memory:');
  await migrate(store);
});
afterAll(() => store.close());

async function plan(query: ReturnType<typeof sql>): Promise<string> {
  const rows = await sql<{ detail: string }>`explain query plan ${query}`.execute(store.db);
  return rows.rows.map((r) => r.detail).join(' | ');
}

describe('booking caps use indexes', () => {
  it.each([
    ['bookings of a kiosk in the last hour', sql`select count(*) from appointments where kiosk_id = ${'k1'} and created_at > ${'2026-12-01T10:00:00Z'}`, 'appointments_kiosk_created'],
    ['live bookings of a phone', sql`select count(*) from appointments where contact_phone = ${'0612345678'} and status = 'booked' and starts_at > ${'2026-12-01T10:00:00Z'}`, 'appointments_phone_live'],
    ['live bookings of a dossier', sql`select count(*) from appointments where dossier_id = ${'d1'} and status = 'booked' and starts_at > ${'2026-12-01T10:00:00Z'}`, 'appointments_dossier_live'],
  ])('%s', async (_what, query, index) => {
    const detail = await plan(query);
    expect(detail).toContain(index);
    expect(detail).not.toMatch(/^SCAN appointments$|\| SCAN appointments$/);
  });
});
