import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import { lockAllForTransaction } from '../store/locks';

/**
 * Slows password guessing down, per username and per client address, in the database
 * (sign_in_failures, migration 007): a restart forgets nothing.
 *
 * - Per address: at most ADDRESS_MAX failures in a sliding ADDRESS_WINDOW, whatever the usernames.
 *   Spraying one password over many usernames from one place stops after ADDRESS_MAX tries.
 * - Per username: from USER_MAX failures on (since its last success, within a day), the username
 *   is locked after each failure for a time that doubles (1, 2, 4, 8 min), capped at USER_LOCK_MAX.
 *
 * One username cannot be locked for good by someone else, for two reasons:
 * 1. the lock is bounded in time (USER_LOCK_MAX after the last failure), and
 * 2. during a lock, an address that has no failure on this username since its last success and
 *    is not itself over its limit may still try (a médiateur at the pôle while someone elsewhere
 *    guesses at their account). A wrong password from it makes it a guessing address like the
 *    others: each address gets at most one try per lock, then waits.
 * The price is that an attacker with many addresses gets one guess per address per lock period,
 * which the address limit and scrypt keep slow; being locked out of the console for good by anyone
 * who knows a username would be worse.
 */
export const ADDRESS_MAX = 10;
export const ADDRESS_WINDOW_MS = 15 * 60_000;
export const USER_MAX = 5;
export const USER_LOCK_MIN_MS = 60_000;
export const USER_LOCK_MAX_MS = 15 * 60_000;
/** Failures older than this are forgotten (and purged). */
const MEMORY_MS = 24 * 3600_000;

export type ThrottleDecision =
  | { allowed: true }
  | { allowed: false; scope: 'address' | 'account'; retryAt: Date };

/** When the attempt may go on, `reservation` is the failure row written for it (deleted by release or succeed). */
export type ThrottleReservation = { decision: Extract<ThrottleDecision, { allowed: true }>; reservation: string } | { decision: Extract<ThrottleDecision, { allowed: false }>; reservation: null };

export class LoginThrottle {
  constructor(private readonly db: Db) {}

  /**
   * Judges a sign-in for this username (its keyed hash) from this address and, when it may be
   * checked, counts it as a failure at once, before the password is hashed: the right password
   * then clears it (succeed), anything that is not a verdict on the password gives it back
   * (release). The judgement and the count are one step under a lock on the username and the
   * address, so concurrent attempts, on one instance or several, are judged one after the other
   * and each sees the ones in flight: the limits hold exactly.
   */
  async reserve(usernameKey: string, address: string, now: Date): Promise<ThrottleReservation> {
    return this.db.transaction().execute(async (trx): Promise<ThrottleReservation> => {
      await lockAllForTransaction(trx, [`sign-in:address:${address}`, `sign-in:user:${usernameKey}`]);
      const decision = await judge(trx, usernameKey, address, now);
      if (!decision.allowed) return { decision, reservation: null };
      const id = randomUUID();
      await trx.insertInto('sign_in_failures').values({ id, username_key: usernameKey, address, at: now.toISOString() }).execute();
      return { decision: { allowed: true }, reservation: id };
    });
  }

  /** The attempt was stopped before its password was judged (a full queue): it does not count. */
  async release(reservation: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('id', '=', reservation).execute();
  }

  /** A wrong password: its reservation stays as the failure; what no longer counts is forgotten. */
  async fail(now: Date): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('at', '<=', new Date(now.getTime() - MEMORY_MS).toISOString()).execute();
  }

  /** The right password clears the username's failures; those on other usernames from the same address still count. */
  async succeed(usernameKey: string): Promise<void> {
    await this.db.deleteFrom('sign_in_failures').where('username_key', '=', usernameKey).execute();
  }
}

/** Whether a sign-in for this username from this address may be checked now (see the rules above). */
async function judge(db: Db, usernameKey: string, address: string, now: Date): Promise<ThrottleDecision> {
  const fromAddress = await db
    .selectFrom('sign_in_failures')
    .select('at')
    .where('address', '=', address)
    .where('at', '>', new Date(now.getTime() - ADDRESS_WINDOW_MS).toISOString())
    .orderBy('at', 'asc')
    .execute();
  if (fromAddress.length >= ADDRESS_MAX) {
    // A try frees up when the oldest failure of the window leaves it.
    return { allowed: false, scope: 'address', retryAt: new Date(Date.parse(fromAddress[0]!.at) + ADDRESS_WINDOW_MS) };
  }
  const forUser = await db
    .selectFrom('sign_in_failures')
    .select(['at', 'address'])
    .where('username_key', '=', usernameKey)
    .where('at', '>', new Date(now.getTime() - MEMORY_MS).toISOString())
    .orderBy('at', 'desc')
    .execute();
  if (forUser.length < USER_MAX) return { allowed: true };
  const lockMs = Math.min(USER_LOCK_MAX_MS, USER_LOCK_MIN_MS * 2 ** (forUser.length - USER_MAX));
  const retryAt = new Date(Date.parse(forUser[0]!.at) + lockMs);
  if (retryAt.getTime() <= now.getTime()) return { allowed: true };
  if (!forUser.some((f) => f.address === address)) return { allowed: true };
  return { allowed: false, scope: 'account', retryAt };
}
