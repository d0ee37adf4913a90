import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { LiveConfig } from '../../src/server/config/live-config';
import { loadSites } from '../../src/server/config/site-loader';
import { seedDemo } from '../../src/server/seed/demo';
import { systemClock } from '../../src/server/store/clock';
import { migrate, openPostgres } from '../../src/server/store/db';
import { axeViolations } from '../support/axe';
import { launchChromium } from '../support/browser';
import { signInConsole, TEST_DIST } from '../support/e2e';
import { freePort, readmeNginxSite, siteForTest, startNginx, throwawayCertificate, waitForPort, type Certificate, type Nginx } from '../support/nginx';
import { startPgCluster, type PgCluster } from '../support/pg';
import { testPasswordHash } from '../support/server';

/**
 * Issue 11, « Instance failure », for real: ONE PostgreSQL, TWO server processes (the real entry
 * point, src/server/main.ts), Debian's nginx in front with the README's site over TLS, and a kiosk
 * and two consoles in Chromium, all through https://localhost.
 *
 * To make the kiosk and a console land on DIFFERENT instances, nginx runs the README's site
 * twice, on two ports, each with its own copy of the upstream: the kiosk's side prefers
 * instance A (B as `backup`), the console's side prefers B (A as `backup`). Karim's console is on
 * B; Claire's console is opened on the kiosk's side, so it shares A with the kiosk. A call, its
 * claim and its resolution then cross instances both ways. Killing A (kill -9) mid-call makes the
 * kiosk and Claire's console reconnect through nginx (the README's proxy_next_upstream) to B.
 */
const SITE = 'Pôle social de Châtillon';
const KIOSK = 'chatillon-1';
let cluster: PgCluster;
let databaseUrl: string;
let a: Instance;
let b: Instance;
let nginx: Nginx;
let cert: Certificate;
let certDir: string;
let browser: Browser;
let kioskToken: string;
let kioskSide: string;
let consoleSide: string;

beforeAll(async () => {
  if (!existsSync(join(TEST_DIST, 'kiosk/index.html')) || !existsSync(join(TEST_DIST, 'staff/index.html'))) {
    throw new Error('The front ends are not built: run "npm run build" (npm test does it first).');
  }
  cluster = await startPgCluster();
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query('create database borne_multi');
  await admin.end();
  databaseUrl = cluster.urlOf('borne_multi');
  // The database as the first instance's start would leave it (tables, kiosk-config imported),
  // with the demo seeded through the store (test-cost password hashes; no --demo).
  const store = openPostgres(databaseUrl, { poolSize: 2 });
  await migrate(store);
  const config = await LiveConfig.open(store.db, systemClock, loadSites('kiosk-config'));
  const seeded = await seedDemo(store.db, config.sites, new Date(), testPasswordHash);
  await store.close();
  kioskToken = seeded.kioskTokens.get(KIOSK)!;

  const [portA, portB] = [await freePort(), await freePort()];
  certDir = mkdtempSync(join(tmpdir(), 'borne-multi-cert-'));
  cert = throwawayCertificate(certDir);
  const readme = readmeNginxSite();
  const ports = { kiosk: await freePort(), kioskHttp: await freePort(), console: await freePort(), consoleHttp: await freePort() };
  const sites = [
    siteForTest(readme, { httpsPort: ports.kiosk, httpPort: ports.kioskHttp, cert: cert.cert, key: cert.key, upstreamName: 'borne_a', upstream: [`127.0.0.1:${portA}`, `127.0.0.1:${portB} backup`] }),
    siteForTest(readme, { httpsPort: ports.console, httpPort: ports.consoleHttp, cert: cert.cert, key: cert.key, upstreamName: 'borne_b', upstream: [`127.0.0.1:${portB}`, `127.0.0.1:${portA} backup`] }),
  ];
  kioskSide = `https://localhost:${ports.kiosk}`;
  consoleSide = `https://localhost:${ports.console}`;
  // Started side by side (this machine's two cores are the limit): the instances, nginx, and
  // Chromium, which trusts this one throwaway key as a kiosk PC trusts the département's CA.
  // Each is kept as soon as it is up, so afterAll stops it even when another failed to start.
  const started = await Promise.allSettled([
    startInstance('borne-a', portA, databaseUrl).then((i) => (a = i)),
    startInstance('borne-b', portB, databaseUrl).then((i) => (b = i)),
    startNginx(sites.join('\n'), Object.values(ports)).then((n) => (nginx = n)),
    launchChromium({ args: [`--ignore-certificate-errors-spki-list=${cert.spki}`] }).then((c) => (browser = c)),
  ]);
  for (const result of started) if (result.status === 'rejected') throw result.reason;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await cluster?.stop();
  if (certDir) rmSync(certDir, { recursive: true, force: true });
});

type Streams = Record<string, number>;

