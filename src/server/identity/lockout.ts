import type { Db } from '../store/db';
import { countAttempts, recentFailures } from './identity.repository';

/** Lockout and rate policy for dossier lookups (per dossier across kiosks, and per kiosk). */
export const IDENTIFY_POLICY = {
  windowMs: 15 * 60_000,
  maxFailuresPerDossier: 5,
  maxFailuresPerKiosk: 10,
  maxAttemptsPerMinute: 30,
  sessionMs: 20 * 60_000,
} as const;

/**
 * When the lock on a kiosk (and, if known, on a dossier) lifts; null when nothing is locked.
 * The window slides: a lock holds while `max` failures are younger than the window, so it lifts
 * when the max-th most recent failure leaves it. `dossierKey` is null for a code that names no
 * dossier we could trust (not ours, forged): it then counts for the kiosk only.
 */
export async function lockedUntil(db: Db, scope: { kioskId: string; dossierKey: string | null }, now: Date): Promise<Date | null> {
  const since = new Date(now.getTime() - IDENTIFY_POLICY.windowMs);
  const [kiosk, dossier] = await Promise.all([
    recentFailures(db, { kioskId: scope.kioskId }, since, IDENTIFY_POLICY.maxFailuresPerKiosk),
    scope.dossierKey ? recentFailures(db, { dossierKey: scope.dossierKey }, since, IDENTIFY_POLICY.maxFailuresPerDossier) : Promise.resolve([]),
  ]);
  const lifts = [
    kiosk.length >= IDENTIFY_POLICY.maxFailuresPerKiosk ? kiosk[kiosk.length - 1] : undefined,
    dossier.length >= IDENTIFY_POLICY.maxFailuresPerDossier ? dossier[dossier.length - 1] : undefined,
  ]
    .filter((at): at is Date => at !== undefined)
    .map((at) => at.getTime() + IDENTIFY_POLICY.windowMs);
  return lifts.length ? new Date(Math.max(...lifts)) : null;
}

/** The lockout refusal, with when to try again: the kiosk says « Réessayez dans 15 minutes ». */
export function lockedDetails(retryAt: Date, now: Date): { retryAt: string; retryAfterSeconds: number } {
  return { retryAt: retryAt.toISOString(), retryAfterSeconds: Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000)) };
}

/**
 * Whether the kiosk already made its attempts of the last minute. Every way of finding a person
 * (keypad, courrier code, booking reference) asks this first, so they share one budget.
 */
export async function overAttemptRate(db: Db, kioskId: string, now: Date): Promise<boolean> {
  return (await countAttempts(db, kioskId, new Date(now.getTime() - 60_000))) >= IDENTIFY_POLICY.maxAttemptsPerMinute;
}
