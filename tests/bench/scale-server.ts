import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Fastify from 'fastify';
import { build } from '../../src/server/app';
import { insertStaff } from '../../src/server/auth/staff.repository';
import { hashToken } from '../../src/server/auth/tokens';
import { loadGuides } from '../../src/server/config/guide-loader';
import { loadSites } from '../../src/server/config/site-loader';
import { LISTEN_BACKLOG } from '../../src/server/http/listen';
import { demoKioskToken, seedDemo } from '../../src/server/seed/demo';
import { migrate, openSqlite, openStore, type Store } from '../../src/server/store/db';
import { instanceSecret } from '../../src/server/store/settings';
import { staffCookie, testPasswordHash } from '../support/server';

/**
 * The server side of the scale bench, in its own process: its RSS (read by the parent from
 * /proc) is the server's alone, and the load generators do not share its event loop.
 *
 *   scale-server.ts borne <configDir> <dataDir> <port>   the Borne server (port 0 the first time)
 *   scale-server.ts bare                                 a bare Fastify SSE route: the open-rate floor
 *
 * The first start seeds the kiosks straight into the database (one transaction, rows by the
 * hundred: enrolling 5,000 through the service would take longer than the bench itself) and one
 * médiateur on duty per pôle, signed in. A second start on the same folder (the restart of the
 * reconnect storm) finds them there. It prints one JSON line: base URL, kiosk tokens, consoles.
 */
const mode = process.argv[2] ?? 'borne';

if (mode === 'bare') {
  const app = Fastify({ logger: false });
  app.get('/api/kiosk/stream', (request, reply) => {
    reply.hijack();
    reply.raw.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    reply.raw.write('retry: 2000\n\n');
    const beat = setInterval(() => reply.raw.write(': keep-alive\n\n'), 15_000);
    request.raw.on('close', () => clearInterval(beat));
  });
  app.post('/api/kiosk/heartbeat', async (_request, reply) => reply.code(204).send());
  const base = await app.listen({ port: 0, host: '127.0.0.1', backlog: LISTEN_BACKLOG });
  process.stdout.write(`${JSON.stringify({ base, tokens: {}, consoles: [] })}\n`);
} else {
  const [configDir, dataDir, port] = [process.argv[3]!, process.argv[4]!, Number(process.argv[5] ?? 0)];
  const url = process.env.BORNE_BENCH_DATABASE_URL;
  const store: Store = url ? openStore(url) : openSqlite(join(dataDir, 'borne.sqlite'));
  await migrate(store);
  const sites = loadSites(configDir);
  const guides = loadGuides(configDir, sites).guides;
  const now = new Date();
  await seedKiosks(store, sites);
  // The real sweep every 2 s, as in production (presence, escalation, alerts).
  const app = await build({ store, sites, guides, sweepIntervalMs: 2000 });
  const { kioskTokens } = await seedDemo(store.db, app.borne.config.sites, now, testPasswordHash);
  const consoles = await seedConsoles(store, app, [...sites.keys()]);
  const base = await app.listen({ port, host: '127.0.0.1', backlog: LISTEN_BACKLOG });
  process.stdout.write(`${JSON.stringify({ base, tokens: Object.fromEntries(kioskTokens), consoles })}\n`);
  // SIGTERM is the restart of the storm: a clean close ends every stream, as a deployment does.
  process.on('SIGTERM', () => {
    void app.close().then(() => store.close()).then(() => process.exit(0));
  });
}
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'usage') process.stdout.write(`${JSON.stringify({ usage: { rss: process.memoryUsage().rss, cpu: process.cpuUsage() } })}\n`);
});
if (mode === 'bare') process.on('SIGTERM', () => process.exit(0));

async function seedKiosks(store: Store, sites: ReturnType<typeof loadSites>): Promise<void> {
  const secret = await instanceSecret(store.db);
  const enrolled = new Set((await store.db.selectFrom('kiosks').select('id').execute()).map((r) => r.id));
  const at = new Date().toISOString();
  const rows = [...sites.values()].flatMap((site) =>
    site.kiosks.filter((k) => !enrolled.has(k.id)).map((k) => ({ id: k.id, site_id: site.id, token_hash: hashToken(demoKioskToken(secret, k.id)), enrolled_at: at, last_seen_at: null, in_session: 0, screen: null, language: null })),
  );
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 200) await trx.insertInto('kiosks').values(rows.slice(i, i + 200)).execute();
  });
}

/** One médiateur per pôle, on duty there, signed in: the consoles the calls must reach. */
async function seedConsoles(store: Store, app: Awaited<ReturnType<typeof build>>, siteIds: string[]): Promise<{ siteId: string; cookie: string }[]> {
  const consoles: { siteId: string; cookie: string }[] = [];
  for (const siteId of siteIds) {
    const username = `scale-${siteId}`;
    const exists = await store.db.selectFrom('staff_users').select('id').where('username', '=', username).executeTakeFirst();
    if (!exists) await insertStaff(store.db, { id: randomUUID(), username, firstName: `Scale ${siteId}`, role: 'mediateur', siteIds: [siteId] }, await testPasswordHash(username), new Date());
    const { cookie } = await staffCookie(app, username);
    const res = await app.inject({ method: 'PUT', url: '/api/staff/duty', headers: { cookie }, payload: { siteId } });
    if (res.statusCode !== 200) throw new Error(`duty for ${username}: ${res.statusCode} ${res.body}`);
    consoles.push({ siteId, cookie });
  }
  return consoles;
}
