import type { FastifyInstance } from 'fastify';
import { alertParamsSchema } from '../../core/fleet/alerts';
import { clientAddress } from '../audit/staff-audit';
import { defineRoute, type Authenticators } from '../http/route';
import type { AlertsService } from './alerts.service';

export function alertsRoutes(app: FastifyInstance, authn: Authenticators, alerts: AlertsService): void {
  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/alerts',
    summary: "Offline alerts of the admin's pôles: open ones (new, taken) and those resolved in the last 24 h, newest first",
    auth: 'staff',
    handler: async ({ staff }) => alerts.list(staff),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/alerts/:id/take',
    summary: '« Je m\'en occupe »: the alert is taken by the signed-in admin',
    auth: 'staff',
    params: alertParamsSchema,
    handler: async ({ params, staff, request }) => alerts.take(staff, params.id, clientAddress(request)),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/alerts/:id/resolve',
    summary: '« Résolue »: the alert is closed',
    auth: 'staff',
    params: alertParamsSchema,
    handler: async ({ params, staff, request }) => alerts.resolve(staff, params.id, clientAddress(request)),
  });
}
