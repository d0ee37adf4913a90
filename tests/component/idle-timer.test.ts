import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { idleStatus, NO_HELP } from '../../src/core/help/help-session';
import { startIdleTimer } from '../../src/kiosk/state/idle-timer';

/** The kiosk page's idle timer drives the shared rule (src/core/help/help-session.ts) once a second. */
describe('idle timer', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  function setup(inSession = { value: true }) {
    const target = new EventTarget();
    const calls: string[] = [];
    const timer = startIdleTimer({
      status: (lastActivity, now) => idleStatus({ now, lastActivity, inSession: inSession.value, help: NO_HELP, settings: { warningAfterSeconds: 120, answerSeconds: 30, claimedPauseMinutes: 10 } }),
      onWarning: (s) => calls.push(s === null ? 'clear' : `warn:${s}`),
      onTimeout: () => calls.push('timeout'),
      target,
    });
    return { target, calls, timer };
  }

  it('does nothing outside a session (an idle home screen is never reset)', () => {
    const { calls, timer } = setup({ value: false });
    vi.advanceTimersByTime(3_600_000);
    expect(calls).toEqual([]);
    timer.stop();
  });

  it('warns after the inactivity delay, counts down the answer time, then times out once', () => {
    const { calls, timer } = setup();
    vi.advanceTimersByTime(119_000);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1_000);
    expect(calls).toEqual(['warn:30']);
    vi.advanceTimersByTime(29_000);
    expect(calls.at(-1)).toBe('warn:1');
    vi.advanceTimersByTime(1_000);
    expect(calls.at(-1)).toBe('timeout');
    vi.advanceTimersByTime(10_000);
    expect(calls.filter((c) => c === 'timeout')).toHaveLength(1);
    timer.stop();
  });

  it('restarts the delay on any input before the warning', () => {
    const { calls, timer, target } = setup();
    vi.advanceTimersByTime(100_000);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(100_000);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(21_000);
    expect(calls[0]).toMatch(/^warn:/);
    timer.stop();
  });

  it('keeps the warning up on a stray touch; only reset() (« Continuer ») dismisses it', () => {
    const { calls, timer, target } = setup();
    vi.advanceTimersByTime(125_000);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(30_000);
    expect(calls.at(-1)).toBe('timeout');

    calls.length = 0;
    timer.reset();
    vi.advanceTimersByTime(125_000);
    timer.reset();
    expect(calls.at(-1)).toBe('clear');
    vi.advanceTimersByTime(30_000);
    expect(calls).not.toContain('timeout');
    timer.stop();
  });
});
