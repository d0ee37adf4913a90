/**
 * Watches for inactivity. After `warnAfterMs` without input it calls onWarn with the seconds
 * left; after `answerMs` more it calls onTimeout. Any input (or `reset()`) starts over.
 * Only runs while armed: an idle home screen is never reset (nothing to protect there).
 */
export interface IdleTimerOptions {
  warnAfterMs: number;
  answerMs: number;
  onWarn: (secondsLeft: number) => void;
  onTick: (secondsLeft: number) => void;
  onTimeout: () => void;
  target?: EventTarget;
}

export interface IdleTimer {
  arm(): void;
  disarm(): void;
  reset(): void;
  stop(): void;
  readonly warning: boolean;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;

export function startIdleTimer(options: IdleTimerOptions): IdleTimer {
  const target = options.target ?? document;
  let armed = false;
  let warning = false;
  let warnTimer: ReturnType<typeof setTimeout> | undefined;
  let tickTimer: ReturnType<typeof setInterval> | undefined;

  const clear = () => {
    clearTimeout(warnTimer);
    clearInterval(tickTimer);
    warning = false;
  };

  const schedule = () => {
    clear();
    if (!armed) return;
    warnTimer = setTimeout(() => {
      warning = true;
      let left = Math.round(options.answerMs / 1000);
      options.onWarn(left);
      tickTimer = setInterval(() => {
        left -= 1;
        if (left <= 0) {
          clear();
          options.onTimeout();
        } else options.onTick(left);
      }, 1000);
    }, options.warnAfterMs);
  };

  // While the warning is up, only « Continuer » (which calls reset) keeps the session: a stray
  // touch elsewhere should not silently dismiss a dialog the usager may not have read.
  const onActivity = () => {
    if (!warning) schedule();
  };
  for (const type of ACTIVITY_EVENTS) target.addEventListener(type, onActivity, { passive: true, capture: true });

  return {
    arm() {
      if (armed) return;
      armed = true;
      schedule();
    },
    disarm() {
      armed = false;
      clear();
    },
    reset: schedule,
    stop() {
      armed = false;
      clear();
      for (const type of ACTIVITY_EVENTS) target.removeEventListener(type, onActivity, { capture: true });
    },
    get warning() {
      return warning;
    },
  };
}
