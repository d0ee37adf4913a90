import { HEARTBEAT_INTERVAL_MS } from '../../core/fleet/presence';

export interface Heartbeat {
  stop(): void;
}

/**
 * Renews the kiosk's presence lease on the server (core/fleet/presence.ts) every 15 s. The
 * stream alone cannot tell the server the kiosk is still there; this request can. A lost beat is
 * not retried: the next one comes soon enough, and the lease outlives two lost beats.
 */
export function startHeartbeat(beat: () => Promise<unknown>, intervalMs = HEARTBEAT_INTERVAL_MS): Heartbeat {
  let stopped = false;
  const timer = setInterval(() => {
    if (!stopped) void beat().catch(() => undefined);
  }, intervalMs);
  return {
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
