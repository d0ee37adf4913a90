import type { DossierView } from '../../core/dossier/dossier';
import { hashToken, newToken } from '../auth/tokens';
import type { AppContext } from '../context';
import type { DossierIdentity, DossierSource } from '../dossier/dossier-source';
import { apiError, type ErrorCode } from '../errors';
import type { AuthenticatedKiosk } from '../fleet/fleet.service';
import { lockAllForTransaction } from '../store/locks';
import { instanceSecret } from '../store/settings';
import { attemptKeyer, type AttemptKeyer, type AttemptKind } from './attempt-key';
import { verifyCourrierCode } from './courrier-token';
import { audit, endKioskSessions, findLiveSession, insertUsagerSession, purgeAttempts, recordAttempt } from './identity.repository';
import { IDENTIFY_POLICY, lockedDetails, lockedUntil, overAttemptRate } from './lockout';

export { IDENTIFY_POLICY } from './lockout';

export interface UsagerSession {
  token: string;
  expiresAt: string;
}

/** One identification attempt, whichever way the usager came: what it is about, and how it went. */
interface Attempt {
  /** Keyed hash of the dossier the attempt is about; null when nothing trustworthy names one (a forged or foreign code). */
  dossierKey: string | null;
  /** The dossier, when one matched (for the audit and to open it). */
  identity: DossierIdentity | undefined;
  /** Why it is refused before the dossier's own rules (wrong date, bad code), or null. */
  refusal: ErrorCode | null;
}

const CODE_REFUSAL = { not_ours: 'code_not_ours', forged: 'code_invalid', expired: 'code_expired' } as const satisfies Record<string, ErrorCode>;

