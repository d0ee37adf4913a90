import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANAGED_POLICY_DIR } from '../core/lockdown/policy';

/**
 * The warm profile template. Once at start, and again after each update of Borne, the launcher
 * runs Chromium headless on a throwaway profile with the kiosk's address, lets Borne's service
 * worker install and precache the kiosk app (and the policy force its companion extension in),
 * closes Chromium cleanly and keeps the folder, minus every store that could ever hold something
 * of a person (cookies, local and session storage, IndexedDB, history, form data, the HTTP
 * cache…). No usager ever uses it: it is made before any session, and each session runs on a
 * fresh copy of it, thrown away at the session end. It is never written back.
 */

/** What the template was built from: the kiosk's service worker, whose text changes with every build. */
export interface BuildVersion {
  /** sha256 of sw.js (the precache manifest with every file's revision is inside it). */
  version: string;
  /** How many files the service worker precaches. */
  precacheEntries: number;
  /** The server's ETag for it, for the next look. */
  etag?: string;
}

/** The file in a template folder that says which build it holds. */
export const TEMPLATE_STAMP = 'borne-template.json';

/**
 * Everything under the profile that may hold what a person did or typed, or what a site set:
 * none of it is kept in the template, even though it was made with nobody there. The kiosk's
 * service worker and its precache (Default/Service Worker), the installed extension, the
 * preferences and the compiled-code caches stay.
 */
export const PERSONAL_STORES = [
  'Cookies',
  'Cookies-journal',
  'Extension Cookies',
  'Extension Cookies-journal',
  'Local Storage',
  'Session Storage',
  'Sessions',
  'IndexedDB',
  'File System',
  'blob_storage',
  'shared_proto_db',
  'Shared Storage',
  'Shared Storage-wal',
  'SharedStorage',
  'Storage',
  'Local Extension Settings',
  'Sync Extension Settings',
  'History',
  'History-journal',
  'Visited Links',
  'Top Sites',
  'Top Sites-journal',
  'Shortcuts',
  'Shortcuts-journal',
  'Favicons',
  'Favicons-journal',
  'Network Action Predictor',
  'Network Action Predictor-journal',
  'Network Persistent State',
  'Reporting and NEL',
  'Reporting and NEL-journal',
  'TransportSecurity',
  'Trust Tokens',
  'Trust Tokens-journal',
  'DIPS',
  'DIPS-journal',
  'Web Data',
  'Web Data-journal',
  'Login Data',
  'Login Data-journal',
  'Login Data For Account',
  'Login Data For Account-journal',
  'Cache',
  'Download Service',
  'Site Characteristics Database',
  'Platform Notifications',
  'BudgetDatabase',
  'Media History',
  'Media History-journal',
] as const;

/** Files of a running Chromium that must never be copied into a session. */
const RUN_FILES = ['SingletonLock', 'SingletonSocket', 'SingletonCookie', 'DevToolsActivePort', 'lockfile'];

/**
 * The service worker's script: its hash names the build, its manifest says how many files it
 * precaches. With the build known already, a conditional request: an unchanged sw.js costs a 304.
 */
export async function fetchBuildVersion(serviceWorkerUrl: string, known?: BuildVersion | null, timeoutMs = 5000): Promise<BuildVersion> {
  const headers: Record<string, string> = known?.etag ? { 'if-none-match': known.etag } : {};
  const response = await fetch(serviceWorkerUrl, { signal: AbortSignal.timeout(timeoutMs), cache: 'no-store', headers });
  if (response.status === 304 && known) return known;
  if (!response.ok) throw new Error(`${serviceWorkerUrl} answered ${response.status}`);
  const text = await response.text();
  const etag = response.headers.get('etag');
  return { version: createHash('sha256').update(text).digest('hex'), precacheEntries: precacheEntryCount(text), ...(etag ? { etag } : {}) };
}

/**
 * The files of workbox's injected manifest: `{"revision":…,"url":"…"}` (or `url:"…"` once
 * minified), each counted once (the PWA plugin lists the web manifest and the icon twice).
 */
export function precacheEntryCount(serviceWorker: string): number {
  return new Set((serviceWorker.match(/"url":"[^"]*"|\burl:"[^"]*"/g) ?? []).map((m) => m.replace(/^"?url"?:/, ''))).size;
}

/** The extensions a managed policy on this PC forces in: the template waits until they are installed. */
export function forcedExtensionIds(policyDir = MANAGED_POLICY_DIR): string[] {
  let files: string[];
  try {
    files = readdirSync(policyDir).filter((f) => f.endsWith('.json'));
  } catch {
    return [];
  }
  const ids = new Set<string>();
  for (const file of files) {
    try {
      const policy = JSON.parse(readFileSync(join(policyDir, file), 'utf8')) as { ExtensionSettings?: Record<string, { installation_mode?: string }>; ExtensionInstallForcelist?: string[] };
      for (const [id, settings] of Object.entries(policy.ExtensionSettings ?? {})) if (settings.installation_mode === 'force_installed') ids.add(id);
      for (const entry of policy.ExtensionInstallForcelist ?? []) ids.add(entry.split(';')[0]!);
    } catch {
      // Not ours to judge: Chromium reports a broken policy file itself.
    }
  }
  return [...ids];
}

