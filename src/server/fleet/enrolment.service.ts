import { createHmac, hkdfSync, randomInt } from 'node:crypto';
import { ENROLMENT_ALPHABET, ENROLMENT_CODE_LENGTH, ENROLMENT_CODE_MINUTES, formatEnrolmentCode, type EnrolmentCodeView, type EnrolmentRedeemed } from '../../core/fleet/enrolment';
import type { KioskConfig, SiteConfig } from '../../core/site/site-config';
import { recordStaffAction } from '../audit/staff-audit';
import { authorize } from '../auth/policy';
import type { StaffUser } from '../auth/staff.repository';
import { hashToken, newToken } from '../auth/tokens';
import { validateSite } from '../config/site-loader';
import { publish, type AppContext } from '../context';
import { apiError, ApiError } from '../errors';
import type { HelpService } from '../help/help.service';
import { lockedDetails } from '../identity/lockout';
import type { IdentityService } from '../identity/identity.service';
import type { Db } from '../store/db';
import { withLock } from '../store/locks';
import { instanceSecret } from '../store/settings';
import { deleteKioskEnrolment, findEnrolmentCode, insertEnrolmentCode, purgeEnrolment, recentEnrolmentFailures, recordEnrolmentFailure, useEnrolmentCode } from './enrolment.repository';
import type { FleetService } from './fleet.service';
import { enrolKiosk } from './kiosk.repository';

/** How many wrong codes may be tried, from one address and from everyone, within the window. */
export const ENROLMENT_POLICY = {
  windowMs: 15 * 60_000,
  maxFailuresPerAddress: 10,
  maxFailuresOverall: 100,
  /** Saves of the kiosk list retried on a version conflict: adding is an append, safe to redo. */
  saveAttempts: 5,
} as const;

/** Own label: the key is never the one of identification attempts or sign-in usernames. */
const KEY_LABEL = 'borne/enrolment-codes/v1';

export interface RequestFacts {
  /** `<protocol>://<host>` the admin reached the console at: the enrolment URL uses it. */
  origin: string;
  address: string | null;
}

/**
 * « Ajouter une borne », « Nouveau code d'enregistrement », the PC's redeeming of the code and
 * « Retirer la borne ». The kiosk list lives in the pôle's live configuration; the token and the
 * codes live in the database, as hashes only.
 */
