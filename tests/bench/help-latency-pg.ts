import { rmSync } from 'node:fs';
import { build } from '../../src/server/app';
import { loadGuides } from '../../src/server/config/guide-loader';
import { loadSites } from '../../src/server/config/site-loader';
import { seedDemo } from '../../src/server/seed/demo';
import { openPostgres } from '../../src/server/store/db';
import { openPgTestStore, prepareTemplate, startPgCluster } from '../support/pg';
import { testPasswordHash } from '../support/server';
import { benchConfigDir, measureHelpLatency, type BenchResult } from './help-latency';

/**
 * Help call → console across two instances on PostgreSQL: the 50 kiosks post and stream on
 * instance A, the 10 consoles stream from instance B, so every call crosses the database (the
 * events lock, the commit, NOTIFY, B's read of the log). Target: p95 under 50 ms, as on one instance.
 */
export async function helpLatencyPgBench(): Promise<BenchResult> {
  const configDir = benchConfigDir();
  const cluster = await startPgCluster();
  try {
    await prepareTemplate(cluster);
    const storeA = await openPgTestStore(cluster.adminUrl, { poolSize: 10 });
    const storeB = openPostgres(storeA.url, { poolSize: 10 });
    const sites = loadSites(configDir);
    const guides = loadGuides(configDir, sites).guides;
    const a = await build({ store: storeA, sites, guides, sweepIntervalMs: 0 });
    const { kioskTokens } = await seedDemo(storeA.db, a.borne.config.sites, new Date(), testPasswordHash);
    const b = await build({ store: storeB, sites, guides, sweepIntervalMs: 0 });
    try {
      const kioskBase = await a.listen({ port: 0, host: '127.0.0.1' });
      const consoleBase = await b.listen({ port: 0, host: '127.0.0.1' });
      const figures = await measureHelpLatency({ kioskBase, consoleBase, consoleApp: b, kioskTokens, siteIds: [...sites.keys()] });
      return { name: 'help-call-to-console-two-instances-postgres', figures, target: 'p95 < 50 ms (kiosks on instance A, consoles on instance B, one PostgreSQL)', ok: figures.p95_ms! < 50 };
    } finally {
      for (const app of [a, b]) app.server.closeAllConnections();
      await b.close();
      await a.close();
      await storeB.close();
      await storeA.close();
    }
  } finally {
    await cluster.stop();
    rmSync(configDir, { recursive: true, force: true });
  }
}
