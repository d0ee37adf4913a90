import { createHmac } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { clientAddress, recordStaffAction } from '../audit/staff-audit';
import type { AppContext } from '../context';
import { publish } from '../context';
import { apiError } from '../errors';
import { clearDuty, listDuty, setDuty } from '../fleet/duty.repository';
import { instanceSecret } from '../store/settings';
import { HashGate } from './hash-gate';
import { LoginThrottle, type ThrottleDecision } from './login-throttle';
import { DUMMY_HASH, verifyPassword, type PasswordVerifier } from './password';
import { deleteSession, findSessionUser, findStaffByUsername, insertSession, type StaffUser } from './staff.repository';
import { hashToken, newToken } from './tokens';

export const STAFF_COOKIE = 'borne_staff';
/** A working day and a bit: a médiateur signs in once in the morning. */
export const SESSION_HOURS = 10;

/** How sign-in is bounded; the defaults suit a département's few dozen staff accounts. */
export interface SignInOptions {
  /** The password check; tests wrap it to count how many run at once. */
  verifyPassword?: PasswordVerifier;
  /** Hashes running at once (each takes a threadpool thread and 128 MiB). */
  maxConcurrentHashes?: number;
  /** Sign-ins waiting for a hash slot; beyond, 503 sign_in_busy. */
  maxQueuedHashes?: number;
  /** Sign-ins from one address being checked at once; beyond, 429: one address cannot fill the line. */
  maxPendingPerAddress?: number;
}

/** One hash at a time keeps a core for the event loop on a two-core server; 8 in line is ~2 s. */
export const SIGN_IN_DEFAULTS = { maxConcurrentHashes: 1, maxQueuedHashes: 8 } as const;

type SignInOutcome = 'wrong_credentials' | 'account_locked' | 'address_locked';

export class AuthService {
  private readonly throttle: LoginThrottle;
  private readonly gate: HashGate;
  private readonly verify: PasswordVerifier;
  private readonly maxPendingPerAddress: number;
  private readonly pending = new Map<string, number>();
  private secret: Promise<string> | undefined;

  constructor(
    private readonly ctx: AppContext,
    options: SignInOptions = {},
  ) {
    this.throttle = new LoginThrottle(ctx.db);
    this.gate = new HashGate(options.maxConcurrentHashes ?? SIGN_IN_DEFAULTS.maxConcurrentHashes, options.maxQueuedHashes ?? SIGN_IN_DEFAULTS.maxQueuedHashes);
    this.verify = options.verifyPassword ?? verifyPassword;
    this.maxPendingPerAddress = options.maxPendingPerAddress ?? 4;
  }

  /**
   * Throttle first (no hash is spent on a refused attempt), then one bounded scrypt whether or not
   * the username exists. Every attempt is audited, by staff id when the username is known; the
   * password never is, nor an unknown username (it may be a password typed in the wrong field).
   */
  async login(username: string, password: string, address: string | null): Promise<{ token: string; user: StaffUser; expiresAt: Date }> {
    // A full line refuses before anything else is done: a flood must cost as little as possible.
    this.gate.assertRoom();
    const key = username.toLowerCase();
    const from = address ?? 'unknown';
    const usernameKey = await this.usernameKey(key);
    // The attempt is counted as a failure from here on (see LoginThrottle.reserve): the limits
    // hold across instances and concurrent requests. Until the password is judged, `reservation`
    // is given back if the attempt stops for another reason.
    const judgement = await this.throttle.reserve(usernameKey, from, this.ctx.clock());
    if (judgement.reservation === null) {
      const { decision } = judgement;
      const target = await findStaffByUsername(this.ctx.db, key);
      await this.auditFailure(target?.id ?? null, address, decision.scope === 'account' ? 'account_locked' : 'address_locked');
      throw lockedError(decision, this.ctx.clock());
    }
    const { reservation } = judgement;
    let judged = false;
    const pending = this.pending.get(from) ?? 0;
    if (pending >= this.maxPendingPerAddress) {
      await this.throttle.release(reservation);
      throw apiError('rate_limited', undefined, undefined, { retryAfterSeconds: 5 });
    }
    this.pending.set(from, pending + 1);
    try {
      const user = await findStaffByUsername(this.ctx.db, key);
      // An account still waiting for its setup link has no password (''): it is checked against
      // the dummy hash like an unknown username, so it costs the same and is refused the same.
      const stored = user?.passwordHash ? user.passwordHash : DUMMY_HASH;
      const ok = (await this.gate.run(() => this.verify(password, stored))) && stored !== DUMMY_HASH;
      judged = true;
      const now = this.ctx.clock();
      if (!user || !ok) {
        await this.throttle.fail(now);
        await this.auditFailure(user?.id ?? null, address, 'wrong_credentials');
        throw apiError('staff_bad_credentials');
      }
      await this.throttle.succeed(usernameKey);
      const token = newToken();
      const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
      await insertSession(this.ctx.db, hashToken(token), user.id, now, expiresAt);
      await recordStaffAction(this.ctx.db, { staffId: user.id, action: 'sign_in', address, at: now });
      const { passwordHash: _p, ...safe } = user;
      void _p;
      return { token, user: safe, expiresAt };
    } catch (error) {
      if (!judged) await this.throttle.release(reservation);
      throw error;
    } finally {
      const left = (this.pending.get(from) ?? 1) - 1;
      if (left > 0) this.pending.set(from, left);
      else this.pending.delete(from);
    }
  }

