/**
 * The extension's wipe, the fast path before the launcher's hard reset (the
 * profile deletion is the only fully trusted reset). Every origin, Borne's included, loses its
 * cookies, storage and HTTP cache; history, downloads, form data and passwords go too (downloaded
 * files stay on disk until the profile is deleted). Only the kiosk app's own code is kept: its
 * precache and service worker hold nothing of a usager (no personal data is ever cached) and let
 * the kiosk start again while the server is out of reach. Official sites lose theirs.
 */
export async function wipeBrowsingData(borneOrigin: string | null): Promise<void> {
  const since = 0;
  await chrome.browsingData.remove({ since }, { cookies: true, localStorage: true, indexedDB: true, cache: true, fileSystems: true, webSQL: true });
  await chrome.browsingData.remove({ since, ...(borneOrigin ? { excludeOrigins: [borneOrigin] } : {}) }, { cacheStorage: true, serviceWorkers: true });
  await chrome.browsingData.remove({ since }, { history: true, downloads: true, formData: true, passwords: true });
}
