import { randomUUID } from 'node:crypto';
import { SETUP_CODE_HOURS, type AccountCreate, type AccountUpdate, type AccountView, type AccountWithSetup, type SetupInfo, type SetupLink } from '../../core/api/accounts';
import type { StaffRole } from '../../core/auth/policy';
import { recordStaffAction } from '../audit/staff-audit';
import type { AppContext } from '../context';
import { apiError, versionConflict } from '../errors';
import { dutyOf } from '../fleet/duty.repository';
import type { Db } from '../store/db';
import { withLock } from '../store/locks';
import { isUniqueViolation } from '../store/unique';
import { instanceSecret } from '../store/settings';
import {
  consumeCode,
  countActiveDepartementAdmins,
  deletePendingCodes,
  deleteSessionsOf,
  findAccount,
  findUsableCode,
  listAccountRows,
  recentSetupFailures,
  recordSetupFailure,
  replaceSetupCode,
  setDisabled,
  setPasswordHash,
  updateAccountRow,
  usernameTaken,
} from './accounts.repository';
import type { AuthService } from './auth.service';
import { hashPassword } from './password';
import { authorize } from './policy';
import { newSetupCode, setupCodeKeyer, type SetupCodeKeyer } from './setup-code';
import { insertStaff, type StaffUser } from './staff.repository';

/** Wrong setup codes one address may send in a window: a person mistypes a few, a guesser many. */
export const SETUP_FAILURES_MAX = 10;
export const SETUP_WINDOW_MS = 15 * 60_000;
const RANK: Record<StaffRole, number> = { mediateur: 0, admin_pole: 1, admin_departement: 2 };

/** Who acts and from where, for the audit. */
export interface Acting {
  staff: StaffUser;
  address: string | null;
}

/**
 * « Comptes ». An admin de pôle sees the accounts of their pôles, and of those only the
 * memberships of their pôles: they add and remove people at their pôles; a change that reaches
 * beyond (the first name, the role, disabling, a new password of someone who also works
 * elsewhere) needs every pôle of the account, through the policy. Nobody ever sees a password:
 * a new account, or a forced new password, gets a one-time setup link instead.
 */
export class AccountsService {
  private keyer: Promise<SetupCodeKeyer> | undefined;

  constructor(
    private readonly ctx: AppContext,
    private readonly auth: AuthService,
  ) {}

  async list(staff: StaffUser): Promise<AccountView[]> {
    await authorize(this.ctx.db, staff, 'account.manage', { siteId: null });
    const all = await listAccountRows(this.ctx.db, this.ctx.clock());
    return all.filter((a) => this.visible(staff, a)).map((a) => this.viewFor(staff, a));
  }

