import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openSqlite } from '../../src/server/store/db';

describe('the embedded SQLite store', () => {
  it('writes ahead (WAL) and syncs the log at checkpoints, not at every commit (synchronous NORMAL)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-sqlite-'));
    const store = openSqlite(join(dir, 'borne.sqlite'));
    try {
      const journal = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      const synchronous = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
      expect(journal.rows[0]?.journal_mode).toBe('wal');
      // 1 = NORMAL. FULL (2) cost 0.8 ms of the event loop per commit: 5,000 kiosks' heartbeats alone took a quarter of it.
      expect(synchronous.rows[0]?.synchronous).toBe(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
