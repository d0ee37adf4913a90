/**
 * Presence as a lease. A kiosk proves it is alive only by asking something of the server (a
 * heartbeat, a state report, opening its stream): an open stream alone proves nothing, since a
 * PC that lost power leaves a half-open TCP connection that the server can write into for many
 * minutes. The kiosk renews every HEARTBEAT_INTERVAL_MS; the lease survives two lost beats, and
 * the server's sweep (every 2 s) shows the kiosk offline within 45 s of its last sign of life.
 */
export const HEARTBEAT_INTERVAL_MS = 15_000;
export const LEASE_MS = 40_000;

/** When the lease of a kiosk last seen at `lastSeenAt` runs out; null if it never was seen. */
export function leaseEnd(lastSeenAt: string | null): number | null {
  return lastSeenAt ? Date.parse(lastSeenAt) + LEASE_MS : null;
}

export function isOnline(lastSeenAt: string | null, now: Date): boolean {
  const end = leaseEnd(lastSeenAt);
  return end !== null && now.getTime() < end;
}

/**
 * The kiosks whose lease ended after `since` and up to `now` are those last seen in this window
 * (ISO strings of one format compare as times): the sweep reads only them, from an index, instead
 * of every kiosk of every pôle every 2 s.
 */
export function leaseEndedWindow(since: number, now: number): { afterIso: string; upToIso: string } {
  return { afterIso: new Date(since - LEASE_MS).toISOString(), upToIso: new Date(now - LEASE_MS).toISOString() };
}

/**
 * A call left waiting on a kiosk that went away has nobody to help any more: it expires once the
 * kiosk has been offline for the site's `offlineExpiryMinutes`. A kiosk never seen counts as
 * offline since the call was made.
 */
export function offlineCallExpired(lastSeenAt: string | null, callCreatedAt: string, now: Date, offlineExpiryMinutes: number): boolean {
  if (isOnline(lastSeenAt, now)) return false;
  const since = Math.max(leaseEnd(lastSeenAt) ?? 0, Date.parse(callCreatedAt));
  return now.getTime() - since >= offlineExpiryMinutes * 60_000;
}
