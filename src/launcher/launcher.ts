import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { buildTemplate, copyTemplate, fetchBuildVersion, signalGroup, TEMPLATE_STAMP, type BuildVersion } from './profile-template';

/**
 * Runs Chromium for one kiosk and makes every session start clean: at each session end it
 * kills Chromium, deletes the whole profile folder and starts again on a new one (the only reset
 * that is fully trusted: cookies, storage, logins and downloads all go with the folder). After a
 * crash it starts again the same way, so no "restore pages?" bubble and nothing left over.
 *
 * Every session also starts warm: the new folder is a copy of the profile template
 * (`profile-template.ts`), made once at start and again after each update of Borne, which holds
 * the kiosk app's service worker and precache and the installed extension, and nothing personal.
 * A session thus downloads nothing but API answers.
 */
export interface LauncherOptions {
  chromiumPath: string;
  /** The kiosk's address, with its token after #kiosk=. */
  kioskUrl: string;
  /** Where the throwaway profile folders are made (RAM-backed /dev/shm where possible). */
  profileRoot: string;
  /** Extra Chromium switches (printing without dialog, stand-in host rules in tests…). */
  extraArgs?: readonly string[];
  /** Events, never personal data: the token is left out of every message. */
  log?: (event: string, details?: Record<string, string | number>) => void;
  /** Wait before a restart after a crash; doubled for each crash that follows a short run. */
  restartDelayMs?: number;
  /** The longest wait between restarts when Chromium keeps crashing at once (no display, bad flag…). */
  maxRestartDelayMs?: number;
  spawn?: (command: string, args: readonly string[]) => ChildProcess;
  /**
   * The kiosk app's service worker, whose hash names Borne's build: the launcher builds the
   * profile template from it and builds it again when it changes. Default: sw.js next to the
   * kiosk's address, when the real Chromium is run (a stand-in `spawn` has no service worker, so
   * no template then); null: no template, each session on an empty profile.
   */
  serviceWorkerUrl?: string | null;
  /** The longest a template build may take before the launcher gives up on it (default 60 s). */
  templateTimeoutMs?: number;
}

/**
 * ServiceWorkerAutoPreload off: Chromium would otherwise fetch every navigation from the network
 * while the worker starts, and each new session would download the kiosk's index.html for nothing.
 */
export const KIOSK_SWITCHES = ['--kiosk', '--no-first-run', '--noerrdialogs', '--disable-session-crashed-bubble', '--overscroll-history-navigation=0', '--disable-translate', '--password-store=basic', '--no-default-browser-check', '--disable-features=ServiceWorkerAutoPreload'];

export class KioskLauncher {
  private child: ChildProcess | null = null;
  private profile: string | null = null;
  private stopping = false;
  private restartTimer: NodeJS.Timeout | undefined;
  private resetting: Promise<void> | null = null;
  /** Profile folders a first delete could not remove. */
  private leftovers: string[] = [];
  private startedAt = 0;
  private restartDelay = 0;
  /** How many Chromium runs were started: the first start, resets and crash restarts (template builds do not count). */
  runs = 0;
  private template: { dir: string; build: BuildVersion } | null = null;
  private templating: Promise<void> | null = null;
  private templateChild: ChildProcess | null = null;
  private readonly serviceWorkerUrl: string | null;
  private stoppedForGood = false;
  private spare: { dir: string; of: string } | null = null;
  private preparing = false;

  constructor(private readonly options: LauncherOptions) {
    this.serviceWorkerUrl = options.serviceWorkerUrl !== undefined ? options.serviceWorkerUrl : options.spawn ? null : new URL('sw.js', options.kioskUrl).toString();
  }

  /** The folder of the current run's profile (tests check it changes and the old one is gone). */
  get profileDir(): string | null {
    return this.profile;
  }

  /** The profile template sessions are copied from, once built (null before, or without one). */
  get templateDir(): string | null {
    return this.template?.dir ?? null;
  }

  /** The build of Borne the template holds (the hash of its sw.js). */
  get templateVersion(): string | null {
    return this.template?.build.version ?? null;
  }

  /**
   * Starts the kiosk: first the profile template, before any session (a server out of reach, or a
   * build that fails, only means this session starts cold: the next resets try again), then the
   * first session on a copy of it.
   */
  async start(): Promise<void> {
    this.stoppedForGood = false;
    await this.refreshTemplate();
    // Stopped meanwhile, or a reset asked for during the build already started a session.
    if (this.stoppedForGood || this.child) return;
    this.launch();
  }

