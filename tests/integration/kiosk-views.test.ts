import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { KioskHelpView } from '../../src/core/help/help-call';
import { build } from '../../src/server/app';
import { loadGuides } from '../../src/server/config/guide-loader';
import { loadSites } from '../../src/server/config/site-loader';
import { seedDemo } from '../../src/server/seed/demo';
import { migrate } from '../../src/server/store/db';
import { configWith } from '../support/e2e';
import { addStaff, callHelp, onDuty, staffAction } from '../support/help';
import { fixedClock, testPasswordHash, type TestServer } from '../support/server';
import { openSse, type SseClient } from '../support/sse';
import { openTestStore } from '../support/store';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * Counts the queries on what a help view reads (calls and duty). Only those: on PostgreSQL the
 * bus also reads the event log when a NOTIFY arrives, at moments a test does not choose.
 */
class QueryCounter implements KyselyPlugin {
  count = 0;
  dutyReads = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    const text = JSON.stringify(args.node);
    if (text.includes('"name":"help_calls"') || text.includes('"name":"staff_duty"')) this.count++;
    if (text.includes('"name":"staff_duty"')) this.dutyReads++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const KIOSKS = 24;
let server: TestServer;
let counter: QueryCounter;
let base: string;
let configDir: string;
let clock: ReturnType<typeof fixedClock>;
const clients: SseClient[] = [];

beforeEach(async () => {
  configDir = configWith((siteId, site) => {
    site.kiosks = Array.from({ length: siteId === 'chatillon' ? KIOSKS : 1 }, (_, i) => ({ id: `${siteId}-${i + 1}`, label: `Poste ${i + 1}` }));
  });
  const dir = mkdtempSync(join(tmpdir(), 'borne-views-'));
  const store = await openTestStore(dir);
  if (store.dialect === 'sqlite') await migrate(store);
  counter = new QueryCounter();
  const counted = { ...store, db: store.db.withPlugin(counter) };
  const sites = loadSites(configDir);
  clock = fixedClock();
  const app = await build({ sweepIntervalMs: 0, store: counted, sites, guides: loadGuides(configDir, sites).guides, clock });
  const { kioskTokens } = await seedDemo(store.db, app.borne.config.sites, clock(), testPasswordHash);
  server = {
    app,
    store,
    dir,
    dbFile: store.dbFile,
    sites: app.borne.config.sites,
    kioskTokens,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  server?.app.server.closeAllConnections();
  await server?.close();
  rmSync(configDir, { recursive: true, force: true });
});

async function kioskStreams(ids: string[]): Promise<SseClient[]> {
  const opened = await Promise.all(ids.map((id) => openSse(`${base}/api/kiosk/stream`, { authorization: `Bearer ${server.kioskTokens.get(id)}` })));
  clients.push(...opened);
  // Each stream's first view, so that what is counted next is the fan-out alone.
  await Promise.all(opened.map((c) => c.next((m) => m.type === 'help')));
  return opened;
}

const onDutyCount = (n: number) => (m: { type: string; data: { view?: KioskHelpView } }) => m.type === 'help' && m.data.view?.onDutyCount === n;

describe('kiosk help views', () => {
  it('are computed once per pôle and event, not once per kiosk: a duty change costs the same for 2 kiosks streaming as for 24', async () => {
    await addStaff(server, 'lea', 'Léa');
    await addStaff(server, 'omar', 'Omar');
    await onDuty(server, 'chatillon');
    const ids = Array.from({ length: KIOSKS }, (_, i) => `chatillon-${i + 1}`);

    const few = await kioskStreams(ids.slice(0, 2));
    counter.count = 0;
    await onDuty(server, 'chatillon', 'lea');
    await Promise.all(few.map((c) => c.next(onDutyCount(2))));
    const withFew = counter.count;

    const many = [...few, ...(await kioskStreams(ids.slice(2)))];
    counter.count = 0;
    await onDuty(server, 'chatillon', 'omar');
    await Promise.all(many.map((c) => c.next(onDutyCount(3))));
    const withMany = counter.count;

    // Before, every kiosk read its own call and the duty list again: 22 more kiosks, 66 more queries.
    expect(withMany).toBe(withFew);
  });

  it('opening together (a restart\'s reconnections) read the duty list once, not once per kiosk', async () => {
    await onDuty(server, 'chatillon');
    counter.dutyReads = 0;
    const opened = await kioskStreams(Array.from({ length: KIOSKS }, (_, i) => `chatillon-${i + 1}`));
    expect(opened.every((c) => c.received.some(onDutyCount(1)))).toBe(true);
    expect(counter.dutyReads).toBe(1);
  });

  it('still tell each kiosk its own call, its place in the queue and how it ends', async () => {
    const staff = await onDuty(server, 'chatillon');
    const [one, two, three] = await kioskStreams(['chatillon-1', 'chatillon-2', 'chatillon-3']);
    const first = await callHelp(server, 'chatillon-1');
    await one!.next((m) => m.type === 'help' && m.data.view.call?.id === first.call.id && m.data.view.position === 1);
    clock.advance(30_000);
    const second = await callHelp(server, 'chatillon-2');
    await two!.next((m) => m.type === 'help' && m.data.view.call?.id === second.call.id && m.data.view.position === 2);

    // The first is taken: the second moves up, the first reads who comes.
    await staffAction(server, staff, first.call.id, 'claim');
    await one!.next((m) => m.type === 'help' && m.data.view.call?.status === 'claimed' && m.data.view.call.claimedByFirstName === 'Karim');
    await two!.next((m) => m.type === 'help' && m.data.view.call?.id === second.call.id && m.data.view.position === 1);
    await staffAction(server, staff, first.call.id, 'resolve');
    await one!.next((m) => m.type === 'help' && m.data.view.call?.status === 'resolved' && m.data.view.call.outcome === 'helped');

    // A kiosk without a call never heard of the others' calls.
    expect(three!.received.filter((m) => m.type === 'help').every((m) => m.data.view.call === null)).toBe(true);
  });
});
