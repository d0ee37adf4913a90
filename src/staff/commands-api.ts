import type { FleetAlertView } from '../core/fleet/alerts';
import type { CommandBody, KioskCommandView } from '../core/fleet/commands';
import { apiRequest } from '../web/api-client';

/** Remote actions on kiosks and the fleet's offline alerts (src/server/fleet/commands.routes.ts, alerts.routes.ts). */
export const commandsApi = {
  send: (kioskId: string, body: CommandBody) => apiRequest<KioskCommandView>(`/api/staff/kiosks/${encodeURIComponent(kioskId)}/commands`, { method: 'POST', body }),
  recent: (siteId: string) => apiRequest<KioskCommandView[]>(`/api/staff/sites/${encodeURIComponent(siteId)}/commands`),
  alerts: () => apiRequest<FleetAlertView[]>('/api/staff/alerts'),
  take: (id: string) => apiRequest<FleetAlertView>(`/api/staff/alerts/${encodeURIComponent(id)}/take`, { method: 'POST' }),
  resolve: (id: string) => apiRequest<FleetAlertView>(`/api/staff/alerts/${encodeURIComponent(id)}/resolve`, { method: 'POST' }),
};

export type CommandsApi = typeof commandsApi;
