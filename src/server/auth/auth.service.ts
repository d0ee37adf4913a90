import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../context';
import { publish } from '../context';
import { apiError } from '../errors';
import { clearDuty, listDuty, setDuty } from '../fleet/duty.repository';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password';
import { deleteSession, findSessionUser, findStaffByUsername, insertSession, type StaffUser } from './staff.repository';
import { hashToken, newToken } from './tokens';

export const STAFF_COOKIE = 'borne_staff';
/** A working day and a bit: a médiateur signs in once in the morning. */
export const SESSION_HOURS = 10;

// Compared against when the username is unknown, so a wrong username costs the same time as a wrong password.
const DUMMY_HASH = 'scrypt$131072$8$1$c2FsdHNhbHRzYWx0c2FsdA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

export class AuthService {
  private readonly throttle = new LoginThrottle();

  constructor(private readonly ctx: AppContext) {}

  async login(username: string, password: string): Promise<{ token: string; user: StaffUser; expiresAt: Date }> {
    const key = username.toLowerCase();
    const now = this.ctx.clock();
    if (this.throttle.isLocked(key, now.getTime())) throw apiError('staff_locked');
    const user = await findStaffByUsername(this.ctx.db, key);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok) {
      this.throttle.fail(key, now.getTime());
      throw apiError('staff_bad_credentials');
    }
    this.throttle.succeed(key);
    const token = newToken();
    const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000);
    await insertSession(this.ctx.db, hashToken(token), user.id, now, expiresAt);
    const { passwordHash: _p, ...safe } = user;
    void _p;
    return { token, user: safe, expiresAt };
  }

  async logout(request: FastifyRequest): Promise<void> {
    const token = request.cookies[STAFF_COOKIE];
    if (!token) return;
    const user = await findSessionUser(this.ctx.db, hashToken(token), this.ctx.clock());
    await deleteSession(this.ctx.db, hashToken(token));
    // Signing out ends the duty too: kiosks must not count someone who went home.
    if (user) await this.setDuty(user, null);
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
}