  /** Resolves once the template matches the server's build, or once building it has failed. */
  refreshTemplate(): Promise<void> {
    if (!this.serviceWorkerUrl) return Promise.resolve();
    const serviceWorkerUrl = this.serviceWorkerUrl;
    this.templating ??= (async () => {
      let build: BuildVersion;
      try {
        build = await fetchBuildVersion(serviceWorkerUrl, this.template?.build);
      } catch (error) {
        this.log('profile template: Borne\'s build not known, template kept as it is', { reason: (error as Error).message.slice(0, 200) });
        return;
      }
      if (this.template?.build.version === build.version) return;
      const startedAt = Date.now();
      try {
        const dir = await buildTemplate({
          chromiumPath: this.options.chromiumPath,
          args: templateArgs(this.options.extraArgs ?? []),
          kioskUrl: this.options.kioskUrl,
          root: this.options.profileRoot,
          build,
          timeoutMs: this.options.templateTimeoutMs ?? 60_000,
          ...(this.options.spawn ? { spawn: this.options.spawn } : {}),
          onChild: (child) => (this.templateChild = child),
        });
        if (this.stoppedForGood) {
          rmSync(dir, { recursive: true, force: true });
          return;
        }
        const old = this.template;
        this.template = { dir, build };
        if (old) rmSync(old.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
        this.log('profile template built', { ms: Date.now() - startedAt, precached: build.precacheEntries, version: build.version.slice(0, 12) });
      } catch (error) {
        this.log('profile template not built, sessions start from an empty profile', { reason: (error as Error).message.slice(0, 200) });
      }
    })().finally(() => (this.templating = null));
    return this.templating;
  }

  /** One session's Chromium, on a new folder: a copy of the template, or empty without one. */
  private launch(): void {
    this.stopping = false;
    this.profile = this.newProfile();
    const args = [...KIOSK_SWITCHES, ...(this.options.extraArgs ?? []), `--user-data-dir=${this.profile}`, `--app=${this.options.kioskUrl}`];
    // Its own process group: renderers and helpers go with it when it is killed or crashes.
    const child = (this.options.spawn ?? ((c, a) => nodeSpawn(c, [...a], { stdio: 'ignore', detached: true })))(this.options.chromiumPath, args);
    this.child = child;
    this.runs++;
    this.startedAt = Date.now();
    this.log('chromium started', { run: this.runs, pid: child.pid ?? 0 });
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = null;
      if (this.stopping) return;
      // Not asked for: a crash. Its helpers may still hold the profile: stop them, throw the
      // profile away too, and start clean.
      this.log('chromium stopped unexpectedly', { code: code ?? -1, signal: signal ?? 'none' });
      signalGroup(child, 'SIGKILL');
      this.dropProfile();
      const delay = this.nextRestartDelay();
      this.log('restarting', { inMs: delay });
      this.restartTimer = setTimeout(() => this.launch(), delay);
    });
  }

  private newProfile(): string {
    if (this.template) {
      try {
        const spare = this.spare;
        this.spare = null;
        // A copy made ahead, during the session before: the reset does not wait for the copy.
        const dir = spare && spare.of === this.template.dir ? spare.dir : copyTemplate(this.template.dir, this.options.profileRoot);
        if (spare && spare.dir !== dir) this.trash(spare.dir);
        void this.prepareSpare();
        return dir;
      } catch (error) {
        this.log('profile template not copied, this session starts from an empty profile', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      }
    }
    return mkdtempSync(join(this.options.profileRoot, 'borne-kiosk-'));
  }

  /**
   * The next session's folder, copied from the template now, while this session runs: a copy no
   * Chromium has opened yet, taken as it is at the next reset (or thrown away if the template
   * changed meanwhile).
   */
  private async prepareSpare(): Promise<void> {
    const template = this.template;
    if (!template || this.spare || this.preparing || this.stoppedForGood) return;
    this.preparing = true;
    try {
      const dir = await mkdtemp(join(this.options.profileRoot, 'borne-kiosk-'));
      await cp(template.dir, dir, { recursive: true, preserveTimestamps: true });
      await rm(join(dir, TEMPLATE_STAMP), { force: true });
      if (this.template !== template || this.spare || this.stoppedForGood) await rm(dir, { recursive: true, force: true });
      else this.spare = { dir, of: template.dir };
    } catch (error) {
      this.log('next profile not copied ahead, copied at the reset', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
    } finally {
      this.preparing = false;
    }
  }

  /**
   * A crash after a long run restarts at once; a Chromium that keeps dying within seconds (no
   * display yet at boot, a broken flag) is retried less and less often, so the PC is not
   * flooded with restarts and the journal stays readable.
   */
  private nextRestartDelay(): number {
    const base = this.options.restartDelayMs ?? 1000;
    const ranBriefly = Date.now() - this.startedAt < Math.max(10_000, base * 10);
    this.restartDelay = ranBriefly && this.restartDelay > 0 ? Math.min(this.restartDelay * 2, this.options.maxRestartDelayMs ?? 30_000) : base;
    return this.restartDelay;
  }

  /** Session end: kill, delete the profile, start again. Concurrent calls share one reset. */
  reset(): Promise<void> {
    this.resetting ??= (async () => {
      this.log('session end: hard reset');
      // The profile is thrown away: no need for Chromium to close it cleanly.
      await this.kill('SIGKILL');
      this.dropProfile();
      this.launch();
      // After the new session is up: has Borne been updated? Then a new template is built beside
      // it (headless, never shown), and the sessions after this one start from it.
      void this.refreshTemplate();
    })().finally(() => (this.resetting = null));
    return this.resetting;
  }

  async stop(): Promise<void> {
    this.stoppedForGood = true;
    clearTimeout(this.restartTimer);
    if (this.templateChild) signalGroup(this.templateChild, 'SIGKILL');
    await this.templating;
    await this.kill();
    this.dropProfile();
    if (this.spare) rmSync(this.spare.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    this.spare = null;
    if (this.template) rmSync(this.template.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    this.template = null;
    this.log('launcher stopped');
  }

  private async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      const force = setTimeout(() => signalGroup(child, 'SIGKILL'), 3000);
      child.once('exit', () => {
        clearTimeout(force);
        resolve();
      });
      signalGroup(child, signal);
    });
    // Whatever of the group outlived the main process would still write into the profile.
    signalGroup(child, 'SIGKILL');
    this.child = null;
  }

  /**
   * Deletes the profile folder: renamed at once (no session ever finds it again), then deleted
   * without holding up the next start. A helper process still closing may hold it for a moment:
   * retry, and if it still fails, keep its name to delete at the next reset. The next run never
   * reuses it either way: it gets a new folder.
   */
  private dropProfile(): void {
    const folders = [...this.leftovers, ...(this.profile ? [this.profile] : [])];
    this.leftovers = [];
    this.profile = null;
    for (const folder of folders) this.trash(folder);
  }

  private trash(folder: string): void {
    let doomed = folder;
    try {
      doomed = folder.endsWith('.deleting') ? folder : `${folder}.deleting`;
      renameSync(folder, doomed);
    } catch {
      doomed = folder;
    }
    rm(doomed, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).then(
      () => this.log('profile deleted'),
      (error: NodeJS.ErrnoException) => {
        this.leftovers.push(doomed);
        this.log('profile not deleted yet, retried at the next reset', { code: error.code ?? 'unknown' });
      },
    );
  }

  private log(event: string, details?: Record<string, string | number>): void {
    this.options.log?.(event, details);
  }
}

