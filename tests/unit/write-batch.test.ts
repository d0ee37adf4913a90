import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/server/store/db';
import { WriteBatch } from '../../src/server/store/write-batch';

/** A stand-in database that counts transactions; the writes record what they were given. */
function countingDb() {
  const seen = { transactions: 0, failNext: false };
  const db = {
    transaction: () => ({
      execute: async <R>(work: (trx: Db) => Promise<R>) => {
        seen.transactions++;
        if (seen.failNext) {
          seen.failNext = false;
          throw new Error('disk full');
        }
        return work(db);
      },
    }),
  } as unknown as Db;
  return { db, seen };
}

describe('WriteBatch: small writes committed together', () => {
  it('commits the writes submitted within the delay in one transaction, and answers each its own result', async () => {
    const { db, seen } = countingDb();
    const batch = new WriteBatch(db, async (_trx, n: number) => n * 2, { delayMs: 20, max: 100 });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => batch.submit(i)));
    expect(results).toEqual(Array.from({ length: 30 }, (_, i) => i * 2));
    expect(seen.transactions).toBe(1);
  });

  it('commits at once when `max` writes wait, without waiting for the delay', async () => {
    const { db, seen } = countingDb();
    const batch = new WriteBatch(db, async (_trx, n: number) => n, { delayMs: 60_000, max: 5 });
    expect(await Promise.all([1, 2, 3, 4, 5].map((n) => batch.submit(n)))).toEqual([1, 2, 3, 4, 5]);
    expect(seen.transactions).toBe(1);
  });

  it('fails every write of a failed transaction (none is said to be saved), and the next batch goes on', async () => {
    const { db, seen } = countingDb();
    const batch = new WriteBatch(db, async (_trx, n: number) => n, { delayMs: 5, max: 100 });
    seen.failNext = true;
    const failed = await Promise.allSettled([batch.submit(1), batch.submit(2)]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await batch.submit(3)).toBe(3);
  });

  it('writes what waits when flushed (at shutdown)', async () => {
    const { db } = countingDb();
    const written: number[] = [];
    const batch = new WriteBatch(db, async (_trx, n: number) => void written.push(n), { delayMs: 60_000, max: 100 });
    const pending = batch.submit(7);
    await batch.flush();
    await pending;
    expect(written).toEqual([7]);
  });
});