/** How many responses the profile's Cache Storage holds, over every cache of every origin. */
export function cachedResponseCount(profile: string): number {
  const root = join(profile, 'Default', 'Service Worker', 'CacheStorage');
  let count = 0;
  for (const origin of safeList(root)) {
    for (const cache of safeList(join(root, origin))) count += safeList(join(root, origin, cache)).filter((f) => /_0$/.test(f)).length;
  }
  return count;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export interface TemplateBuildOptions {
  chromiumPath: string;
  /** Chromium's switches for the template run: the kiosk's, headless, without a DevTools port. */
  args: readonly string[];
  kioskUrl: string;
  /** Where the template folder is made. */
  root: string;
  build: BuildVersion;
  timeoutMs?: number;
  /** The extensions the template must hold (default: those the managed policy forces in). */
  extensionIds?: readonly string[];
  spawn?: (command: string, args: readonly string[]) => ChildProcess;
  /** Called with the template run's Chromium, so the launcher can kill it when it stops. */
  onChild?: (child: ChildProcess | null) => void;
}

/**
 * Builds a template: Chromium on a new folder until the precache is complete and the forced
 * extensions are installed, a clean close (SIGTERM: Chromium writes its databases and exits), then
 * every personal store removed. Returns the folder; throws (and leaves nothing) if it failed.
 */
export async function buildTemplate(options: TemplateBuildOptions): Promise<string> {
  const dir = mkdtempSync(join(options.root, 'borne-template-'));
  const args = [...options.args, `--user-data-dir=${dir}`, `--app=${options.kioskUrl}`];
  const child = (options.spawn ?? ((c, a) => nodeSpawn(c, [...a], { stdio: 'ignore', detached: true })))(options.chromiumPath, args);
  options.onChild?.(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const extensionIds = options.extensionIds ?? forcedExtensionIds();
  const timeoutMs = options.timeoutMs ?? 60_000;
  try {
    const until = Date.now() + timeoutMs;
    let exitedEarly = false;
    void exited.then(() => (exitedEarly = true));
    const ready = () =>
      cachedResponseCount(dir) >= options.build.precacheEntries && options.build.precacheEntries > 0 && extensionIds.every((id) => safeList(join(dir, 'Default', 'Extensions', id)).length > 0);
    while (!ready()) {
      if (exitedEarly) throw new Error('Chromium exited before the service worker had precached the kiosk app');
      if (Date.now() > until) throw new Error(`the service worker had not precached the kiosk app within ${timeoutMs / 1000} s (${cachedResponseCount(dir)} of ${options.build.precacheEntries} files)`);
      await sleep(100);
    }
    // The worker is installed once its precache is complete; give it a moment to activate and its
    // registration to reach the disk, then close Chromium cleanly so every database is flushed.
    await sleep(1000);
    await closeCleanly(child, exited);
    options.onChild?.(null);
    scrub(dir);
    writeFileSync(join(dir, TEMPLATE_STAMP), JSON.stringify({ version: options.build.version, builtAt: new Date().toISOString() }));
    return dir;
  } catch (error) {
    signalGroup(child, 'SIGKILL');
    await Promise.race([exited, sleep(3000)]);
    options.onChild?.(null);
    rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    throw error;
  }
}

/** Removes every personal store and every file of a running Chromium, at the top and in each profile. */
export function scrub(dir: string): void {
  for (const name of RUN_FILES) rmSync(join(dir, name), { force: true });
  for (const profile of safeList(dir).filter((p) => p === 'Default' || /^Profile \d+$/.test(p))) {
    for (const name of [...PERSONAL_STORES, ...RUN_FILES]) rmSync(join(dir, profile, name), { recursive: true, force: true });
  }
}

/** The stores of PERSONAL_STORES still in a profile folder (the tests check a template has none). */
export function personalStoresIn(dir: string): string[] {
  return PERSONAL_STORES.filter((name) => existsSync(join(dir, 'Default', name)));
}

/** A session's profile: a new folder, a copy of the template (copy-on-write where the file system can). */
export function copyTemplate(template: string, root: string): string {
  const dir = mkdtempSync(join(root, 'borne-kiosk-'));
  cpSync(template, dir, { recursive: true, preserveTimestamps: true, mode: 0 });
  rmSync(join(dir, TEMPLATE_STAMP), { force: true });
  return dir;
}

async function closeCleanly(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  // The browser process alone: it closes its renderers itself, after writing its databases.
  child.kill('SIGTERM');
  const timedOut = await Promise.race([exited.then(() => false), sleep(10_000).then(() => true)]);
  // Helpers still up would keep writing into the folder.
  signalGroup(child, 'SIGKILL');
  if (timedOut) await Promise.race([exited, sleep(3000)]);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Signals Chromium's whole process group, or the process alone when it has no group of its own. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // Already gone.
    }
  }
}
