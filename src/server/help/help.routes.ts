import type { FastifyInstance } from 'fastify';
import { createHelpCallBodySchema, helpCallIdSchema, resolveHelpCallBodySchema } from '../../core/help/help-call';
import type { AuthService } from '../auth/auth.service';
import type { FleetService } from '../fleet/fleet.service';
import { defineRoute } from '../http/route';
import type { HelpService } from './help.service';

export function helpRoutes(app: FastifyInstance, help: HelpService, fleet: FleetService, auth: AuthService): void {
  defineRoute(app, {
    method: 'POST',
    url: '/api/kiosk/help-calls',
    summary: 'Call a médiateur (« Appeler un médiateur »); repeating the same requestId returns the same call',
    auth: 'kiosk',
    body: createHelpCallBodySchema,
    returns: 'The call and what the kiosk should show',
    handler: async ({ body, request, reply }) => {
      const kiosk = await fleet.authenticate(request.headers.authorization);
      await help.create(kiosk, body);
      reply.code(201);
      return help.kioskView(kiosk);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/kiosk/help-calls/:id/cancel',
    summary: 'The usager no longer needs help',
    auth: 'kiosk',
    params: helpCallIdSchema,
    handler: async ({ params, request }) => {
      const kiosk = await fleet.authenticate(request.headers.authorization);
      await help.cancelByKiosk(kiosk, params.id);
      return help.kioskView(kiosk);
    },
  });

  defineRoute(app, {
    method: 'GET',
    url: '/api/kiosk/help',
    summary: "The kiosk's open call, its queue position and estimated wait",
    auth: 'kiosk',
    handler: async ({ request }) => help.kioskView(await fleet.authenticate(request.headers.authorization)),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/staff/help-calls/:id/claim',
    summary: 'Take a call (« Je m\'en occupe »)',
    auth: 'staff',
    params: helpCallIdSchema,
    handler: async ({ params, request }) => help.claim(await auth.authenticate(request), params.id),
  });

  defineRoute(app, {
    method: 'POST',
    url: '/api/staff/help-calls/:id/resolve',
    summary: 'Close a call you took (« Terminé ») with its outcome',
    auth: 'staff',
    params: helpCallIdSchema,
    body: resolveHelpCallBodySchema,
    handler: async ({ params, body, request }) => help.resolve(await auth.authenticate(request), params.id, body.outcome),
  });
}
