import { inputCountsAsActivity, type IdleStatus } from '../../core/help/help-session';

/**
 * The kiosk page's side of the inactivity rule: it notes the usager's input and asks, once a
 * second, where the count stands. The rule itself (when it counts, the claimed pause and its
 * ceiling, the warning) is src/core/help/help-session.ts `idleStatus`, shared with the extension's
 * bar, so the page and the official sites cannot drift apart.
 */
export interface IdleTimerOptions {
  /** Where the count stands, for the last input at `lastActivity` (the kiosk state binds the rest). */
  status: (lastActivity: number, now: number) => IdleStatus;
  onWarning: (secondsLeft: number | null) => void;
  onTimeout: () => void;
  now?: () => number;
  target?: EventTarget;
}

export interface IdleTimer {
  /** « Continuer », or a session that just began: the count starts again now. */
  reset(): void;
  /** Looks again at once (the session or the call changed). */
  check(): void;
  stop(): void;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export function startIdleTimer(options: IdleTimerOptions): IdleTimer {
  const target = options.target ?? document;
  const now = options.now ?? (() => Date.now());
  let lastActivity = now();
  let shownSeconds: number | null = null;
  let timedOut = false;

  const check = () => {
    const status = options.status(lastActivity, now());
    if (status.phase === 'expired') {
      if (timedOut) return;
      timedOut = true;
      show(null);
      options.onTimeout();
      return;
    }
    timedOut = false;
    show(status.phase === 'warning' ? status.secondsLeft : null);
  };

  const show = (seconds: number | null) => {
    if (seconds === shownSeconds) return;
    shownSeconds = seconds;
    options.onWarning(seconds);
  };

  const onActivity = () => {
    if (!inputCountsAsActivity(options.status(lastActivity, now()))) return;
    lastActivity = now();
  };
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, { passive: true, capture: true });
  const tick = setInterval(check, 1000);

  return {
    reset() {
      lastActivity = now();
      check();
    },
    check,
    stop() {
      clearInterval(tick);
      for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, { capture: true });
    },
  };
}