export class IdentityService {
  private secret: Promise<string> | undefined;
  private keyer: Promise<AttemptKeyer> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly source: DossierSource,
  ) {}

  async byNumber(kiosk: AuthenticatedKiosk, dossierNumber: string, birthDate: string): Promise<UsagerSession> {
    const now = this.ctx.clock();
    await this.checkRate(kiosk, now);
    const identity = await this.source.findByNumber(dossierNumber);
    // A known dossier is counted by its id, so the keypad and the courrier code add up on it;
    // a number that matches nothing is still counted, by its keyed hash.
    const dossierKey = identity ? await this.attemptKey('dossier', identity.id) : await this.attemptKey('number', dossierNumber);
    return this.attempt(kiosk, { dossierKey, identity, refusal: identity && identity.birthDate === birthDate ? null : 'identify_failed' }, now);
  }

  async byCode(kiosk: AuthenticatedKiosk, code: string): Promise<UsagerSession> {
    const now = this.ctx.clock();
    await this.checkRate(kiosk, now);
    const check = verifyCourrierCode(await this.instanceSecret(), code, now);
    // An expired code was still signed by us: it names its dossier, which it counts against.
    const dossierId = check.ok || check.reason === 'expired' ? check.dossierId : undefined;
    const identity = dossierId ? await this.source.findById(dossierId) : undefined;
    const dossierKey = dossierId ? await this.attemptKey('dossier', dossierId) : null;
    const refusal = !check.ok ? CODE_REFUSAL[check.reason] : identity ? null : 'code_invalid';
    return this.attempt(kiosk, { dossierKey, identity, refusal }, now);
  }

  /** Keyed hash of what an attempt is about (see attempt-key.ts); the booking lookup uses it too. */
  async attemptKey(kind: AttemptKind, value: string): Promise<string> {
    this.keyer ??= this.instanceSecret().then(attemptKeyer);
    return (await this.keyer)(kind, value);
  }

  /** Deletes attempts the lockout no longer looks at (called by the server's sweep). */
  async purgeAttempts(now: Date): Promise<void> {
    await purgeAttempts(this.ctx.db, new Date(now.getTime() - IDENTIFY_POLICY.windowMs));
  }

  /**
   * The rules every way in obeys: a locked kiosk or dossier refuses at once (not counted, so the
   * announced retry time holds); a failure or a refusal, a blocked dossier included, counts
   * toward both lockouts; only then does the dossier open.
   */
  private async attempt(kiosk: AuthenticatedKiosk, attempt: Attempt, now: Date): Promise<UsagerSession> {
    const scope = { kioskId: kiosk.id, dossierKey: attempt.dossierKey };
    const dossierId = attempt.identity?.id ?? null;
    const identity = attempt.identity;
    const refusal = attempt.refusal ?? (!identity ? 'code_invalid' : identity.kioskAccess === 'blocked' ? 'dossier_blocked' : null);
    const recordedKey = attempt.dossierKey ?? (await this.attemptKey(refusal !== null || !identity ? 'unverified-code' : 'dossier', refusal !== null || !identity ? kiosk.id : identity.id));
    // The lock check and the attempt it lets through are one step per kiosk and dossier: two
    // instances (or two requests) cannot both see "4 failures" and both try a 5th guess.
    const locks = [`identify:kiosk:${kiosk.id}`, ...(attempt.dossierKey ? [`identify:dossier:${attempt.dossierKey}`] : [])];
    const verdict = await this.ctx.db.transaction().execute(async (trx): Promise<{ lockedUntil: Date } | { refusal: ErrorCode } | { ok: true }> => {
      await lockAllForTransaction(trx, locks);
      const lockedBefore = await lockedUntil(trx, scope, now);
      if (lockedBefore) {
        await audit(trx, { kioskId: kiosk.id, dossierId, action: 'identify', outcome: 'locked', at: now });
        return { lockedUntil: lockedBefore };
      }
      if (refusal !== null || !identity) {
        await recordAttempt(trx, kiosk.id, recordedKey, false, now);
        const lockedNow = await lockedUntil(trx, scope, now);
        const outcome = lockedNow ? 'locked' : refusal === 'dossier_blocked' ? 'blocked' : 'failure';
        await audit(trx, { kioskId: kiosk.id, dossierId, action: lockedNow ? 'lockout' : 'identify', outcome, at: now });
        return lockedNow ? { lockedUntil: lockedNow } : { refusal: refusal ?? 'code_invalid' };
      }
      await recordAttempt(trx, kiosk.id, recordedKey, true, now);
      return { ok: true };
    });
    // Thrown after the commit: a refused attempt is counted and audited, never rolled back.
    if ('lockedUntil' in verdict) throw this.lockedError(verdict.lockedUntil, now);
    if ('refusal' in verdict || !identity) throw apiError('refusal' in verdict ? verdict.refusal : 'code_invalid');
    return this.open(kiosk, identity, now);
  }

  private lockedError(retryAt: Date, now: Date) {
    return apiError('identify_locked', undefined, undefined, lockedDetails(retryAt, now));
  }

  /** The dossier of the kiosk's live usager session: refused from any other kiosk. */
  async dossier(kiosk: AuthenticatedKiosk, token: string | undefined): Promise<DossierView> {
    return this.source.view((await this.sessionDossier(kiosk, token)).id, this.ctx.clock());
  }

  /** Who the kiosk's live usager session is about; refused from any other kiosk. */
  async sessionDossier(kiosk: AuthenticatedKiosk, token: string | undefined): Promise<DossierIdentity> {
    const session = token ? await findLiveSession(this.ctx.db, hashToken(token), this.ctx.clock()) : undefined;
    const identity = session && session.kioskId === kiosk.id ? await this.source.findById(session.dossierId) : undefined;
    if (!identity) throw apiError('usager_session_invalid');
    // Blocked by staff while the session was open: it stays blocked, whatever way it was opened.
    if (identity.kioskAccess === 'blocked') throw apiError('dossier_blocked');
    return identity;
  }

  async endSessions(kiosk: AuthenticatedKiosk): Promise<void> {
    const now = this.ctx.clock();
    for (const dossierId of await endKioskSessions(this.ctx.db, kiosk.id, now)) {
      await audit(this.ctx.db, { kioskId: kiosk.id, dossierId, action: 'session_end', outcome: 'ended', at: now });
    }
  }

  instanceSecret(): Promise<string> {
    this.secret ??= instanceSecret(this.ctx.db);
    return this.secret;
  }

  private async open(kiosk: AuthenticatedKiosk, identity: DossierIdentity, now: Date): Promise<UsagerSession> {
    // One usager at a time per kiosk: a new identification ends the previous one.
    await this.endSessions(kiosk);
    const token = newToken();
    const expiresAt = new Date(now.getTime() + IDENTIFY_POLICY.sessionMs);
    await insertUsagerSession(this.ctx.db, { tokenHash: hashToken(token), kioskId: kiosk.id, dossierId: identity.id, at: now, expiresAt });
    await audit(this.ctx.db, { kioskId: kiosk.id, dossierId: identity.id, action: 'identify', outcome: 'success', at: now });
    return { token, expiresAt: expiresAt.toISOString() };
  }

  private async checkRate(kiosk: AuthenticatedKiosk, now: Date): Promise<void> {
    if (await overAttemptRate(this.ctx.db, kiosk.id, now)) throw apiError('rate_limited');
  }

}
