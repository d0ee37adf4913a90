import type { EnrolmentCodeView } from '../core/fleet/enrolment';
import { apiRequest } from '../web/api-client';

/** « Ajouter une borne », « Nouveau code d'enregistrement », « Retirer la borne », as the console calls them. */
export const enrolApi = {
  addKiosk: (siteId: string, label: string) => apiRequest<EnrolmentCodeView>(`/api/staff/sites/${encodeURIComponent(siteId)}/kiosks`, { method: 'POST', body: { label } }),
  newCode: (kioskId: string) => apiRequest<EnrolmentCodeView>(`/api/staff/kiosks/${encodeURIComponent(kioskId)}/enrolment-code`, { method: 'POST' }),
  revoke: (kioskId: string) => apiRequest<void>(`/api/staff/kiosks/${encodeURIComponent(kioskId)}`, { method: 'DELETE' }),
};

export type EnrolApi = typeof enrolApi;
