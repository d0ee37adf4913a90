import type { FastifyInstance } from 'fastify';
import { guideParamsSchema, guideProgressBodySchema } from '../../core/guides/api';
import { siteParamsSchema } from '../../core/fleet/kiosk-state';
import { defineRoute, type Authenticators } from '../http/route';
import type { GuidesService } from './guides.service';

export function guidesRoutes(app: FastifyInstance, authn: Authenticators, guides: GuidesService): void {
  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/kiosk/guides/:guideId/progress',
    summary: 'Count a guide opened or completed (anonymous: site, guide and day only)',
    auth: 'kiosk',
    params: guideParamsSchema,
    body: guideProgressBodySchema,
    handler: async ({ kiosk, params, body, reply }) => {
      await guides.record(kiosk, params.guideId, body.event);
      reply.code(204);
    },
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/sites/:siteId/guides/stats',
    summary: 'How often each guide of the site was opened and completed, and at which steps help was called (last 90 days)',
    auth: 'staff',
    params: siteParamsSchema,
    handler: async ({ staff, params }) => guides.stats(staff, params.siteId),
  });
}
