import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/server/store/db';

describe('the embedded SQLite store', () => {
  it('writes ahead (WAL) and syncs the log at every commit (synchronous FULL): a confirmed booking survives a power cut', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-sqlite-'));
    const store = openSqlite(join(dir, 'borne.sqlite'));
    try {
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      // 2 = FULL. NORMAL (1) would let a power cut roll back commits the kiosk already confirmed;
      // the heartbeats' cost is met by committing them in batches instead (write-batch.test.ts).
      expect(synchronous.rows[0]?.synchronous).toBe(2);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
