import { build, type BuildOptions } from '../../src/server/app';
import { openPostgres } from '../../src/server/store/db';
import type { TestServer } from './server';

/**
 * Another server instance on the same PostgreSQL database as `server` (as a second process
 * behind a load balancer would be): its own app, pool, bus listener and streams. It shares the
 * demo's kiosk tokens and accounts, since they live in the database.
 */
export async function secondInstance(server: TestServer, options: Partial<BuildOptions> = {}): Promise<TestServer> {
  if (server.store.dialect !== 'postgres' || !server.store.url) throw new Error('a second instance needs the PostgreSQL test project (integration-pg)');
  const store = openPostgres(server.store.url, { poolSize: 5 });
  const app = await build({ sweepIntervalMs: 0, ...options, store, sites: server.sites });
  return {
    ...server,
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
