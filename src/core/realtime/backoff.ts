/**
 * When a stream tries again after it dropped. After a server restart every kiosk and console of
 * the département loses its stream at the same instant: fixed delays would bring them all back
 * in the same few milliseconds, a storm the new process must accept at once. Exponential
 * back-off with full jitter spreads them instead: attempt n waits a uniformly random time in
 * [minMs, min(capMs, firstMaxMs × 2^n)], so the first retry comes within 1–5 s and the
 * reconnections of 5,000 kiosks arrive as a few hundred a second rather than all at once.
 */
export interface BackoffPolicy {
  minMs: number;
  firstMaxMs: number;
  capMs: number;
}

/**
 * The ceiling stops at 15 s: while the server is down a retry costs it nothing (the connection is
 * refused), and once it is back every kiosk must be in again within the 30 s of the target, so
 * the slowest may not be left waiting longer than that.
 */
export const STREAM_BACKOFF: BackoffPolicy = { minMs: 1000, firstMaxMs: 5000, capMs: 15_000 };

/** The upper bound of attempt `attempt`'s delay (attempt 0 is the first retry). */
export function backoffCeiling(attempt: number, policy: BackoffPolicy = STREAM_BACKOFF): number {
  return Math.max(policy.minMs, Math.min(policy.capMs, policy.firstMaxMs * 2 ** Math.min(attempt, 30)));
}

/** The delay before retry number `attempt`; `random` is in [0, 1) (Math.random, or fixed in tests). */
export function backoffDelay(attempt: number, random: () => number = Math.random, policy: BackoffPolicy = STREAM_BACKOFF): number {
  const ceiling = backoffCeiling(attempt, policy);
  return Math.round(policy.minMs + random() * (ceiling - policy.minMs));
}
