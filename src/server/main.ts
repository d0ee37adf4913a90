import { readFileSync } from 'node:fs';
import type { SiteConfig } from '../core/site/site-config';
import { build } from './app';
import { loadGuides } from './config/guide-loader';
import { driftedSites } from './config/config-diff';
import { ConfigError, formatProblems, loadSites } from './config/site-loader';
import { OptionsError, readServerOptions } from './config/server-options';
import { LISTEN_BACKLOG } from './http/listen';
import { DEMO_STAFF, seedDemo } from './seed/demo';
import { systemClock } from './store/clock';
import { isStoreOpenError, openCheckedStore } from './store/connect';
import { migrate, type Store } from './store/db';

function fail(message: string): never {
  process.stderr.write(`\nBorne cannot start:\n${message}\n\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let options;
  try {
    options = readServerOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (error instanceof OptionsError) fail(error.message);
    throw error;
  }
  // sqlite:<file> (the embedded default) or postgres://… (several instances share one database).
  let store: Store;
  try {
    store = await openCheckedStore(options.databaseUrl);
  } catch (error) {
    if (isStoreOpenError(error)) fail(error.message);
    throw error;
  }
  await migrate(store);
  // Once the database holds the live configuration, the files are only its declaration: a
  // mistake in them must not keep the pôles' kiosks from working. It is said, and import refuses it.
  const hasLive = (await store.db.selectFrom('site_configs').select('id').limit(1).executeTakeFirst()) !== undefined;
  let sites: ReadonlyMap<string, SiteConfig> = new Map();
  let filesValid = true;
  let guides;
  try {
    try {
      sites = loadSites(options.configDir);
    } catch (error) {
      if (!(error instanceof ConfigError) || !hasLive) throw error;
      filesValid = false;
      process.stderr.write(`Borne starts on the live configuration (the database), but ${options.configDir}/ has problems; fix them before npm run config:import:\n${error.message}\n`);
    }
    guides = loadGuides(options.configDir, sites);
    if (guides.warnings.length) process.stderr.write(`Borne starts, but:\n${formatProblems(guides.warnings)}\n`);
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
  const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
  const app = await build({ store, sites, guides: guides.guides, distDir: options.distDir, version, trustProxy: options.trustProxy, instanceId: options.instanceId, metricsToken: options.metricsToken, speech: { audioDir: options.audioDir, cacheDir: options.speechCacheDir }, logRequests: process.env.LOG_LEVEL === 'debug', logger: { level: process.env.LOG_LEVEL ?? 'info' } });
  // « Écouter »: which espeak-ng voices this machine has, said in the log before the kiosks ask.
  await app.borne.speech.start();
  // From here on the database's configuration is the live one; kiosk-config/ was imported on the first start.
  const live = app.borne.config.sites;
  const drifted = filesValid ? driftedSites(sites, live) : [];
  if (drifted.length) process.stdout.write(`Note: ${options.configDir}/ differs from the live configuration (the database) for ${drifted.join(', ')}: review and apply the files with npm run config:import, or write the live configuration out with npm run config:export.\n`);
  const seeded = options.demo ? await seedDemo(store.db, live, systemClock()) : undefined;

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const address = await app.listen({ port: options.port, host: options.host, backlog: LISTEN_BACKLOG });
  const base = address.replace('[::1]', 'localhost');
  const lines = [`\nBorne is running at ${base}`, `  Staff console: ${base}/staff/`];
  if (seeded) {
    lines.push(`  Demo logins:   ${DEMO_STAFF.map((s) => `${s.username} / ${s.password}`).join('   ')}`, '  Demo kiosks:');
    for (const site of live.values()) {
      lines.push(`    ${site.name}`);
      for (const kiosk of site.kiosks) lines.push(`      ${kiosk.label.padEnd(10)} ${base}/kiosk/#kiosk=${seeded.kioskTokens.get(kiosk.id)}`);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error)));
