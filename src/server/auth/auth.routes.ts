import type { FastifyInstance } from 'fastify';
import { clientAddress } from '../audit/staff-audit';
import { dutyBodySchema, loginBodySchema, type SiteSummary, type StaffMe } from '../../core/api/staff-auth';
import type { AppContext } from '../context';
import { dutyOf } from '../fleet/duty.repository';
import { auditDutyChange } from '../fleet/duty-audit';
import { authorize } from './policy';
import { apiError } from '../errors';
import { visibleSites } from '../../core/auth/policy';
import { defineRoute, type Authenticators } from '../http/route';
import { STAFF_COOKIE, SESSION_HOURS, type AuthService } from './auth.service';

export function authRoutes(app: FastifyInstance, authn: Authenticators, ctx: AppContext, auth: AuthService): void {
  const me = async (user: { id: string; username: string; firstName: string; role: StaffMe['role']; siteIds: string[] }): Promise<StaffMe> => ({
    ...user,
    dutySiteId: (await dutyOf(ctx.db, user.id)) ?? null,
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/session',
    summary: 'Sign in (« Se connecter »); sets an HttpOnly, SameSite=Strict session cookie',
    auth: 'none',
    body: loginBodySchema,
    returns: 'The signed-in staff member',
    handler: async ({ body, request, reply }) => {
      const { token, user } = await auth.login(body.username, body.password, clientAddress(request));
      reply.setCookie(STAFF_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return me(user);
    },
  });

  defineRoute(app, authn, {
    method: 'DELETE',
    url: '/api/staff/session',
    summary: 'Sign out; ends the duty and clears the cookie',
    auth: 'none',
    handler: async ({ request, reply }) => {
      await auth.logout(request);
      reply.clearCookie(STAFF_COOKIE, { path: '/' });
      reply.code(204);
      return null;
    },
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/me',
    summary: 'The signed-in staff member and the site they are on duty at',
    auth: 'staff',
    handler: async ({ staff }) => me(staff),
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/sites',
    summary: "The pôles the staff member works at (an admin département: every pôle)",
    auth: 'staff',
    handler: async ({ staff }): Promise<SiteSummary[]> => {
      return visibleSites(staff, ctx.sites.values()).map((s) => ({ id: s.id, name: s.name }));
    },
  });

  defineRoute(app, authn, {
    method: 'PUT',
    url: '/api/staff/duty',
    summary: 'Mark yourself on duty at a site (siteId) or off duty (null)',
    auth: 'staff',
    body: dutyBodySchema,
    handler: async ({ body, staff, request }) => {
      // An unknown pôle is not a refusal: say it does not exist.
      if (body.siteId !== null && !ctx.sites.has(body.siteId)) throw apiError('site_unknown');
      await authorize(ctx.db, staff, 'site.duty', { siteId: body.siteId });
      const before = (await dutyOf(ctx.db, staff.id)) ?? null;
      await auth.setDuty(staff, body.siteId);
      await auditDutyChange(ctx, staff, before, body.siteId, request);
      return me(staff);
    },
  });
}
