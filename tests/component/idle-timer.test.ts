import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startIdleTimer } from '../../src/kiosk/state/idle-timer';

describe('idle timer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const target = new EventTarget();
    const calls: string[] = [];
    const timer = startIdleTimer({
      warnAfterMs: 120_000,
      answerMs: 30_000,
      onWarn: (s) => calls.push(`warn:${s}`),
      onTick: (s) => calls.push(`tick:${s}`),
      onTimeout: () => calls.push('timeout'),
      target,
    });
    return { target, calls, timer };
  }

  it('does nothing while disarmed (an idle home screen is never reset)', () => {
    const { calls } = setup();
    vi.advanceTimersByTime(3_600_000);
    expect(calls).toEqual([]);
  });

  it('warns after the inactivity delay, counts down the answer time, then times out', () => {
    const { calls, timer } = setup();
    timer.arm();
    vi.advanceTimersByTime(119_999);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['warn:30']);
    vi.advanceTimersByTime(29_000);
    expect(calls.at(-1)).toBe('tick:1');
    vi.advanceTimersByTime(1_000);
    expect(calls.at(-1)).toBe('timeout');
  });

  it('restarts the delay on any input before the warning', () => {
    const { calls, timer, target } = setup();
    timer.arm();
    vi.advanceTimersByTime(100_000);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(100_000);
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(20_000);
    expect(calls).toEqual(['warn:30']);
  });

  it('keeps the warning up on a stray touch; only reset() (« Continuer ») dismisses it', () => {
    const { calls, timer, target } = setup();
    timer.arm();
    vi.advanceTimersByTime(120_000);
    target.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(30_000);
    expect(calls.at(-1)).toBe('timeout');

    calls.length = 0;
    timer.reset();
    vi.advanceTimersByTime(120_000);
    timer.reset();
    vi.advanceTimersByTime(30_000);
    expect(calls).toEqual(['warn:30']);
  });
});
