import type { FastifyInstance } from 'fastify';
import { siteParamsSchema } from '../../core/fleet/kiosk-state';
import { settingsSaveBodySchema } from '../../core/site/settings';
import { clientAddress } from '../audit/staff-audit';
import { authorize } from '../auth/policy';
import type { AppContext } from '../context';
import { apiError } from '../errors';
import { defineRoute, type Authenticators } from '../http/route';
import { SettingsService } from './settings.service';

/** « Réglages du pôle »: GET and PUT of the editable part of one pôle's configuration. */
export function settingsRoutes(app: FastifyInstance, authn: Authenticators, ctx: AppContext): void {
  const settings = new SettingsService(ctx);

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/sites/:siteId/settings',
    summary: "A pôle's settings (« Réglages du pôle ») with their version, the guides that exist and the languages Borne can show",
    auth: 'staff',
    params: siteParamsSchema,
    handler: async ({ params, staff }) => {
      await authorize(ctx.db, staff, 'settings.read', { siteId: params.siteId });
      if (!ctx.sites.has(params.siteId)) throw apiError('site_unknown');
      return settings.view(params.siteId);
    },
  });

  defineRoute(app, authn, {
    method: 'PUT',
    url: '/api/staff/sites/:siteId/settings',
    summary: "Saves a pôle's settings, checked field by field by the config files' schema; reaches its kiosks within a second (409 when someone saved since `version`)",
    auth: 'staff',
    params: siteParamsSchema,
    body: settingsSaveBodySchema,
    handler: async ({ params, body, staff, request }) => {
      await authorize(ctx.db, staff, 'settings.change', { siteId: params.siteId });
      if (!ctx.sites.has(params.siteId)) throw apiError('site_unknown');
      const serverUrl = `${request.protocol}://${request.host}`;
      return settings.save(params.siteId, body.settings, body.version, staff.id, { address: clientAddress(request), serverUrl });
    },
  });
}
