import { createHash } from 'node:crypto';
import type { DossierView } from '../../core/dossier/dossier';
import { hashToken, newToken } from '../auth/tokens';
import type { AppContext } from '../context';
import type { DossierIdentity, DossierSource } from '../dossier/dossier-source';
import { apiError } from '../errors';
import type { AuthenticatedKiosk } from '../fleet/fleet.service';
import { instanceSecret } from '../store/settings';
import { verifyCourrierCode } from './courrier-token';
import { audit, countAttempts, countFailures, endKioskSessions, findLiveSession, insertUsagerSession, recordAttempt } from './identity.repository';

/** Lockout and rate policy for dossier lookups (per dossier across kiosks, and per kiosk). */
export const IDENTIFY_POLICY = {
  windowMs: 15 * 60_000,
  maxFailuresPerDossier: 5,
  maxFailuresPerKiosk: 10,
  maxAttemptsPerMinute: 30,
  sessionMs: 20 * 60_000,
} as const;

const CODE_KEY = 'courrier-code';

export interface UsagerSession {
  token: string;
  expiresAt: string;
}

export class IdentityService {
  private secret: Promise<string> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly source: DossierSource,
  ) {}

  async byNumber(kiosk: AuthenticatedKiosk, dossierNumber: string, birthDate: string): Promise<UsagerSession> {
    const now = this.ctx.clock();
    await this.checkRate(kiosk, now);
    const key = createHash('sha256').update(`dossier:${dossierNumber}`).digest('hex');
    const identity = await this.source.findByNumber(dossierNumber);
    if (await this.locked(kiosk, key, now)) {
      await audit(this.ctx.db, { kioskId: kiosk.id, dossierId: identity?.id ?? null, action: 'identify', outcome: 'locked', at: now });
      throw apiError('identify_locked');
    }
    if (!identity || identity.birthDate !== birthDate) {
      await recordAttempt(this.ctx.db, kiosk.id, key, false, now);
      const lockedNow = await this.locked(kiosk, key, now);
      await audit(this.ctx.db, { kioskId: kiosk.id, dossierId: identity?.id ?? null, action: lockedNow ? 'lockout' : 'identify', outcome: lockedNow ? 'locked' : 'failure', at: now });
      throw apiError(lockedNow ? 'identify_locked' : 'identify_failed');
    }
    await recordAttempt(this.ctx.db, kiosk.id, key, true, now);
    return this.open(kiosk, identity, now);
  }

  async byCode(kiosk: AuthenticatedKiosk, code: string): Promise<UsagerSession> {
    const now = this.ctx.clock();
    await this.checkRate(kiosk, now);
    const check = verifyCourrierCode(await this.instanceSecret(), code, now);
    const identity = check.ok ? await this.source.findById(check.dossierId) : undefined;
    await recordAttempt(this.ctx.db, kiosk.id, CODE_KEY, Boolean(identity), now);
    if (!check.ok) {
      await audit(this.ctx.db, { kioskId: kiosk.id, dossierId: null, action: 'identify', outcome: 'failure', at: now });
      throw apiError(check.reason === 'not_ours' ? 'code_not_ours' : check.reason === 'expired' ? 'code_expired' : 'code_invalid');
    }
    if (!identity) throw apiError('code_invalid');
    return this.open(kiosk, identity, now);
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
    if (identity.kioskAccess === 'blocked') {
      await audit(this.ctx.db, { kioskId: kiosk.id, dossierId: identity.id, action: 'identify', outcome: 'blocked', at: now });
      throw apiError('dossier_blocked');
    }
    // One usager at a time per kiosk: a new identification ends the previous one.
    await this.endSessions(kiosk);
    const token = newToken();
    const expiresAt = new Date(now.getTime() + IDENTIFY_POLICY.sessionMs);
    await insertUsagerSession(this.ctx.db, { tokenHash: hashToken(token), kioskId: kiosk.id, dossierId: identity.id, at: now, expiresAt });
    await audit(this.ctx.db, { kioskId: kiosk.id, dossierId: identity.id, action: 'identify', outcome: 'success', at: now });
    return { token, expiresAt: expiresAt.toISOString() };
  }

  private async checkRate(kiosk: AuthenticatedKiosk, now: Date): Promise<void> {
    if ((await countAttempts(this.ctx.db, kiosk.id, new Date(now.getTime() - 60_000))) >= IDENTIFY_POLICY.maxAttemptsPerMinute) throw apiError('rate_limited');
  }

  private async locked(kiosk: AuthenticatedKiosk, dossierKey: string, now: Date): Promise<boolean> {
    const since = new Date(now.getTime() - IDENTIFY_POLICY.windowMs);
    const [dossier, kioskFailures] = await Promise.all([countFailures(this.ctx.db, { dossierKey }, since), countFailures(this.ctx.db, { kioskId: kiosk.id }, since)]);
    return dossier >= IDENTIFY_POLICY.maxFailuresPerDossier || kioskFailures >= IDENTIFY_POLICY.maxFailuresPerKiosk;
  }
}
