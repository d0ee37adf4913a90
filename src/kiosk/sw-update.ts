import { Workbox } from 'workbox-window';

/**
 * Registers the service worker. A new version is installed in the background but only takes
 * over between sessions: `applyUpdateIfWaiting()` is called when a session ends.
 */
export function registerServiceWorker(): { applyUpdateIfWaiting(): void } {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return { applyUpdateIfWaiting() {} };
  const wb = new Workbox('/kiosk/sw.js', { scope: '/kiosk/' });
  let waiting = false;
  wb.addEventListener('waiting', () => (waiting = true));
  wb.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  void wb.register();
  return {
    applyUpdateIfWaiting() {
      if (waiting) wb.messageSkipWaiting();
    },
  };
}
