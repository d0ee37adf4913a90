/**
 * The extension's wipe, the fast path before the launcher's hard reset (shared/REFERENCE.md: the
 * profile deletion is the only fully trusted reset). Every origin loses its cookies, storage,
 * caches and service workers, except Borne's own: the kiosk clears its session itself and keeps its
 * precache and device token, so it can start again offline. History, downloads and form data go for
 * every origin (downloaded files stay on disk until the profile is deleted).
 */
export async function wipeBrowsingData(borneOrigin: string | null): Promise<void> {
  const siteData: chrome.browsingData.DataTypeSet = {
    cookies: true,
    localStorage: true,
    indexedDB: true,
    cacheStorage: true,
    cache: true,
    serviceWorkers: true,
    fileSystems: true,
    webSQL: true,
  };
  await chrome.browsingData.remove({ since: 0, ...(borneOrigin ? { excludeOrigins: [borneOrigin] } : {}) }, siteData);
  await chrome.browsingData.remove({ since: 0 }, { history: true, downloads: true, formData: true, passwords: true });
}
