import { randomBytes } from 'node:crypto';
import type { Db } from './db';

/** A random secret made on first start and kept in the database (never in the repository). */
export async function instanceSecret(db: Db): Promise<string> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'instance_secret').executeTakeFirst();
  if (row) return row.value;
  const value = randomBytes(32).toString('base64url');
  await db.insertInto('settings').values({ key: 'instance_secret', value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  const stored = await db.selectFrom('settings').select('value').where('key', '=', 'instance_secret').executeTakeFirstOrThrow();
  return stored.value;
}

/** A value the cluster's jobs keep between runs (a watermark), whichever instance runs them. */
export async function readSetting(db: Db, key: string): Promise<string | undefined> {
  return (await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst())?.value;
}

export async function writeSetting(db: Db, key: string, value: string): Promise<void> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}
