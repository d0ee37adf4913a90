import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import SQLite from 'better-sqlite3';
import Fastify from 'fastify';
import { loadSites } from '../../src/server/config/site-loader';
import { startTestServer } from '../support/server';

/**
 * The server side of the booking bench, in its own process so the load generator does not
 * share its event loop. Prints, as one JSON line, the booking server's address, the demo kiosk
 * tokens and the address of a bare Fastify route doing one prepared insert: the yardstick the
 * booking's cost is compared with, in the same process on the same machine at the same moment.
 * Then answers each line "mark" on stdin with the event loop's busy time so far (ms): the bench
 * takes the difference over a phase as the server time it cost (a synchronous fsync blocks the
 * loop, so it is counted; waiting for the network is not).
 */
// The bench books thousands of slots from one kiosk per pôle with one phone number: the site's
// booking limits (booking.maxLivePerPhone, maxPerKioskPerHour) are lifted so it measures the
// booking path itself, not the refusal of the 3rd booking.
const sites = new Map([...loadSites('kiosk-config')].map(([id, site]) => [id, { ...site, booking: { maxLivePerPhone: 1e9, maxLivePerDossier: 1e9, maxPerKioskPerHour: 1e9 } }]));
const server = await startTestServer({ sites });
const base = await server.app.listen({ port: 0, host: '127.0.0.1' });

// The yardstick: same durability settings as the store (store/db.ts), one prepared insert, one commit.
const dir = mkdtempSync(join(tmpdir(), 'borne-bare-'));
const bareDb = new SQLite(join(dir, 'bare.sqlite'));
bareDb.pragma('journal_mode = WAL');
bareDb.pragma('synchronous = FULL');
bareDb.exec('create table rows (id integer primary key, body text not null)');
const insert = bareDb.prepare('insert into rows (body) values (?)');
const bare = Fastify();
bare.post('/bare', async (request, reply) => {
  insert.run(JSON.stringify(request.body));
  return reply.code(201).send({ ok: true });
});
const bareBase = await bare.listen({ port: 0, host: '127.0.0.1' });

process.stdout.write(`${JSON.stringify({ base, bareBase, tokens: Object.fromEntries(server.kioskTokens) })}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'mark') process.stdout.write(`${JSON.stringify({ busyMs: performance.eventLoopUtilization().active })}\n`);
});
process.on('SIGTERM', () => {
  void Promise.all([server.close(), bare.close()]).then(() => {
    bareDb.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  });
});
