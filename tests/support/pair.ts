import type { FastifyInstance } from 'fastify';
import { build, type BuildOptions } from '../../src/server/app';
import { loadGuides } from '../../src/server/config/guide-loader';
import { loadSites } from '../../src/server/config/site-loader';
import type { Store } from '../../src/server/store/db';
import { startTestServer, type TestServer } from './server';
import { openTestStore } from './store';

/**
 * Two Borne instances on ONE database, as two server processes behind a load balancer: `first`
 * is a normal test server (seeded with the demo), `second` is another app over another Store
 * (its own connection pool) opened on the same database. Tests fire requests at both at once to
 * prove that limits and single uses hold across instances, not only inside one process.
 */
export interface TestServerPair {
  first: TestServer;
  second: { app: FastifyInstance; store: Store };
  /** Both apps, for spreading requests: apps[i % 2]. */
  apps: [FastifyInstance, FastifyInstance];
  close(): Promise<void>;
}

export async function startTestServerPair(options: Partial<BuildOptions> & { configDir?: string } = {}): Promise<TestServerPair> {
  const first = await startTestServer(options);
  const store = await openTestStore(first.dir);
  const sites = options.sites ?? loadSites(options.configDir ?? 'kiosk-config');
  const guides = options.guides ?? loadGuides(options.configDir ?? 'kiosk-config', sites).guides;
  const app = await build({ sweepIntervalMs: 0, ...options, store, sites, guides });
  return {
    first,
    second: { app, store },
    apps: [first.app, app],
    async close() {
      app.server.closeAllConnections();
      await app.close();
      await store.close();
      await first.close();
    },
  };
}
