import type { HeartbeatBody } from '../../core/fleet/heartbeat';
import { ERROR_CODE } from '../../core/fleet/heartbeat';
import { HEARTBEAT_INTERVAL_MS } from '../../core/fleet/presence';

export interface Heartbeat {
  stop(): void;
}

/**
 * Renews the kiosk's presence lease on the server (core/fleet/presence.ts) every 15 s. The
 * stream alone cannot tell the server the kiosk is still there; this request can. A lost beat is
 * not retried: the next one comes soon enough, and the lease outlives two lost beats. Each beat
 * carries what « Parc des bornes » shows of the kiosk (`details`), when given.
 */
export function startHeartbeat(beat: (details?: HeartbeatBody) => Promise<unknown>, intervalMs = HEARTBEAT_INTERVAL_MS, details?: () => Promise<HeartbeatBody>): Heartbeat {
  let stopped = false;
  const timer = setInterval(() => {
    if (stopped) return;
    void (details ? details().catch(() => ({})) : Promise.resolve(undefined)).then((d) => beat(d)).catch(() => undefined);
  }, intervalMs);
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

export interface KioskHealthSource {
  /** Notes an error by its code (never a message: it could quote what a usager typed). */
  record(code: string): void;
  details(): Promise<HeartbeatBody>;
}

const STARTED_KEY = 'borne.startedAt';

/**
 * What the kiosk page tells of itself: its build's version, since when it runs (kept in this
 * tab's sessionStorage, so a trip to an official site and back does not reset the uptime), whether
 * a camera is plugged in (enumerateDevices lists one without asking for permission), and the code
 * of its last error.
 */
export function createKioskHealth(options: { version: string; now?: () => Date; storage?: Pick<Storage, 'getItem' | 'setItem'> | null; devices?: () => Promise<{ kind: string }[]> }): KioskHealthSource {
  const now = options.now ?? (() => new Date());
  let startedAt = now().toISOString();
  try {
    const kept = options.storage?.getItem(STARTED_KEY);
    if (kept && !Number.isNaN(Date.parse(kept))) startedAt = kept;
    else options.storage?.setItem(STARTED_KEY, startedAt);
  } catch {
    // Storage refused (private mode): the uptime counts from this page.
  }
  let lastError: { code: string; at: string } | null = null;
  return {
    record(code) {
      if (ERROR_CODE.test(code)) lastError = { code, at: now().toISOString() };
    },
    async details() {
      const body: HeartbeatBody = { appVersion: options.version, startedAt, lastError };
      try {
        if (options.devices) body.camera = (await options.devices()).some((d) => d.kind === 'videoinput');
      } catch {
        // Unknown: the server keeps what it knew.
      }
      return body;
    },
  };
}

/** The running kiosk page's health, with the window's uncaught errors counted by kind. */
export function pageHealth(): KioskHealthSource {
  const health = createKioskHealth({
    version: (import.meta.env.BORNE_VERSION as string | undefined) ?? '0.0.0-dev',
    storage: typeof sessionStorage === 'undefined' ? null : sessionStorage,
    ...(typeof navigator !== 'undefined' && navigator.mediaDevices?.enumerateDevices ? { devices: () => navigator.mediaDevices.enumerateDevices() } : {}),
  });
  if (typeof window !== 'undefined') {
    window.addEventListener('error', () => health.record('script_error'));
    window.addEventListener('unhandledrejection', () => health.record('unhandled_rejection'));
  }
  return health;
}
