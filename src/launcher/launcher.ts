import { spawn as nodeSpawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

/**
 * Runs Chromium for one kiosk and makes every session start from nothing: at each session end it
 * kills Chromium, deletes the whole profile folder and starts again on a new one (the only reset
 * that is fully trusted: cookies, storage, logins and downloads all go with the folder). After a
 * crash it starts again the same way, so no "restore pages?" bubble and nothing left over.
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
}

export const KIOSK_SWITCHES = ['--kiosk', '--no-first-run', '--noerrdialogs', '--disable-session-crashed-bubble', '--overscroll-history-navigation=0', '--disable-translate', '--password-store=basic', '--no-default-browser-check'];

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
  /** How many Chromium runs were started: the first start, resets and crash restarts. */
  runs = 0;

  constructor(private readonly options: LauncherOptions) {}

  /** The folder of the current run's profile (tests check it changes and the old one is gone). */
  get profileDir(): string | null {
    return this.profile;
  }

  start(): void {
    this.stopping = false;
    this.profile = mkdtempSync(join(this.options.profileRoot, 'borne-kiosk-'));
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
      this.restartTimer = setTimeout(() => this.start(), delay);
    });
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
      await this.kill();
      this.dropProfile();
      this.start();
    })().finally(() => (this.resetting = null));
    return this.resetting;
  }

  async stop(): Promise<void> {
    clearTimeout(this.restartTimer);
    await this.kill();
    this.dropProfile();
    this.log('launcher stopped');
  }

  private async kill(): Promise<void> {
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
      signalGroup(child, 'SIGTERM');
    });
    // Whatever of the group outlived the main process would still write into the profile.
    signalGroup(child, 'SIGKILL');
    this.child = null;
  }

  /**
   * Deletes the profile folder. A helper process still closing may hold it for a moment: retry,
   * and if it still fails, keep its name to delete at the next reset. The next run never reuses
   * it either way: it gets a new folder.
   */
  private dropProfile(): void {
    const folders = [...this.leftovers, ...(this.profile ? [this.profile] : [])];
    this.leftovers = [];
    this.profile = null;
    for (const folder of folders) {
      try {
        rmSync(folder, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
        this.log('profile deleted');
      } catch (error) {
        this.leftovers.push(folder);
        this.log('profile not deleted yet, retried at the next reset', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      }
    }
  }

  private log(event: string, details?: Record<string, string | number>): void {
    this.options.log?.(event, details);
  }
}

/** Signals Chromium's whole process group, or the process alone when it has no group of its own. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
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
