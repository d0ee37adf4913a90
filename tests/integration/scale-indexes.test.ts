import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, sql, type KyselyPlugin, type PluginTransformQueryArgs, type PluginTransformResultArgs, type QueryId, type QueryResult, type RootOperationNode, type UnknownRow } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kiosksSeenIn, listKiosks } from '../../src/server/fleet/kiosk.repository';
import { findCurrentByKiosk, listOpen, listOpenBySite } from '../../src/server/help/help.repository';
import { pruneEvents } from '../../src/server/realtime/event.repository';
import { migrate, type Db, type Store } from '../../src/server/store/db';
import { openTestStore } from '../support/store';

/** Keeps the queries a repository function runs, to explain them afterwards. */
class Recorder implements KyselyPlugin {
  nodes: { node: RootOperationNode; queryId: QueryId }[] = [];
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.nodes.push({ node: args.node, queryId: args.queryId });
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

let store: Store & { dbFile: string };
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'borne-plans-'));
  store = await openTestStore(dir);
  if (store.dialect === 'sqlite') await migrate(store);
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * The plan of every query `work` runs: on SQLite EXPLAIN QUERY PLAN's lines; on PostgreSQL
 * EXPLAIN with sequential scans discouraged (on a near-empty table the planner would scan it
 * whatever the indexes: what matters is whether an index can answer the question at all).
 */
async function plans(work: (db: Db) => Promise<unknown>, table: string): Promise<string[]> {
  const recorder = new Recorder();
  const db = store.db.withPlugin(recorder);
  await work(db);
  const out: string[] = [];
  for (const { node, queryId } of recorder.nodes) {
    const compiled = store.db.getExecutor().compileQuery(node, queryId);
    if (store.dialect === 'sqlite') {
      const rows = await store.db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${compiled.sql}`, [...compiled.parameters]));
      out.push(rows.rows.map((r) => r.detail).join(' | '));
    } else {
      await store.db.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        const rows = await trx.executeQuery<{ 'QUERY PLAN': string }>(CompiledQuery.raw(`EXPLAIN ${compiled.sql}`, [...compiled.parameters]));
        out.push(rows.rows.map((r) => r['QUERY PLAN']).join(' | '));
      });
    }
  }
  return out.filter((p) => p.includes(table));
}

/**
 * Whether the plan finds its rows through an index condition: SQLite's "SEARCH t USING INDEX …"
 * and no "SCAN t" (which also reads the whole table when it walks the primary key in order),
 * PostgreSQL's "Index Cond" (or a bitmap's "Recheck Cond") and no "Seq Scan on t".
 */
function searched(plan: string, table: string): boolean {
  if (store.dialect === 'sqlite') return plan.includes(`SEARCH ${table} USING`) && !plan.includes(`SCAN ${table}`);
  return /Index Cond|Recheck Cond/.test(plan) && !plan.includes(`Seq Scan on ${table}`);
}

describe('the hot queries of 5,000 kiosks use an index (migration 016), on both dialects', () => {
  const cases: [string, string, (db: Db) => Promise<unknown>][] = [
    ["a pôle's kiosks (snapshot, fleet)", 'kiosks', (db) => listKiosks(db, 'chatillon')],
    ['every open call (the sweep, every 2 s)', 'help_calls', (db) => listOpen(db)],
    ["a pôle's queue", 'help_calls', (db) => listOpenBySite(db, 'chatillon')],
    ["a kiosk's current call (its help view)", 'help_calls', (db) => findCurrentByKiosk(db, 'chatillon-1', new Date('2026-11-23T09:00:00.000Z'))],
    ['the kiosks whose lease just ended (presence sweep)', 'kiosks', (db) => kiosksSeenIn(db, { afterIso: '2026-11-23T09:00:00.000Z', upToIso: '2026-11-23T09:00:02.000Z' })],
    ["yesterday's events (retention)", 'events', (db) => pruneEvents(db, new Date('2026-11-22T09:00:00.000Z'))],
  ];
  for (const [what, table, work] of cases) {
    it(what, async () => {
      const found = await plans(work, table);
      expect(found.length).toBeGreaterThan(0);
      for (const plan of found) expect(searched(plan, table), plan).toBe(true);
    });
  }
});
