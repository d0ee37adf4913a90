import type { FastifyInstance } from 'fastify';
import { heartbeatBodySchema } from '../../core/fleet/heartbeat.schema';
import { kioskStateBodySchema } from '../../core/fleet/kiosk-state';
import { kioskSiteView } from '../../core/site/site-config';
import type { AppContext } from '../context';
import { apiError } from '../errors';
import type { HelpService } from '../help/help.service';
import type { IdentityService } from '../identity/identity.service';
import { defineRoute, type Authenticators } from '../http/route';
import { outOfServiceMessage } from './commands.repository';
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
      // « Mettre hors service » holds across a restart: the kiosk reads it here (src/server/fleet/commands.*).
      return { ...view, outOfService: await outOfServiceMessage(ctx.db, kiosk.id) };
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
      await fleet.heartbeat(kiosk, body, true);
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

  // POST /api/staff/kiosks/:kioskId/reset is a remote action now: src/server/fleet/commands.routes.ts.
}