  async logout(request: FastifyRequest): Promise<void> {
    const token = request.cookies[STAFF_COOKIE];
    if (!token) return;
    const user = await findSessionUser(this.ctx.db, hashToken(token), this.ctx.clock());
    await deleteSession(this.ctx.db, hashToken(token));
    if (!user) return;
    await recordStaffAction(this.ctx.db, { staffId: user.id, action: 'sign_out', address: clientAddress(request), at: this.ctx.clock() });
    // Signing out ends the duty too: kiosks must not count someone who went home.
    await this.setDuty(user, null);
  }

  async authenticate(request: FastifyRequest): Promise<StaffUser> {
    const token = request.cookies[STAFF_COOKIE];
    if (!token) throw apiError('staff_unauthenticated');
    const user = await findSessionUser(this.ctx.db, hashToken(token), this.ctx.clock());
    if (!user) throw apiError('staff_unauthenticated');
    return user;
  }

  async setDuty(user: StaffUser, siteId: string | null): Promise<void> {
    if (siteId !== null && !this.ctx.sites.has(siteId)) throw apiError('site_unknown');
    const previous = siteId === null ? await clearDuty(this.ctx.db, user.id) : await setDuty(this.ctx.db, user.id, siteId, this.ctx.clock());
    for (const site of new Set([previous, siteId])) {
      if (site) await publish(this.ctx, site, { type: 'duty', onDuty: await listDuty(this.ctx.db, site) });
    }
  }

  /** A keyed hash: the throttle table never holds a username, nor a password typed in its place. */
  private async usernameKey(username: string): Promise<string> {
    this.secret ??= instanceSecret(this.ctx.db);
    return createHmac('sha256', await this.secret).update(`sign-in-username:${username}`).digest('base64url');
  }

  private async auditFailure(staffId: string | null, address: string | null, outcome: SignInOutcome): Promise<void> {
    await recordStaffAction(this.ctx.db, { staffId, action: 'sign_in_failed', after: { outcome }, address, at: this.ctx.clock() });
  }
}

function lockedError(decision: Extract<ThrottleDecision, { allowed: false }>, now: Date) {
  const seconds = Math.max(1, Math.ceil((decision.retryAt.getTime() - now.getTime()) / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait = `try again in ${minutes} minute${minutes > 1 ? 's' : ''}`;
  const message = decision.scope === 'account' ? `Too many failed sign-ins for this account: ${wait}.` : `Too many failed sign-ins from this network address: ${wait}.`;
  return apiError('staff_locked', undefined, message, { scope: decision.scope, retryAt: decision.retryAt.toISOString(), retryAfterSeconds: seconds });
}