/** The template run's switches: the session's, headless (it is never shown), without a DevTools port. */
export function templateArgs(extraArgs: readonly string[]): string[] {
  return [...KIOSK_SWITCHES, ...extraArgs.filter((a) => !/^--(remote-debugging-(port|pipe)|headless)\b/.test(a)), '--headless'];
}

/**
 * The launcher's loopback control: POST /reset asks for the hard reset (the kiosk page and the
 * companion extension call it at session end). A plain request with no body needs no CORS
 * preflight; anything on the PC may call it, and all it can do is wipe the kiosk.
 */
export async function startControl(launcher: Pick<KioskLauncher, 'reset' | 'runs'>, port: number, host = '127.0.0.1'): Promise<{ port: number; server: Server }> {
  const server = createServer((req, res) => {
    if (req.method === 'OPTIONS') {
      // Chromium's Private Network Access preflight: the kiosk page (LAN) calling loopback.
      res
        .writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'access-control-allow-private-network': 'true' })
        .end();
    } else if (req.method === 'POST' && req.url === '/reset') {
      void launcher.reset();
      res.writeHead(202, { 'access-control-allow-origin': '*' }).end();
    } else if (req.method === 'GET' && req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ runs: launcher.runs }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { port: (server.address() as AddressInfo).port, server };
}
