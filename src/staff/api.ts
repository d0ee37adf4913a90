import type { OutboxMessageView, StaffAgendaDay } from '../core/agenda/booking';
import type { WeeklyPeriods } from '../core/agenda/slots';
import type { GuideStatsView } from '../core/guides/api';
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
  agenda: (siteId: string, day: string) => apiRequest<StaffAgendaDay>(`/api/staff/sites/${encodeURIComponent(siteId)}/agenda?day=${encodeURIComponent(day)}`),
  setHours: (referentId: string, hours: WeeklyPeriods) => apiRequest<void>(`/api/staff/referents/${encodeURIComponent(referentId)}/hours`, { method: 'PUT', body: { hours } }),
  addAbsence: (referentId: string, startsAt: string, endsAt: string) =>
    apiRequest<{ id: string }>(`/api/staff/referents/${encodeURIComponent(referentId)}/absences`, { method: 'POST', body: { startsAt, endsAt } }),
  removeAbsence: (absenceId: string) => apiRequest<void>(`/api/staff/absences/${encodeURIComponent(absenceId)}`, { method: 'DELETE' }),
  guideStats: (siteId: string) => apiRequest<GuideStatsView[]>(`/api/staff/sites/${encodeURIComponent(siteId)}/guides/stats`),
  outbox: (siteId: string) => apiRequest<OutboxMessageView[]>(`/api/staff/sites/${encodeURIComponent(siteId)}/outbox`),
  todayCalls: (siteId: string) => apiRequest<HelpCall[]>(`/api/staff/sites/${encodeURIComponent(siteId)}/help-calls/today`),
  stream: (siteId: string, onEvent: (event: StaffEvent) => void, onState: (s: StreamState) => void, onRefused: (status: number) => void): EventStream =>
    startEventStream({
      url: `/api/staff/sites/${encodeURIComponent(siteId)}/stream`,
      onEvent: (_type, data) => onEvent(data as StaffEvent),
      onState,
      onRefused,
    }),
};

export type StaffApi = typeof staffApi;
