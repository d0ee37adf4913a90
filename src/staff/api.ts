import type { SiteSummary, StaffMe } from '../core/api/staff-auth';
import type { HelpCall, HelpOutcome } from '../core/help/help-call';
import type { StaffEvent } from '../core/realtime/events';
import { apiRequest } from '../web/api-client';
import { startEventStream, type EventStream, type StreamState } from '../web/event-stream';

export const staffApi = {
  me: () => apiRequest<StaffMe>('/api/staff/me'),
  login: (username: string, password: string) => apiRequest<StaffMe>('/api/staff/session', { method: 'POST', body: { username, password } }),
  logout: () => apiRequest<void>('/api/staff/session', { method: 'DELETE' }),
  sites: () => apiRequest<SiteSummary[]>('/api/staff/sites'),
  setDuty: (siteId: string | null) => apiRequest<StaffMe>('/api/staff/duty', { method: 'PUT', body: { siteId } }),
  claim: (id: string) => apiRequest<HelpCall>(`/api/staff/help-calls/${encodeURIComponent(id)}/claim`, { method: 'POST' }),
  resolve: (id: string, outcome: HelpOutcome) => apiRequest<HelpCall>(`/api/staff/help-calls/${encodeURIComponent(id)}/resolve`, { method: 'POST', body: { outcome } }),
  resetKiosk: (kioskId: string) => apiRequest<void>(`/api/staff/kiosks/${encodeURIComponent(kioskId)}/reset`, { method: 'POST' }),
  stream: (siteId: string, onEvent: (event: StaffEvent) => void, onState: (s: StreamState) => void, onRefused: () => void): EventStream =>
    startEventStream({
      url: `/api/staff/sites/${encodeURIComponent(siteId)}/stream`,
      onEvent: (_type, data) => onEvent(data as StaffEvent),
      onState,
      onRefused,
    }),
};

export type StaffApi = typeof staffApi;
