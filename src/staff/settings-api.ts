import type { SettingsSaved, SettingsView, SiteSettings } from '../core/site/settings';
import { apiRequest } from '../web/api-client';

/** « Réglages du pôle »: the console's calls (the state module is the only caller). */
export const settingsApi = {
  read: (siteId: string) => apiRequest<SettingsView>(`/api/staff/sites/${encodeURIComponent(siteId)}/settings`),
  save: (siteId: string, settings: Partial<Record<keyof SiteSettings, unknown>>, version: number) =>
    apiRequest<SettingsSaved>(`/api/staff/sites/${encodeURIComponent(siteId)}/settings`, { method: 'PUT', body: { settings, version } }),
};

export type SettingsApi = typeof settingsApi;
