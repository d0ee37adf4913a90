import { sessionEndedHash } from '../core/lockdown/bridge';
import type { Language } from '../core/i18n/languages';

/**
 * Registers the kiosk's service worker. A new version installs in the background and waits;
 * it takes over only when a session has ended (`applyUpdateIfWaiting()`), then the page reloads
 * on the clean home screen. Nobody's screen changes under their fingers.
 */
export function registerServiceWorker(): { applyUpdateIfWaiting(goodbye?: Language): void } {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return { applyUpdateIfWaiting() {} };
  const container = navigator.serviceWorker;
  let asked = false;
  let goodbyeIn: Language | undefined;
  container.addEventListener('controllerchange', () => {
    // Only a change we asked for reloads: the very first install claims the page silently.
    if (!asked) return;
    // The new version still says goodbye, in the language of the session that just ended.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#${sessionEndedHash(goodbyeIn)}`);
    window.location.reload();
  });
  void container.register('/kiosk/sw.js', { scope: '/kiosk/' }).catch(() => undefined);
  return {
    applyUpdateIfWaiting(goodbye) {
      void container.getRegistration('/kiosk/').then((registration) => {
        if (!registration?.waiting) return;
        asked = true;
        goodbyeIn = goodbye;
        registration.waiting.postMessage({ type: 'SKIP_WAITING' });
      });
    },
  };
}
