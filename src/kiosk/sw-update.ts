import { sessionEndedHash } from '../core/lockdown/bridge';
import type { Language } from '../core/i18n/languages';

/**
 * Registers the kiosk's service worker. A new version installs in the background and waits;
 * it takes over only when a session has ended (`applyUpdateIfWaiting()`), then the page reloads
 * on the clean home screen. Nobody's screen changes under their fingers.
 */
export function registerServiceWorker(): { applyUpdateIfWaiting(goodbye?: Language): void; reloadNow(): void } {
  if (!('serviceWorker' in navigator) || import.meta.env.DEV) return { applyUpdateIfWaiting() {}, reloadNow: () => window.location.reload() };
  const container = navigator.serviceWorker;
  let asked = false;
  let goodbyeIn: Language | undefined;
  /** « Recharger » from the console: a plain reload, the session in progress (if any) goes on. */
  let keepSession = false;
  container.addEventListener('controllerchange', () => {
    // Only a change we asked for reloads: the very first install claims the page silently.
    if (!asked) return;
    if (keepSession) return window.location.reload();
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
    /**
     * « Recharger »: looks for a new version now, lets it take over once installed, and reloads
     * on it (controllerchange); with nothing new, a plain reload.
     */
    reloadNow() {
      void container.getRegistration('/kiosk/').then(async (registration) => {
        await registration?.update().catch(() => undefined);
        const next = registration?.waiting ?? (registration?.installing ? await installed(registration.installing) : null);
        if (!next) return window.location.reload();
        asked = true;
        keepSession = true;
        next.postMessage({ type: 'SKIP_WAITING' });
      });
    },
  };
}

/** The worker once installed (waiting to take over); null if it failed, or took over already (a plain reload then loads it). */
function installed(worker: ServiceWorker): Promise<ServiceWorker | null> {
  return new Promise((resolve) => {
    const check = () => {
      if (worker.state === 'installed') resolve(worker);
      else if (worker.state === 'activating' || worker.state === 'activated' || worker.state === 'redundant') resolve(null);
    };
    worker.addEventListener('statechange', check);
    check();
  });
}
