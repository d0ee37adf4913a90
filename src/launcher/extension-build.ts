import { execFile } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import preact from '@preact/preset-vite';
import { build, type InlineConfig } from 'vite';
import { CONTENT_MATCHES } from '../core/lockdown/bridge';
import { extensionIdFromPrivateKey, publicKeyDer } from './extension-key';

/**
 * Builds the companion extension (src/extension) into an unpacked folder, then packs it into a
 * CRX3 with Chromium itself when the admin's key exists. The key gives the fixed id; the server
 * serves the CRX and its update XML from the pack folder.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = join(ROOT, 'src/extension');
export const DEFAULT_KEY_FILE = 'data/extension-key.pem';
const DIST = process.env.BORNE_DIST ?? 'dist';
export const DEFAULT_UNPACKED_DIR = `${DIST}/extension`;
export const DEFAULT_PACK_DIR = `${DIST}/extension-pack`;
/** The Chromium binary itself: /usr/bin/chromium is a wrapper script that adds its own switches. */
export const CHROMIUM_BINARY = process.env.CHROMIUM_BINARY ?? '/usr/lib/chromium/chromium';

/**
 * The kiosk's script fonts (src/web/fonts.css), for the bar and the blocked page: only the script
 * subsets, 400 and 700. src/extension/fonts.ts registers them under fonts/.
 */
export const BUNDLED_FONT_FILES = ['arabic', 'ethiopic'].flatMap((script) => ['400', '700'].map((weight) => `@fontsource/noto-sans-${script}/files/noto-sans-${script}-${script}-${weight}-normal.woff2`));

/** What the server reads to answer the update check. */
export interface PackInfo {
  id: string;
  version: string;
}

export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

export function extensionManifest(version: string, publicKeyBase64?: string): Record<string, unknown> {
  return {
    manifest_version: 3,
    name: 'Borne',
    description: "Borne's bar on the official sites: the guide step, a médiateur, the way back and the end of the session.",
    version,
    ...(publicKeyBase64 ? { key: publicKeyBase64 } : {}),
    minimum_chrome_version: '120',
    // browsingData: the wipe at session end; webNavigation and tabs: one tab, the friendly page for
    // blocked addresses; storage: the session's state, in memory only.
    permissions: ['browsingData', 'webNavigation', 'tabs', 'storage', 'scripting'],
    // The Borne server (the kiosk API) and the launcher on this PC; the policy's allow-list is what
    // limits where the usager can go.
    host_permissions: ['<all_urls>'],
    background: { service_worker: 'background.js', type: 'module' },
    content_scripts: [{ matches: [...CONTENT_MATCHES], js: ['content.js'], run_at: 'document_idle' }],
    // The bar's script fonts, registered on the official site's document (src/extension/fonts.ts):
    // the site's page loads them, so they must be web-accessible. Only on https pages, the official
    // sites' scheme; the policy's URLAllowlist keeps the kiosk on the site's allowedHosts (they are
    // live settings, not known when the extension is built).
    web_accessible_resources: [{ resources: ['fonts/*.woff2'], matches: ['https://*/*'] }],
    incognito: 'not_allowed',
  };
}

function entry(name: string, file: string, format: 'iife' | 'es', outDir: string): InlineConfig {
  return {
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    plugins: [preact()],
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'chrome120',
      copyPublicDir: false,
      lib: { entry: join(SOURCE, file), formats: [format], name, fileName: () => `${name}.js` },
    },
  };
}

/** Builds the unpacked extension; with a key, its manifest carries the public key, so a development load gets the same id. */
export async function buildExtension(options: { outDir?: string; keyFile?: string | null } = {}): Promise<string> {
  const outDir = resolve(options.outDir ?? DEFAULT_UNPACKED_DIR);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await build(entry('content', 'content.ts', 'iife', outDir));
  await build(entry('background', 'background.ts', 'es', outDir));
  await build(entry('blocked', 'blocked.tsx', 'iife', outDir));
  copyFileSync(join(SOURCE, 'blocked.html'), join(outDir, 'blocked.html'));
  copyFileSync(join(SOURCE, 'blocked.css'), join(outDir, 'blocked.css'));
  mkdirSync(join(outDir, 'fonts'), { recursive: true });
  for (const file of BUNDLED_FONT_FILES) copyFileSync(join(ROOT, 'node_modules', file), join(outDir, 'fonts', basename(file)));
  const keyFile = options.keyFile === undefined ? (existsSync(DEFAULT_KEY_FILE) ? DEFAULT_KEY_FILE : null) : options.keyFile;
  const key = keyFile ? publicKeyDer(readFileSync(keyFile, 'utf8')).toString('base64') : undefined;
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(extensionManifest(packageVersion(), key), null, 2)}\n`);
  return outDir;
}

/**
 * Packs an unpacked build into packDir/borne.crx with Chromium's own packer, signed with the key,
 * and writes packDir/borne.json (id and version) for the update XML.
 */
export async function packExtension(options: { unpackedDir?: string; keyFile: string; packDir?: string; chromium?: string }): Promise<PackInfo> {
  const chromium = options.chromium ?? CHROMIUM_BINARY;
  if (!existsSync(chromium)) throw new Error(`Packing the extension needs Chromium at ${chromium}: install it with "apt-get install -y chromium" (or set CHROMIUM_BINARY).`);
  const pem = readFileSync(options.keyFile, 'utf8');
  const staging = join(mkdtempSync(join(tmpdir(), 'borne-extension-')), 'borne');
  try {
    cpSync(resolve(options.unpackedDir ?? DEFAULT_UNPACKED_DIR), staging, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(staging, 'manifest.json'), 'utf8')) as { version: string };
    writeFileSync(join(staging, 'manifest.json'), JSON.stringify({ ...manifest, key: publicKeyDer(pem).toString('base64') }, null, 2));
    const profile = mkdtempSync(join(tmpdir(), 'borne-pack-profile-'));
    try {
      await promisify(execFile)(chromium, ['--no-sandbox', '--headless', `--user-data-dir=${profile}`, `--pack-extension=${staging}`, `--pack-extension-key=${resolve(options.keyFile)}`], { timeout: 60_000 });
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    if (!existsSync(`${staging}.crx`)) throw new Error(`Chromium did not write ${staging}.crx`);
    const packDir = resolve(options.packDir ?? DEFAULT_PACK_DIR);
    mkdirSync(packDir, { recursive: true });
    renameSync(`${staging}.crx`, join(packDir, 'borne.crx'));
    const info: PackInfo = { id: extensionIdFromPrivateKey(pem), version: manifest.version };
    writeFileSync(join(packDir, 'borne.json'), `${JSON.stringify(info, null, 2)}\n`);
    return info;
  } finally {
    rmSync(join(staging, '..'), { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const unpacked = await buildExtension();
  process.stdout.write(`extension built in ${unpacked}\n`);
  if (!existsSync(DEFAULT_KEY_FILE)) {
    rmSync(DEFAULT_PACK_DIR, { recursive: true, force: true });
    process.stdout.write(`extension not packed: no key at ${DEFAULT_KEY_FILE}. Create one with "npm run kiosk -- keygen", then build again.\n`);
    return;
  }
  const info = await packExtension({ keyFile: DEFAULT_KEY_FILE });
  process.stdout.write(`extension ${info.id} ${info.version} packed in ${DEFAULT_PACK_DIR}/borne.crx\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
