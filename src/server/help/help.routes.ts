import type { FastifyInstance } from 'fastify';
import { siteParamsSchema } from '../../core/fleet/kiosk-state';
import { createHelpCallBodySchema, helpCallIdSchema, resolveHelpCallBodySchema } from '../../core/help/help-call.schema';
import { defineRoute, type Authenticators } from '../http/route';
import type { HelpService } from './help.service';

export function helpRoutes(app: FastifyInstance, authn: Authenticators, help: HelpService): void {
  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/help-calls',
    summary: 'Call a médiateur (« Appeler un médiateur »); repeating the same requestId returns the same call',
    auth: 'kiosk',
    body: createHelpCallBodySchema,
    returns: 'The call and what the kiosk should show',
    handler: async ({ body, kiosk, reply }) => {
      await help.create(kiosk, body);
      reply.code(201);
      return help.kioskView(kiosk);
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/help-calls/:id/cancel',
    summary: 'The usager no longer needs help',
    auth: 'kiosk',
    params: helpCallIdSchema,
    handler: async ({ params, kiosk }) => {
      await help.cancelByKiosk(kiosk, params.id);
      return help.kioskView(kiosk);
    },
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/kiosk/help',
    summary: "The kiosk's open call, its queue position and estimated wait",
    auth: 'kiosk',
    handler: async ({ kiosk }) => help.kioskView(kiosk),
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/sites/:siteId/help-calls/today',
    summary: "« Appels du jour »: the site's calls since midnight (Paris), newest first, with their outcome",
    auth: 'staff',
    params: siteParamsSchema,
    handler: async ({ params, staff }) => help.today(staff, params.siteId),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/help-calls/:id/claim',
    summary: 'Take a call (« Je m\'en occupe »)',
    auth: 'staff',
    params: helpCallIdSchema,
    handler: async ({ params, staff }) => help.claim(staff, params.id),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/help-calls/:id/resolve',
    summary: 'Close a call you took (« Terminé ») with its outcome',
    auth: 'staff',
    params: helpCallIdSchema,
    body: resolveHelpCallBodySchema,
    handler: async ({ params, body, staff }) => help.resolve(staff, params.id, body.outcome),
  });
}
