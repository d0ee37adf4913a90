import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { precompressDir } from './src/server/http/precompress';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const packageVersion = (): string => (JSON.parse(readFileSync(here('./package.json'), 'utf8')) as { version: string }).version;
// BORNE_DIST builds elsewhere than ./dist, so two working copies of the tests can build side by side.
const out = (app: string) => (process.env.BORNE_DIST ? `${process.env.BORNE_DIST}/${app}` : here(`./dist/${app}`));

/**
 * Brotli and gzip beside every text file, after everything else has written the folder (the
 * service worker included), so the server never compresses a static file per request.
 */
function precompress(dir: string): Plugin {
  return {
    name: 'borne-precompress',
    apply: 'build',
    closeBundle: { order: 'post', sequential: true, handler: async () => void (await precompressDir(dir)) },
  };
}

/**
 * Two front ends, built one after the other (`vite build --mode kiosk`, then `--mode staff`):
 * the usager PWA at /kiosk/ (with its service worker) and the staff console at /staff/.
 */
function kiosk(): UserConfig {
  return {
    root: here('./src/kiosk'),
    base: '/kiosk/',
    build: { outDir: out('kiosk'), emptyOutDir: true },
    // The build's version, which the kiosk's heartbeat reports to « Parc des bornes ».
    define: { 'import.meta.env.BORNE_VERSION': JSON.stringify(packageVersion()) },
    plugins: [
      preact(),
      VitePWA({
        strategies: 'injectManifest',
        srcDir: 'sw',
        filename: 'sw.ts',
        // The app registers the worker itself and applies updates only between sessions.
        injectRegister: false,
        registerType: 'prompt',
        manifest: {
          name: 'Borne — espace numérique',
          short_name: 'Borne',
          lang: 'fr',
          start_url: '/kiosk/',
          scope: '/kiosk/',
          display: 'fullscreen',
          background_color: '#f6f3ee',
          theme_color: '#1f5f4a',
          icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
        },
        injectManifest: {
          // The shell, its chunks (the locales are chunks too) and icons; never anything from /api/.
          // woff2: the Ethiopic font, so Tigrinya shows offline too.
          globPatterns: ['**/*.{js,css,html,svg,webmanifest,woff2}'],
          rollupFormat: 'es',
        },
        devOptions: { enabled: false },
      }),
      precompress(out('kiosk')),
    ],
  };
}

function staff(): UserConfig {
  return {
    root: here('./src/staff'),
    base: '/staff/',
    build: { outDir: out('staff'), emptyOutDir: true },
    plugins: [preact(), precompress(out('staff'))],
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'kiosk') return kiosk();
  if (mode === 'staff') return staff();
  throw new Error(`vite: unknown mode "${mode}". Use --mode kiosk or --mode staff (npm run build does both).`);
});
