import type { FastifyInstance } from 'fastify';
import { heartbeatBodySchema } from '../../core/fleet/heartbeat';
import { kioskParamsSchema, kioskStateBodySchema } from '../../core/fleet/kiosk-state';
import { kioskSiteView } from '../../core/site/site-config';
import { clientAddress, recordStaffAction } from '../audit/staff-audit';
import { authorize } from '../auth/policy';
import type { AppContext } from '../context';
import { apiError } from '../errors';
import type { HelpService } from '../help/help.service';
import type { IdentityService } from '../identity/identity.service';
import { defineRoute, type Authenticators } from '../http/route';
import type { FleetService } from './fleet.service';

export function fleetRoutes(app: FastifyInstance, authn: Authenticators, ctx: AppContext, fleet: FleetService, help: HelpService, identity: IdentityService): void {
  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/kiosk/me',
    summary: "The kiosk's site: languages, fallback text, idle timings (public, cached by the kiosk for offline use)",
    auth: 'kiosk',
    handler: async ({ kiosk }) => {
      const site = ctx.sites.get(kiosk.siteId);
      const view = site && kioskSiteView(site, kiosk.id);
      if (!view) throw apiError('kiosk_unknown');
      return view;
    },
  });

  defineRoute(app, authn, {
    method: 'PUT',
    url: '/api/kiosk/state',
    summary: 'What the kiosk shows now (screen, language, in session); also a heartbeat',
    auth: 'kiosk',
    body: kioskStateBodySchema,
    handler: async ({ body, kiosk, reply }) => {
      await fleet.reportState(kiosk, body);
      reply.code(204);
      return null;
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/heartbeat',
    summary: 'Renews the kiosk\'s presence lease (every 15 s); a kiosk that stops is shown offline within 45 s',
    auth: 'kiosk',
    // Optional: an old kiosk sends no body; a new one adds its version, uptime, camera, last error code.
    body: heartbeatBodySchema,
    handler: async ({ body, kiosk, reply }) => {
      await fleet.heartbeat(kiosk, body);
      reply.code(204);
      return null;
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/session/end',
    summary: 'The usager session ended (« Terminer », idle or reset): cancels an open call and ends the dossier session',
    auth: 'kiosk',
    handler: async ({ kiosk, reply }) => {
      await help.endSession(kiosk);
      await identity.endSessions(kiosk);
      await fleet.reportState(kiosk, { inSession: false, screen: 'home', language: ctx.sites.get(kiosk.siteId)?.defaultLanguage ?? 'fr' });
      // Drops anything of the session the HTTP cache might hold. "cache" leaves the service
      // worker's precache alone (that is "storage"), so the kiosk still starts offline.
      reply.header('Clear-Site-Data', '"cache"');
      reply.code(204);
      return null;
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/kiosks/:kioskId/reset',
    summary: "End a kiosk's usager session remotely: the call is cancelled, the dossier session closed, the kiosk goes home",
    auth: 'staff',
    params: kioskParamsSchema,
    handler: async ({ params, staff, request, reply }) => {
      const site = [...ctx.sites.values()].find((s) => s.kiosks.some((k) => k.id === params.kioskId));
      if (!site) throw apiError('kiosk_not_found');
      await authorize(ctx.db, staff, 'kiosk.reset', { siteId: site.id });
      const kiosk = { id: params.kioskId, siteId: site.id };
      // Server side first: even a kiosk that is offline right now keeps nothing open.
      await help.endSession(kiosk);
      await identity.endSessions(kiosk);
      ctx.bus.commandKiosk(kiosk.id, 'reset');
      await recordStaffAction(ctx.db, { staffId: staff.id, action: 'kiosk_reset', siteId: site.id, target: kiosk.id, address: clientAddress(request), at: ctx.clock() });
      reply.code(204);
      return null;
    },
  });
}
