import { idleStatus, inputCountsAsActivity, type HelpSessionState, type IdleSettings } from '../../core/help/help-session';

/**
 * Inactivity on an official site, by the same rule as on the kiosk page (src/core/help/help-session.ts
 * `idleStatus`): after the site's delay a warning with « Continuer » and at least 20 s to answer
 * (RGAA 13.1), then the session ends; the only pause is a claimed call, up to the site's ceiling.
 * The last activity is kept by the background worker, so going from page to page does not
 * restart the count.
 */
export interface IdleWatchOptions {
  settings: IdleSettings;
  lastActivity: number;
  /** The session's help call as the background worker last told it. */
  help: () => HelpSessionState;
  onActivity: () => void;
  onWarning: (secondsLeft: number | null) => void;
  onExpired: () => void;
  now?: () => number;
}

const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

export function watchIdle(options: IdleWatchOptions): { touch(): void; check(): void; stop(): void } {
  const now = options.now ?? (() => Date.now());
  let last = Math.max(options.lastActivity, 0) || now();
  let lastSent = 0;
  let expired = false;
  const status = () => idleStatus({ now: now(), lastActivity: last, inSession: true, help: options.help(), settings: options.settings });
  /** « Continuer », or arriving on the page: the count starts again. */
  const touch = () => {
    last = now();
    options.onWarning(null);
    // The background worker hears of it at most every 5 s: enough for a count in seconds.
    if (last - lastSent > 5000) {
      lastSent = last;
      options.onActivity();
    }
  };
  // While the warning is up, a stray input does not dismiss it: only « Continuer » does.
  const onInput = () => {
    if (inputCountsAsActivity(status())) touch();
  };
  const tick = () => {
    if (expired) return;
    const s = status();
    if (s.phase === 'warning') return options.onWarning(s.secondsLeft);
    if (s.phase !== 'expired') return options.onWarning(null);
    expired = true;
    options.onExpired();
  };
  for (const type of INPUT_EVENTS) window.addEventListener(type, onInput, { capture: true, passive: true });
  const timer = setInterval(tick, 1000);
  return {
    touch,
    check: tick,
    stop() {
      clearInterval(timer);
      for (const type of INPUT_EVENTS) window.removeEventListener(type, onInput, { capture: true });
    },
  };
}
