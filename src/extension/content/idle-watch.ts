/**
 * Inactivity on an official site, as on the kiosk: after the site's delay a warning with
 * « Continuer » and at least 20 s to answer (RGAA 13.1), then the session ends. The last activity
 * is kept by the background worker, so going from page to page does not restart the count.
 */
export interface IdleWatchOptions {
  warningAfterSeconds: number;
  answerSeconds: number;
  lastActivity: number;
  onActivity: () => void;
  onWarning: (secondsLeft: number | null) => void;
  onExpired: () => void;
  now?: () => number;
}

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

export function watchIdle(options: IdleWatchOptions): { touch(): void; stop(): void } {
  const now = options.now ?? (() => Date.now());
  let last = Math.max(options.lastActivity, 0) || now();
  let lastSent = 0;
  let expired = false;
  const touch = () => {
    last = now();
    options.onWarning(null);
    // The background worker hears of it at most every 5 s: enough for a count in seconds.
    if (last - lastSent > 5000) {
      lastSent = last;
      options.onActivity();
    }
  };
  const tick = () => {
    if (expired) return;
    const idleFor = (now() - last) / 1000;
    if (idleFor < options.warningAfterSeconds) return options.onWarning(null);
    const left = Math.ceil(options.warningAfterSeconds + options.answerSeconds - idleFor);
    if (left > 0) return options.onWarning(left);
    expired = true;
    options.onExpired();
  };
  for (const type of INPUT_EVENTS) window.addEventListener(type, touch, { capture: true, passive: true });
  const timer = setInterval(tick, 1000);
  return {
    touch,
    stop() {
      clearInterval(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, touch, { capture: true });
    },
  };
}
