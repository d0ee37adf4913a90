/**
 * Registers the kiosk's service worker. A new version installs in the background and waits;
 * it takes over only when a session has ended (`applyUpdateIfWaiting()`), then the page reloads
 * on the clean home screen. Nobody's screen changes under their fingers.
 */
export function registerServiceWorker(): { applyUpdateIfWaiting(): void } {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return { applyUpdateIfWaiting() {} };
  const container = navigator.serviceWorker;
  let asked = false;
  container.addEventListener('controllerchange', () => {
    // Only a change we asked for reloads: the very first install claims the page silently.
    if (asked) window.location.reload();
  });
  void container.register('/kiosk/sw.js', { scope: '/kiosk/' }).catch(() => undefined);
  return {
    applyUpdateIfWaiting() {
      void container.getRegistration('/kiosk/').then((registration) => {
        if (!registration?.waiting) return;
        asked = true;
        registration.waiting.postMessage({ type: 'SKIP_WAITING' });
      });
    },
  };
}
