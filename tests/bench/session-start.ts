import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { KioskLauncher } from '../../src/launcher/launcher';
import { CHROMIUM_PATH } from '../support/browser';
import { nonApi, startCountingProxy } from '../support/counting-proxy';
import { startE2eServer } from '../support/e2e';
import { EXTENSION_ARGS } from '../support/lockdown';
import { freePort } from '../support/ports';
import { median, percentile } from './stats';

/**
 * A session's start, with the real launcher and Debian's Chromium (headless): each round the
 * launcher kills the session's Chromium and starts a new one on a fresh copy of its profile
 * template, as at « Terminer ». Measured: from the new Chromium's spawn to the kiosk's home
 * painted (its largest contentful paint, the home heading and buttons; Preact has bound the
 * buttons by then), and, after a reload, from the reload's navigation to that paint. A proxy in
 * front of the server counts what each new session downloads beyond /api/.
 */
const ROUNDS = 8;
const START_TARGET_MS = 300;
const RELOAD_TARGET_MS = 150;

/** `cold: true` runs the same rounds without the template (each session on an empty profile), for comparison. */
export async function sessionStartBench(options: { cold?: boolean } = {}): Promise<{ name: string; figures: Record<string, number>; target: string; ok: boolean; notes?: string[] }> {
  const e2e = await startE2eServer();
  const proxy = await startCountingProxy(e2e.baseUrl);
  const profileRoot = mkdtempSync(join(tmpdir(), 'borne-bench-start-'));
  const debugPort = await freePort();
  const spawnedAt: number[] = [];
  const log: string[] = [];
  const launcher = new KioskLauncher({
    chromiumPath: CHROMIUM_PATH,
    kioskUrl: `${proxy.url}/kiosk/#kiosk=${e2e.server.kioskTokens.get('chatillon-1')}`,
    profileRoot,
    ...(options.cold ? { serviceWorkerUrl: null } : {}),
    extraArgs: [...EXTENSION_ARGS, '--headless', '--window-size=1280,1024', `--remote-debugging-port=${debugPort}`],
    log: (event, details) => {
      log.push(`${event} ${JSON.stringify(details ?? {})}`);
      if (event === 'chromium started') spawnedAt.push(Date.now());
    },
  });
  const samples = { start: [] as number[], navigation: [] as number[], reload: [] as number[], bytes: [] as number[] };
  const fetched = new Set<string>();
  let templateMs = 0;
  try {
    const t0 = Date.now();
    await launcher.start();
    templateMs = Date.now() - t0;
    if (!launcher.templateDir && !options.cold) throw new Error(`the launcher built no profile template: ${log.join('; ')}`);
    for (let round = 0; round <= ROUNDS; round++) {
      if (round > 0) await launcher.reset();
      const spawn = spawnedAt.at(-1)!;
      const { browser, page } = await connect(debugPort, proxy.url);
      await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
      const first = await paintedAt(page);
      await page.reload();
      await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
      const reload = await paintedAt(page);
      // Let the page settle (heartbeat, stream, late chunks) before reading what it fetched.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const downloads = nonApi(proxy.requests, spawn);
      for (const r of downloads) fetched.add(r.path.split('?')[0]!);
      await browser.close();
      // Round 0 is the first session after the template build: measured like the others.
      samples.start.push(first.timeOrigin + first.lcp - spawn);
      samples.navigation.push(first.timeOrigin - spawn);
      samples.reload.push(reload.lcp);
      samples.bytes.push(downloads.reduce((sum, r) => sum + r.bytes, 0));
    }
  } finally {
    await launcher.stop();
    await proxy.close();
    await e2e.stop();
    rmSync(profileRoot, { recursive: true, force: true });
  }
  const ms = (value: number) => Math.round(value);
  const figures = {
    rounds: samples.start.length,
    template_build_ms: templateMs,
    start_to_home_p50_ms: ms(median(samples.start)),
    start_to_home_p95_ms: ms(percentile(samples.start, 95)),
    // Of which Chromium's own start, up to the kiosk page's navigation.
    start_to_navigation_p50_ms: ms(median(samples.navigation)),
    reload_to_home_p50_ms: ms(median(samples.reload)),
    reload_to_home_p95_ms: ms(percentile(samples.reload, 95)),
    non_api_bytes_per_session_max: Math.max(...samples.bytes),
  };
  return {
    name: options.cold ? 'session-start-cold' : 'session-start',
    figures,
    target: `spawn → home p95 ≤ ${START_TARGET_MS} ms, reload → home p95 ≤ ${RELOAD_TARGET_MS} ms, 0 bytes beyond /api/ per new session`,
    ok: figures.start_to_home_p95_ms <= START_TARGET_MS && figures.reload_to_home_p95_ms <= RELOAD_TARGET_MS && figures.non_api_bytes_per_session_max === 0,
    notes: [`fetched beyond /api/: ${[...fetched].join(', ') || 'nothing'}`, `bytes beyond /api/ by session: ${samples.bytes.join(', ')}`],
  };
}

async function connect(port: number, origin: string): Promise<{ browser: Browser; page: Page }> {
  const until = Date.now() + 20_000;
  for (;;) {
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 2000 }).catch(() => null);
    const page = browser?.contexts()[0]?.pages().find((p) => p.url().startsWith(origin));
    if (browser && page) return { browser, page };
    await browser?.close();
    if (Date.now() > until) throw new Error(`the session's Chromium showed no kiosk page on DevTools port ${port} within 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The page's navigation start (epoch ms) and its largest contentful paint (ms after it). */
async function paintedAt(page: Page): Promise<{ timeOrigin: number; lcp: number }> {
  return page.evaluate(
    () =>
      new Promise<{ timeOrigin: number; lcp: number }>((resolve) => {
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1);
          if (last) resolve({ timeOrigin: performance.timeOrigin, lcp: last.startTime });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
}

// Alone: `npx tsx tests/bench/session-start.ts` prints its JSON and exits non-zero on a miss.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await sessionStartBench({ cold: process.argv.includes('--cold') });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  process.exitCode = result.ok ? 0 : 1;
}
