import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { launchChromium } from '../support/browser';
import { startE2eServer, TEST_DIST } from '../support/e2e';

/**
 * Issue 13, targets 1 and 2: what the kiosk home costs a cold session on the wire.
 * - Chromium loads the home of an enrolled kiosk with an empty profile; every response that is
 *   not /api/ before the home is interactive is summed, as the bytes the network carried
 *   (Network.loadingFinished's encodedDataLength: headers excluded, compression included). The
 *   service worker's precache, which downloads after, is not part of the first load.
 * - Each chunk of the build is printed with its raw, gzip and brotli sizes, so a regression
 *   shows which import caused it.
 */
const TARGET_GZIP_KB = 40;
const CAMERA_CHUNK = /zxing|esm-/;

interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
  br: number;
}

function chunkSizes(dir: string): ChunkSize[] {
  return readdirSync(dir)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((file) => {
      const data = readFileSync(join(dir, file));
      return { file, raw: statSync(join(dir, file)).size, gzip: gzipSync(data, { level: 9 }).length, br: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
    })
    .sort((a, b) => b.raw - a.raw);
}

/** Loads the home in a fresh Chromium, accepting `encoding`; returns the JS and CSS bytes on the wire. */
async function firstLoad(url: string, encoding: 'br' | 'gzip'): Promise<{ js: number; css: number; files: string[] }> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, serviceWorkers: 'block', extraHTTPHeaders: { 'accept-encoding': encoding } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const requests = new Map<string, { url: string; type: string }>();
    const sizes = { js: 0, css: 0, files: [] as string[] };
    cdp.on('Network.responseReceived', (e) => requests.set(e.requestId, { url: e.response.url, type: e.response.mimeType }));
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (!r || r.url.includes('/api/')) return;
      if (/javascript/.test(r.type)) sizes.js += e.encodedDataLength;
      else if (/css/.test(r.type)) sizes.css += e.encodedDataLength;
      else return;
      sizes.files.push(r.url.replace(/^.*\//, ''));
    });
    await page.goto(url);
    await page.getByRole('heading', { name: 'Bonjour, bienvenue' }).waitFor();
    // The screens' chunks are preloaded when the kiosk is idle: that is not the first load.
    return { ...sizes, files: [...sizes.files] };
  } finally {
    await browser.close();
  }
}

export async function frontendBench(): Promise<{ name: string; figures: Record<string, unknown>; target: string; ok: boolean }> {
  const assets = join(TEST_DIST, 'kiosk', 'assets');
  const chunks = chunkSizes(assets);
  const e2e = await startE2eServer();
  try {
    const url = e2e.kioskUrl('chatillon-1');
    const gzip = await firstLoad(url, 'gzip');
    const br = await firstLoad(url, 'br');
    const sw = readFileSync(join(TEST_DIST, 'kiosk', 'sw.js'), 'utf8');
    const screens = chunks.filter((c) => /Screen-/.test(c.file));
    const unprecachedScreens = screens.filter((c) => !sw.includes(c.file)).map((c) => c.file);
    const cameraInFirstLoad = [...gzip.files, ...br.files].filter((f) => CAMERA_CHUNK.test(f));
    const gzipKb = (gzip.js + gzip.css) / 1024;
    const brKb = (br.js + br.css) / 1024;
    const ok = gzipKb <= TARGET_GZIP_KB && brKb < gzipKb && unprecachedScreens.length === 0 && cameraInFirstLoad.length === 0 && screens.length > 0;
    return {
      name: 'kiosk first load',
      figures: {
        firstLoadGzipKb: Math.round(gzipKb * 10) / 10,
        firstLoadBrotliKb: Math.round(brKb * 10) / 10,
        firstLoadFiles: gzip.files,
        screenChunks: screens.length,
        unprecachedScreens,
        cameraInFirstLoad,
        chunks,
      },
      target: `JS + CSS of the home ≤ ${TARGET_GZIP_KB} KB gzip on the wire, smaller with brotli; every screen in its own precached chunk; the camera chunk not in the first load`,
      ok,
    };
  } finally {
    await e2e.stop();
  }
}
