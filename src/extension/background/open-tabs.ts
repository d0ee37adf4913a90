import { CONTENT_MATCHES } from '../../core/lockdown/bridge';

/**
 * On a kiosk PC the extension is forced in by policy on every fresh profile, a moment after
 * Chromium has already opened the kiosk page. Content scripts only reach pages loaded after the
 * install, so the pages already open get it now; otherwise the kiosk page would never hand over
 * its context and the bar would never show on the official sites.
 */
export function reachOpenTabs(): void {
  chrome.runtime.onInstalled.addListener(() => {
    void (async () => {
      const tabs = await chrome.tabs.query({ url: [...CONTENT_MATCHES] });
      await Promise.all(
        tabs.map((tab) => (tab.id === undefined ? undefined : chrome.scripting.executeScript({ target: { tabId: tab.id }, files: ['content.js'] }).catch(() => undefined))),
      );
    })();
  });
}