  async create({ staff, address }: Acting, input: AccountCreate, origin: string): Promise<AccountWithSetup> {
    // A pôle ticked twice is one pôle (and must not look like a taken username to the database).
    const body = { ...input, siteIds: [...new Set(input.siteIds)].sort() };
    await authorize(this.ctx.db, staff, 'account.manage', { siteId: null });
    this.checkSites(body.role, body.siteIds, body.siteIds);
    if (body.role === 'admin_departement') await authorize(this.ctx.db, staff, 'account.grantDepartement', { siteId: null });
    await authorize(this.ctx.db, staff, 'account.manage', { siteId: null, siteIds: body.siteIds });
    if (await usernameTaken(this.ctx.db, body.username)) throw usernameTakenError();
    const id = randomUUID();
    const now = this.ctx.clock();
    try {
      await insertStaff(this.ctx.db, { id, username: body.username, firstName: body.firstName, role: body.role, siteIds: body.siteIds }, '', now);
    } catch (error) {
      // Two admins adding the same username at once: the database's unique index decides.
      if (isUniqueViolation(error, 'username')) throw usernameTakenError();
      throw error;
    }
    const setup = await this.issueCode(id, staff.id, origin);
    const account = await this.mustFind(id);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'account_create', target: id, before: null, after: audited(account), address, at: now });
    return { account: this.viewFor(staff, account), setup };
  }

  async update({ staff, address }: Acting, id: string, body: AccountUpdate): Promise<AccountView> {
    const before = await this.target(staff, id);
    // The pôles an admin de pôle cannot see stay as they are.
    const siteIds = staff.role === 'admin_departement' ? [...new Set(body.siteIds)].sort() : [...new Set([...body.siteIds, ...before.siteIds.filter((s) => !staff.siteIds.includes(s))])].sort();
    this.checkSites(body.role, body.siteIds, siteIds);
    if (before.role === 'admin_departement' || body.role === 'admin_departement') await authorize(this.ctx.db, staff, 'account.grantDepartement', { siteId: null });
    const personal = body.firstName !== before.firstName || body.role !== before.role;
    const changed = [...before.siteIds.filter((s) => !siteIds.includes(s)), ...siteIds.filter((s) => !before.siteIds.includes(s))];
    await authorize(this.ctx.db, staff, 'account.manage', { siteId: null, siteIds: personal ? [...new Set([...before.siteIds, ...siteIds])] : changed });
    const demoted = RANK[body.role] < RANK[before.role];
    if (demoted) await this.guardAdmins(staff, before);
    if (body.version !== before.version) throw versionConflict(this.viewFor(staff, before), before.version);
    const saved = await this.adminsLocked(demoted, async (db) => {
      if (demoted) await this.guardAdmins(staff, before, db);
      return updateAccountRow(db, id, { firstName: body.firstName, role: body.role, siteIds }, body.version);
    });
    if (!saved) {
      const current = await this.mustFind(id);
      throw versionConflict(this.viewFor(staff, current), current.version);
    }
    const after = await this.mustFind(id);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'account_update', target: id, before: audited(before), after: audited(after), address, at: this.ctx.clock() });
    if (body.role !== before.role || changed.length) await this.accessChanged(after);
    return this.viewFor(staff, after);
  }

  async disable({ staff, address }: Acting, id: string): Promise<AccountView> {
    const before = await this.targetWhole(staff, id);
    if (before.disabled) return this.viewFor(staff, before);
    await this.adminsLocked(true, async (db) => {
      await this.guardAdmins(staff, before, db);
      await setDisabled(db, id, this.ctx.clock());
    });
    await deletePendingCodes(this.ctx.db, id);
    await this.endAccess(before);
    const after = await this.mustFind(id);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'account_disable', target: id, before: audited(before), after: audited(after), address, at: this.ctx.clock() });
    return this.viewFor(staff, after);
  }

  async enable({ staff, address }: Acting, id: string): Promise<AccountView> {
    const before = await this.targetWhole(staff, id);
    if (!before.disabled) return this.viewFor(staff, before);
    await setDisabled(this.ctx.db, id, null);
    const after = await this.mustFind(id);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'account_enable', target: id, before: audited(before), after: audited(after), address, at: this.ctx.clock() });
    return this.viewFor(staff, after);
  }

  /** « Forcer un nouveau mot de passe »: the old one stops working, sessions end, a new link. */
  async resetPassword({ staff, address }: Acting, id: string, origin: string): Promise<AccountWithSetup> {
    const before = await this.targetWhole(staff, id);
    if (id === staff.id) throw apiError('account_self');
    if (before.disabled) throw apiError('account_disabled');
    await setPasswordHash(this.ctx.db, id, '');
    await this.endAccess(before);
    const setup = await this.issueCode(id, staff.id, origin);
    const after = await this.mustFind(id);
    await recordStaffAction(this.ctx.db, { staffId: staff.id, action: 'account_password_reset', target: id, before: audited(before), after: audited(after), address, at: this.ctx.clock() });
    return { account: this.viewFor(staff, after), setup };
  }

  /** Whose link it is, so the person sees they are setting up the right account. */
  async setupInfo(code: string, address: string | null): Promise<SetupInfo> {
    const found = await this.usableCode(code, address);
    return { username: found.username, firstName: found.firstName, expiresAt: found.expiresAt };
  }

  async completeSetup(code: string, password: string, address: string | null): Promise<{ username: string }> {
    const found = await this.usableCode(code, address);
    const hash = await hashPassword(password);
    // Used once: of two tabs sending the same code, only the first sets the password.
    if (!(await consumeCode(this.ctx.db, await this.hashCode(code), found.staffId, hash, this.ctx.clock()))) throw apiError('setup_code_invalid');
    await recordStaffAction(this.ctx.db, { staffId: found.staffId, action: 'account_setup_done', target: found.staffId, address, at: this.ctx.clock() });
    return { username: found.username };
  }

  private async usableCode(code: string, address: string | null) {
    const from = address ?? 'unknown';
    const now = this.ctx.clock();
    const codeHash = await this.hashCode(code);
    // The count and the try it lets through are one step per address: two instances cannot both
    // see the last allowed failure and both let a guess through.
    const verdict = await withLock(this.ctx.db, `account-setup:address:${from}`, async (trx) => {
      const failures = await recentSetupFailures(trx, from, new Date(now.getTime() - SETUP_WINDOW_MS));
      if (failures.length >= SETUP_FAILURES_MAX) return { retryAfterSeconds: Math.max(1, Math.ceil((Date.parse(failures[0]!) + SETUP_WINDOW_MS - now.getTime()) / 1000)) };
      const found = await findUsableCode(trx, codeHash, now);
      if (!found) await recordSetupFailure(trx, from, now, new Date(now.getTime() - SETUP_WINDOW_MS));
      return { found };
    });
    // Thrown after the commit, so that a wrong code stays counted.
    const { retryAfterSeconds } = verdict;
    if (retryAfterSeconds !== undefined) {
      throw apiError('rate_limited', undefined, `Too many wrong setup codes from this network address: try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s).`, { retryAfterSeconds });
    }
    if (!verdict.found) throw apiError('setup_code_invalid');
    return verdict.found;
  }

  private async issueCode(staffId: string, by: string, origin: string): Promise<SetupLink> {
    const code = newSetupCode();
    const now = this.ctx.clock();
    const expiresAt = new Date(now.getTime() + SETUP_CODE_HOURS * 3600_000);
    await replaceSetupCode(this.ctx.db, staffId, await this.hashCode(code), by, now, expiresAt);
    return { code, url: `${origin}/staff/#/setup/${code}`, expiresAt: expiresAt.toISOString() };
  }

  private async hashCode(code: string): Promise<string> {
    this.keyer ??= instanceSecret(this.ctx.db).then(setupCodeKeyer);
    return (await this.keyer)(code);
  }

  /** The account, if this admin may see it at all (an admin de pôle: it shares one of their pôles). */
  private async target(staff: StaffUser, id: string): Promise<AccountView> {
    await authorize(this.ctx.db, staff, 'account.manage', { siteId: null });
    const account = await findAccount(this.ctx.db, id, this.ctx.clock());
    if (!account) throw apiError('account_not_found');
    if (!this.visible(staff, account)) throw apiError('site_not_yours');
    return account;
  }

  /** For what acts on the whole account (disable, enable, a new password): every pôle of it. */
  private async targetWhole(staff: StaffUser, id: string): Promise<AccountView> {
    const account = await this.target(staff, id);
    if (account.role === 'admin_departement') await authorize(this.ctx.db, staff, 'account.grantDepartement', { siteId: null });
    await authorize(this.ctx.db, staff, 'account.manage', { siteId: null, siteIds: account.siteIds });
    return account;
  }

  /** Borne must keep someone who can run it, and nobody locks themselves out by mistake. */
  private async guardAdmins(staff: StaffUser, account: AccountView, db: Db = this.ctx.db): Promise<void> {
    if (account.role === 'admin_departement' && !account.disabled && (await countActiveDepartementAdmins(db)) <= 1) throw apiError('last_admin_departement');
    if (account.id === staff.id) throw apiError('account_self');
  }

  /**
   * The last-admin count and the change it allows as one step: two admins disabling or demoting
   * each other at once (through two instances, or two requests) cannot both pass the guard.
   */
  private adminsLocked<T>(guarded: boolean, work: (db: Db) => Promise<T>): Promise<T> {
    return guarded ? withLock(this.ctx.db, 'accounts:admins-departement', work) : work(this.ctx.db);
  }

  private checkSites(role: StaffRole, given: string[], all: string[]): void {
    const fields = given.flatMap((s, i) => (this.ctx.sites.has(s) ? [] : [{ path: `siteIds.${i}`, message: `there is no pôle "${s}": expected one of ${[...this.ctx.sites.keys()].sort().join(', ')}` }]));
    if (role !== 'admin_departement' && all.length === 0) fields.push({ path: 'siteIds', message: 'a médiateur or an admin de pôle works at one pôle at least: tick it' });
    if (fields.length) throw apiError('validation', fields);
  }

  private visible(staff: StaffUser, account: AccountView): boolean {
    return staff.role === 'admin_departement' || account.siteIds.some((s) => staff.siteIds.includes(s));
  }

  private viewFor(staff: StaffUser, account: AccountView): AccountView {
    return staff.role === 'admin_departement' ? account : { ...account, siteIds: account.siteIds.filter((s) => staff.siteIds.includes(s)) };
  }

  private async mustFind(id: string): Promise<AccountView> {
    const account = await findAccount(this.ctx.db, id, this.ctx.clock());
    if (!account) throw apiError('account_not_found');
    return account;
  }

  /** Signed out everywhere at once: sessions, duty (the kiosks stop counting them) and streams. */
  private async endAccess(account: AccountView): Promise<void> {
    await deleteSessionsOf(this.ctx.db, account.id);
    await this.auth.setDuty(userOf(account), null);
    this.ctx.bus.staffAccessChanged(account.id);
  }

  /** A new role or pôles: duty at a pôle no longer theirs ends, and streams reopen under the new rule. */
  private async accessChanged(account: AccountView): Promise<void> {
    const duty = await dutyOf(this.ctx.db, account.id);
    if (duty && account.role !== 'admin_departement' && !account.siteIds.includes(duty)) await this.auth.setDuty(userOf(account), null);
    this.ctx.bus.staffAccessChanged(account.id);
  }
}

function userOf(a: AccountView): StaffUser {
  return { id: a.id, username: a.username, firstName: a.firstName, role: a.role, siteIds: a.siteIds };
}

/** What the audit keeps of an account: never a password nor a code. */
function audited(a: AccountView) {
  return { username: a.username, firstName: a.firstName, role: a.role, siteIds: a.siteIds, disabled: a.disabled, hasPassword: a.hasPassword };
}

function usernameTakenError() {
  const message = 'This username is already taken by another account: choose another one.';
  return apiError('username_taken', [{ path: 'username', message }]);
}
