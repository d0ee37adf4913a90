import type { MotifAdminList, MotifAdminView, MotifFields, ReferentAdminList, ReferentAdminView, ReferentFields } from '../core/agenda/agenda-admin';
import { apiRequest } from '../web/api-client';

const site = (siteId: string) => `/api/staff/sites/${encodeURIComponent(siteId)}`;

/** « Référents » and « Motifs »: every change names the version it started from. */
export const agendaAdminApi = {
  referents: (siteId: string) => apiRequest<ReferentAdminList>(`${site(siteId)}/referents`),
  createReferent: (siteId: string, fields: ReferentFields) => apiRequest<ReferentAdminView>(`${site(siteId)}/referents`, { method: 'POST', body: fields }),
  updateReferent: (id: string, fields: ReferentFields, version: number) => apiRequest<ReferentAdminView>(`/api/staff/referents/${encodeURIComponent(id)}`, { method: 'PUT', body: { ...fields, version } }),
  archiveReferent: (id: string, archived: boolean, version: number) => apiRequest<ReferentAdminView>(`/api/staff/referents/${encodeURIComponent(id)}/archive`, { method: 'POST', body: { archived, version } }),
  motifs: (siteId: string) => apiRequest<MotifAdminList>(`${site(siteId)}/motifs`),
  createMotif: (siteId: string, fields: MotifFields) => apiRequest<MotifAdminView>(`${site(siteId)}/motifs`, { method: 'POST', body: fields }),
  updateMotif: (id: string, fields: MotifFields, version: number) => apiRequest<MotifAdminView>(`/api/staff/motifs/${encodeURIComponent(id)}`, { method: 'PUT', body: { ...fields, version } }),
  archiveMotif: (id: string, archived: boolean, version: number) => apiRequest<MotifAdminView>(`/api/staff/motifs/${encodeURIComponent(id)}/archive`, { method: 'POST', body: { archived, version } }),
};

export type AgendaAdminApi = typeof agendaAdminApi;
