/**
 * One kiosk, one tab. A link or script that opens a new window has its address loaded in the tab
 * it came from, and the new tab is closed: a usager never ends up in a second window with no bar
 * and no way back. A page the policy blocks is replaced by Borne's own friendly page.
 */
export function keepOneTab(): void {
  chrome.webNavigation.onCreatedNavigationTarget.addListener((target) => {
    void moveIntoSource(target.tabId, target.sourceTabId, target.url);
  });
  // A tab opened without an opener (a keyboard shortcut, a middle click): same treatment.
  chrome.tabs.onCreated.addListener((tab) => {
    void (async () => {
      if (tab.id === undefined || tab.openerTabId !== undefined) return;
      // A link's new window is handled above; only what is still open a moment later is ours.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const still = await chrome.tabs.get(tab.id).catch(() => null);
      if (!still) return;
      const tabs = await chrome.tabs.query({});
      const first = tabs.filter((t) => t.id !== tab.id && t.id !== undefined).sort((a, b) => a.id! - b.id!)[0];
      if (!first?.id) return;
      const url = still.pendingUrl ?? still.url;
      await moveIntoSource(tab.id, first.id, url && !url.startsWith('chrome://newtab') ? url : undefined);
    })();
  });
  chrome.webNavigation.onErrorOccurred.addListener((details) => {
    if (details.frameId !== 0 || !/ERR_BLOCKED_BY_ADMINISTRATOR/.test(details.error)) return;
    const page = new URL(chrome.runtime.getURL('blocked.html'));
    page.searchParams.set('host', safeHost(details.url));
    void chrome.tabs.update(details.tabId, { url: page.toString() }).catch(() => undefined);
  });
}

async function moveIntoSource(newTabId: number, sourceTabId: number, url: string | undefined): Promise<void> {
  if (newTabId === sourceTabId) return;
  await chrome.tabs.remove(newTabId).catch(() => undefined);
  if (url && /^https?:/.test(url)) await chrome.tabs.update(sourceTabId, { url, active: true }).catch(() => undefined);
}

function safeHost(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
