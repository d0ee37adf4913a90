/**
 * Queue position and estimated wait for a help call.
 *
 * A call is answered when a médiateur becomes free. With `onDuty` médiateurs, the call at
 * position p is served in round ceil(p / onDuty); each round lasts a typical handling time,
 * and the first round also has the walk-over time (response time) seen recently at the site.
 */
export interface ServiceHistory {
  /** Seconds from call to claim, for recent calls of the site. */
  responseSeconds: readonly number[];
  /** Seconds from claim to resolve, for recent calls of the site. */
  handlingSeconds: readonly number[];
}

/** Used until the site has enough history of its own. */
export const DEFAULT_RESPONSE_SECONDS = 120;
export const DEFAULT_HANDLING_SECONDS = 300;
const MIN_SAMPLES = 3;

export function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function queuePosition<T extends { id: string; createdAt: string }>(waiting: readonly T[], callId: string): number | null {
  const ordered = [...waiting].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const index = ordered.findIndex((c) => c.id === callId);
  return index === -1 ? null : index + 1;
}

export function estimateWait(input: { position: number; onDuty: number; history: ServiceHistory }): { minMinutes: number; maxMinutes: number } | null {
  if (input.onDuty <= 0 || input.position < 1) return null;
  const response = input.history.responseSeconds.length >= MIN_SAMPLES ? median(input.history.responseSeconds)! : DEFAULT_RESPONSE_SECONDS;
  const handling = input.history.handlingSeconds.length >= MIN_SAMPLES ? median(input.history.handlingSeconds)! : DEFAULT_HANDLING_SECONDS;
  const roundsBefore = Math.floor((input.position - 1) / input.onDuty);
  const seconds = response + roundsBefore * handling;
  // A range reads more honestly than a single figure; never promise less than a minute.
  const minMinutes = Math.max(1, Math.floor(seconds / 60));
  const maxMinutes = Math.max(minMinutes + 1, Math.ceil((seconds * 1.5) / 60));
  return { minMinutes, maxMinutes };
}
