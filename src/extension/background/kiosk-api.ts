import type { HeartbeatBody } from '../../core/fleet/heartbeat';
import type { KioskScreen } from '../../core/help/help-call';
import { kioskHelpTransport } from '../../core/help/help-session';
import type { Language } from '../../core/i18n/languages';
import type { KioskContext } from '../../core/lockdown/bridge';
import { LAUNCHER_CONTROL_URL } from '../../core/lockdown/policy';

/** The kiosk API, called as the kiosk itself (its device token), from the background worker. */
export function kioskApi(context: KioskContext) {
  const base = new URL('/api/kiosk/', context.kioskUrl);
  const call = async <T>(path: string, init: { method?: string; body?: unknown; timeoutMs?: number } = {}): Promise<T> => {
    const response = await fetch(new URL(path, base), {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${context.kioskToken}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.body === undefined ? null : JSON.stringify(init.body),
      signal: AbortSignal.timeout(init.timeoutMs ?? 8000),
    });
    if (!response.ok) throw new Error(`Borne answered ${response.status} to ${path}`);
    return (response.status === 204 ? null : await response.json()) as T;
  };
  // The help calls go through the one protocol module shared with the kiosk page (src/core/help/help-session.ts).
  const help = kioskHelpTransport((path, init) => call<unknown>(path, init));
  return {
    streamUrl: new URL('stream', base).toString(),
    help: help.view,
    callHelp: help.callHelp,
    cancelHelp: help.cancelHelp,
    reportState: (state: { inSession: boolean; screen: KioskScreen; language: Language; guide: { id: string; step: number } | null }) =>
      call<null>('state', { method: 'PUT', body: state }),
    endSession: () => call<null>('session/end', { method: 'POST', timeoutMs: 1500 }),
    /** Renews the kiosk's presence lease while the usager is on an official site (every 15 s). */
    heartbeat: (details?: HeartbeatBody) => call<null>('heartbeat', { method: 'POST', ...(details ? { body: details } : {}) }),
    /** Tells the console a remote action was received, then applied, while the usager is on an official site. */
    ackCommand: (id: string, status: 'acknowledged' | 'done') => call<null>(`commands/${encodeURIComponent(id)}/ack`, { method: 'POST', body: { status } }),
  };
}

/** Asks the launcher on this PC for the hard reset; without a launcher (development) nothing happens. */
export async function requestHardReset(): Promise<boolean> {
  try {
    const response = await fetch(`${LAUNCHER_CONTROL_URL}/reset`, { method: 'POST', signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}
