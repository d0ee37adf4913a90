import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from '../../../src/extension/content/idle-watch';

/** The inactivity watch of the bar on official sites: the same rule as on the kiosk screen. */
describe('the idle watch on official sites', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  function setup(lastActivity = Date.now()) {
    const seen = { warnings: [] as (number | null)[], activity: 0, expired: 0 };
    const watch = watchIdle({
      warningAfterSeconds: 60,
      answerSeconds: 30,
      lastActivity,
      onActivity: () => seen.activity++,
      onWarning: (left) => seen.warnings.push(left),
      onExpired: () => seen.expired++,
    });
    return { seen, watch, lastWarning: () => seen.warnings.at(-1) };
  }

  it('warns after the delay with the seconds left to answer, then ends the session once', () => {
    const { seen, watch, lastWarning } = setup();
    vi.advanceTimersByTime(59_000);
    expect(lastWarning()).toBeNull();
    vi.advanceTimersByTime(2_000);
    expect(lastWarning()).toBe(29);
    vi.advanceTimersByTime(29_000);
    expect(seen.expired).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(seen.expired).toBe(1);
    watch.stop();
  });

  it('counts from the last activity on the previous page, so moving between pages is no escape', () => {
    const { seen, watch, lastWarning } = setup(Date.now() - 80_000);
    vi.advanceTimersByTime(1_000);
    expect(lastWarning()).toBe(9);
    vi.advanceTimersByTime(9_000);
    expect(seen.expired).toBe(1);
    watch.stop();
  });

  it('any input (a key, a tap) clears the warning and starts the count again', () => {
    const { seen, watch, lastWarning } = setup();
    vi.advanceTimersByTime(70_000);
    expect(lastWarning()).toBeGreaterThan(0);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    expect(lastWarning()).toBeNull();
    vi.advanceTimersByTime(59_000);
    expect(lastWarning()).toBeNull();
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(59_000);
    expect(seen.expired).toBe(0);
    watch.stop();
  });

  it('tells the background worker of activity at most every 5 s, and stops listening when stopped', () => {
    const { seen, watch } = setup();
    for (let i = 0; i < 10; i++) {
      window.dispatchEvent(new Event('pointerdown'));
      vi.advanceTimersByTime(1_000);
    }
    expect(seen.activity).toBe(2);
    watch.stop();
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(200_000);
    expect(seen.activity).toBe(2);
    expect(seen.expired).toBe(0);
  });
});
