import type { FastifyInstance } from 'fastify';
import { commandAckSchema, commandBodySchema, commandParamsSchema } from '../../core/fleet/commands';
import { kioskParamsSchema, siteParamsSchema } from '../../core/fleet/kiosk-state';
import { clientAddress } from '../audit/staff-audit';
import { defineRoute, type Authenticators } from '../http/route';
import type { CommandsService } from './commands.service';

export function commandsRoutes(app: FastifyInstance, authn: Authenticators, commands: CommandsService): void {
  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/kiosks/:kioskId/commands',
    summary: 'A remote action on a kiosk (reset, reload, out_of_service with a message, back_in_service); answers the command and its state',
    auth: 'staff',
    params: kioskParamsSchema,
    body: commandBodySchema,
    returns: 'the command (id, kind, message, status "sent", expiresAt)',
    handler: async ({ params, body, staff, request, reply }) => {
      const command = await commands.send(staff, params.kioskId, body, clientAddress(request));
      reply.code(201);
      return command;
    },
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/kiosks/:kioskId/reset',
    summary: "End a kiosk's usager session remotely (the 'reset' command): the call is cancelled, the dossier session closed, the kiosk goes home",
    auth: 'staff',
    params: kioskParamsSchema,
    handler: async ({ params, staff, request, reply }) => {
      await commands.send(staff, params.kioskId, { kind: 'reset' }, clientAddress(request));
      reply.code(204);
      return null;
    },
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/sites/:siteId/commands',
    summary: "The latest remote actions on the pôle's kiosks and their state, newest first",
    auth: 'staff',
    params: siteParamsSchema,
    handler: async ({ params, staff }) => commands.recent(staff, params.siteId),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/commands/:id/ack',
    summary: 'The kiosk received (acknowledged) or applied (done) a command sent on its stream',
    auth: 'kiosk',
    params: commandParamsSchema,
    body: commandAckSchema,
    handler: async ({ params, body, kiosk }) => commands.ack(kiosk, params.id, body.status),
  });
}