export class EnrolmentService {
  private key: Promise<Buffer> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly fleet: FleetService,
    private readonly help: HelpService,
    private readonly identity: IdentityService,
  ) {}

  async addKiosk(staff: StaffUser, siteId: string, label: string, facts: RequestFacts): Promise<EnrolmentCodeView> {
    if (!this.ctx.sites.has(siteId)) throw apiError('site_unknown');
    await authorize(this.ctx.db, staff, 'kiosk.enrol', { siteId });
    // Ids that still have a stored token (a kiosk taken out of the files by hand) are skipped:
    // a new kiosk must never wake an old PC's token up.
    const stored = new Set((await this.ctx.db.selectFrom('kiosks').select('id').execute()).map((r) => r.id));
    let added: KioskConfig | undefined;
    const { before, after } = await this.changeKiosks(siteId, staff.id, (site) => {
      added = { id: this.nextKioskId(site, stored), label };
      return [...site.kiosks, added];
    });
    const kiosk = { id: added!.id, label, siteId };
    const view = await this.issueCode(kiosk, staff.id, facts.origin);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'kiosk_add', siteId, target: kiosk.id, before, after, address: facts.address, at: this.ctx.clock() });
    // The consoles of the pôle see the new kiosk (offline until its PC is enrolled).
    const status = (await this.fleet.statuses(siteId)).find((k) => k.id === kiosk.id);
    if (status) await publish(this.ctx, siteId, { type: 'kiosk', kiosk: status });
    return view;
  }

  /** A replaced PC: a new code for the same kiosk; the older unused one stops working. */
  async newCode(staff: StaffUser, kioskId: string, facts: RequestFacts): Promise<EnrolmentCodeView> {
    const site = this.ctx.config.siteOfKiosk(kioskId);
    if (!site) throw apiError('kiosk_not_found');
    await authorize(this.ctx.db, staff, 'kiosk.enrol', { siteId: site.id });
    const label = site.kiosks.find((k) => k.id === kioskId)!.label;
    const view = await this.issueCode({ id: kioskId, label, siteId: site.id }, staff.id, facts.origin);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'kiosk_enrolment_code', siteId: site.id, target: kioskId, address: facts.address, at: this.ctx.clock() });
    return view;
  }

  /** The PC's side: the code, once, for the token, once. Every refusal looks the same. */
  async redeem(code: string, address: string | null): Promise<EnrolmentRedeemed> {
    const now = this.ctx.clock();
    const addressKey = await this.keyed(`address:${address ?? ''}`);
    await purgeEnrolment(this.ctx.db, new Date(now.getTime() - ENROLMENT_POLICY.windowMs), new Date(now.getTime() - 24 * 3600_000));
    const codeHash = await this.keyed(`code:${code}`);
    const token = newToken();
    // The tries' limits and the code's single use are judged in one step under one lock: two
    // instances cannot both see "9 wrong codes" and both let a 10th through. Redeeming is rare,
    // so one lock for every address (the overall limit counts them all) costs nothing.
    const verdict = await withLock(this.ctx.db, 'enrolment:redeem', async (trx): Promise<{ retryAt: Date } | { invalid: true } | { kiosk: KioskConfig; siteId: string }> => {
      const retryAt = await this.lockedUntil(trx, addressKey, now);
      if (retryAt) return { retryAt };
      const row = await findEnrolmentCode(trx, codeHash);
      const site = row && this.ctx.sites.get(row.siteId);
      const kiosk = site?.kiosks.find((k) => k.id === row!.kioskId);
      const live = row && kiosk && row.usedAt === null && Date.parse(row.expiresAt) > now.getTime();
      // Spending the code and storing the token are one step: a code is never used up for nothing.
      if (row && kiosk && live && (await useEnrolmentCode(trx, row.id, now))) {
        await enrolKiosk(trx, kiosk.id, row.siteId, hashToken(token), now);
        return { kiosk, siteId: row.siteId };
      }
      await recordEnrolmentFailure(trx, addressKey, now);
      return { invalid: true };
    });
    // Thrown after the commit, so that a wrong code stays counted.
    if ('retryAt' in verdict) throw apiError('enrolment_locked', undefined, undefined, lockedDetails(verdict.retryAt, now));
    if ('invalid' in verdict) throw apiError('enrolment_code_invalid');
    const { kiosk, siteId } = verdict;
    // The PC this one replaces loses its stream now (its token was just replaced).
    this.ctx.bus.revokeKiosk(kiosk.id);
    await recordStaffAction(this.ctx.db, { staffId: null, action: 'kiosk_enrolled', siteId, target: kiosk.id, address, at: now });
    return { token, kiosk: { id: kiosk.id, siteId, label: kiosk.label } };
  }

  /** « Retirer la borne »: out of the configuration, token gone, sessions ended, stream closed. */
  async revoke(staff: StaffUser, kioskId: string, facts: RequestFacts): Promise<void> {
    const owner = this.ctx.config.siteOfKiosk(kioskId);
    if (!owner) throw apiError('kiosk_not_found');
    await authorize(this.ctx.db, staff, 'kiosk.revoke', { siteId: owner.id });
    const { before, after } = await this.changeKiosks(owner.id, staff.id, (site) => {
      if (!site.kiosks.some((k) => k.id === kioskId)) throw apiError('kiosk_not_found');
      return site.kiosks.filter((k) => k.id !== kioskId);
    });
    await deleteKioskEnrolment(this.ctx.db, kioskId);
    const kiosk = { id: kioskId, siteId: owner.id };
    // Nothing of a usager's stays open on a kiosk nobody can reach any more.
    await this.help.endSession(kiosk);
    await this.identity.endSessions(kiosk);
    this.ctx.bus.revokeKiosk(kioskId);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'kiosk_revoke', siteId: owner.id, target: kioskId, before, after, address: facts.address, at: this.ctx.clock() });
  }

  /** Saves a new kiosk list based on the current version; a concurrent save means: read again, redo. */
  private async changeKiosks(siteId: string, by: string, change: (site: SiteConfig) => KioskConfig[]): Promise<{ before: KioskConfig[]; after: KioskConfig[] }> {
    for (let attempt = 1; ; attempt++) {
      const current = this.ctx.config.get(siteId);
      if (!current) throw apiError('site_unknown');
      const kiosks = change(current.site);
      const checked = validateSite({ ...current.site, kiosks });
      if (!checked.site) throw apiError('validation', checked.problems.map((p) => ({ path: p.field, message: p.message })));
      try {
        await this.ctx.config.save(checked.site, current.version, by);
        return { before: [...current.site.kiosks], after: kiosks };
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'version_conflict') || attempt >= ENROLMENT_POLICY.saveAttempts) throw error;
        await this.ctx.config.refresh();
      }
    }
  }

  /** "<siteId>-<n>", the smallest n no kiosk of any pôle (nor a stored token) uses. */
  private nextKioskId(site: SiteConfig, stored: ReadonlySet<string>): string {
    const used = new Set([...stored, ...[...this.ctx.sites.values()].flatMap((s) => s.kiosks.map((k) => k.id))]);
    for (const k of site.kiosks) used.add(k.id);
    for (let n = 1; ; n++) if (!used.has(`${site.id}-${n}`)) return `${site.id}-${n}`;
  }

  private async issueCode(kiosk: { id: string; label: string; siteId: string }, by: string, origin: string): Promise<EnrolmentCodeView> {
    const now = this.ctx.clock();
    const compact = Array.from({ length: ENROLMENT_CODE_LENGTH }, () => ENROLMENT_ALPHABET[randomInt(ENROLMENT_ALPHABET.length)]).join('');
    const code = formatEnrolmentCode(compact);
    const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_MINUTES * 60_000);
    await insertEnrolmentCode(this.ctx.db, { codeHash: await this.keyed(`code:${code}`), kioskId: kiosk.id, siteId: kiosk.siteId, createdBy: by, at: now, expiresAt });
    return { kiosk, code, expiresAt: expiresAt.toISOString(), enrolUrl: `${origin}/kiosk/#enrol=${code}` };
  }

  private async lockedUntil(db: Db, addressKey: string, now: Date): Promise<Date | null> {
    const since = new Date(now.getTime() - ENROLMENT_POLICY.windowMs);
    const mine = await recentEnrolmentFailures(db, { addressKey }, since, ENROLMENT_POLICY.maxFailuresPerAddress);
    const everyone = await recentEnrolmentFailures(db, {}, since, ENROLMENT_POLICY.maxFailuresOverall);
    // A sliding window: the lock lifts when the max-th newest failure leaves it.
    const lifts = [
      mine.length >= ENROLMENT_POLICY.maxFailuresPerAddress ? mine[mine.length - 1] : undefined,
      everyone.length >= ENROLMENT_POLICY.maxFailuresOverall ? everyone[everyone.length - 1] : undefined,
    ]
      .filter((at): at is Date => at !== undefined)
      .map((at) => at.getTime() + ENROLMENT_POLICY.windowMs);
    return lifts.length ? new Date(Math.max(...lifts)) : null;
  }

  /** HMAC-SHA256 under a key derived (HKDF) from the instance secret, as identification attempts are kept. */
  private async keyed(value: string): Promise<string> {
    this.key ??= instanceSecret(this.ctx.db).then((secret) => Buffer.from(hkdfSync('sha256', secret, '', KEY_LABEL, 32)));
    return createHmac('sha256', await this.key).update(value).digest('hex');
  }
}