interface Instance {
  /** Open streams by kind, as this instance's /metrics says (read on loopback, as monitoring does). */
  openStreams(): Promise<Streams>;
  /** kill -9: no shutdown, no goodbye to its streams. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

/** One server process, started as an install starts it (environment only), on `port`. */
async function startInstance(id: string, port: number, url: string): Promise<Instance> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts', '--dist', TEST_DIST], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: '1', INSTANCE_ID: id, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exit: string | null = null;
  const exited = new Promise<void>((resolve) => child.once('exit', (code, signal) => {
    exit = `instance ${id} exited (${code ?? signal}): ${output}`;
    resolve();
  }));
  await waitForPort(port, () => exit, 45_000);
  const end = async (signal: NodeJS.Signals) => {
    if (exit === null) child.kill(signal);
    await exited;
  };
  return {
    async openStreams() {
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      const counts: Streams = {};
      for (const m of text.matchAll(/^borne_streams_open\{[^}]*kind="(\w+)"[^}]*\} (\d+)/gm)) counts[m[1]!] = Number(m[2]);
      return counts;
    },
    kill: () => end('SIGKILL'),
    stop: () => end('SIGTERM'),
  };
}

async function openKiosk(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  // The pôle is open (a Tuesday, 10:00 in Paris): at night the kiosk says when it opens instead.
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00.000Z'));
  await page.goto(`${kioskSide}/kiosk/#kiosk=${kioskToken}`);
  await page.getByRole('button', { name: 'Appeler un médiateur' }).waitFor();
  return page;
}

const cards = (page: Page) => page.locator('article[data-call-id]', { hasText: 'Poste 1' });

describe('two instances behind nginx', () => {
  it('carries a call across instances, and through the loss of one (kill -9) mid-call', async () => {
    // Where each request went, for a failure here: nginx's log names the instance that answered.
    onTestFailed(() => console.error(`nginx error log:\n${nginx.errors()}\nnginx access log:\n${nginx.accesses()}`));
    const [karim, claire, kiosk] = await Promise.all([signInConsole(browser, consoleSide, 'mediateur', SITE), signInConsole(browser, kioskSide, 'admin', SITE), openKiosk()]);
    // Where each stream is: the kiosk and Claire on A, Karim on B. (At least one console stream:
    // a console first opens the stream of its first pôle, then of the one chosen.)
    await expect.poll(() => a.openStreams(), { timeout: 15_000 }).toSatisfy((n: Streams) => n.kiosk === 1 && (n.staff ?? 0) >= 1);
    await expect.poll(() => b.openStreams(), { timeout: 15_000 }).toSatisfy((n: Streams) => n.kiosk === 0 && (n.staff ?? 0) >= 1);

    // 1. The call is made on A; Karim sees it on B, claims and resolves it there; the kiosk (A) follows.
    await kiosk.getByRole('button', { name: 'Appeler un médiateur' }).click();
    await cards(karim).waitFor();
    await cards(claire).waitFor();
    expect(await axeViolations(kiosk)).toEqual([]);
    expect(await axeViolations(karim)).toEqual([]);
    await cards(karim).getByRole('button', { name: "Je m'en occupe" }).click();
    await kiosk.getByText('Karim arrive pour vous aider.').waitFor();
    await cards(claire).getByText('Karim', { exact: false }).waitFor();
    await cards(karim).getByRole('button', { name: 'Terminé' }).click();
    await cards(karim).getByRole('radio', { name: 'Aide apportée' }).check();
    await cards(karim).getByRole('button', { name: 'Valider' }).click();
    await kiosk.getByText('Merci. Nous espérons que cela vous a aidé.').waitFor();
    await cards(claire).waitFor({ state: 'detached' });
    await cards(karim).waitFor({ state: 'detached' });

    // 2. A second call, then A dies: the kiosk and Claire's console come back through nginx on B.
    await kiosk.locator('.help-button').click();
    await cards(karim).waitFor();
    await cards(claire).waitFor();
    await a.kill();
    await expect.poll(() => b.openStreams(), { timeout: 30_000 }).toSatisfy((n: Streams) => n.kiosk === 1 && (n.staff ?? 0) >= 2);
    await kiosk.getByText("La borne n'est plus connectée.").waitFor({ state: 'hidden' });
    await claire.getByText('Connecté', { exact: true }).waitFor();
    // Resynced, and shown once: the snapshot of the new stream replaces, it does not add.
    expect(await cards(claire).count()).toBe(1);
    expect(await cards(karim).count()).toBe(1);
    await kiosk.getByText('Votre appel est bien reçu.').waitFor();

    // The call goes on: Karim claims it (B), the kiosk and Claire hear it on their new streams.
    await cards(karim).getByRole('button', { name: "Je m'en occupe" }).click();
    await kiosk.getByText('Karim arrive pour vous aider.').waitFor();
    await cards(claire).getByText('Karim', { exact: false }).waitFor();
    expect(await axeViolations(claire)).toEqual([]);
    await cards(karim).getByRole('button', { name: 'Terminé' }).click();
    await cards(karim).getByRole('radio', { name: 'Aide apportée' }).check();
    await cards(karim).getByRole('button', { name: 'Valider' }).click();
    await kiosk.getByText('Merci. Nous espérons que cela vous a aidé.').waitFor();
    await cards(claire).waitFor({ state: 'detached' });

    const store = openPostgres(databaseUrl, { poolSize: 1 });
    const calls = await store.db.selectFrom('help_calls').select(['status', 'outcome']).where('kiosk_id', '=', KIOSK).execute();
    await store.close();
    expect(calls).toEqual([
      { status: 'resolved', outcome: 'helped' },
      { status: 'resolved', outcome: 'helped' },
    ]);
    expect(nginx.errors()).not.toMatch(/\[(emerg|alert|crit)\]/);
  }, 120_000);
});
