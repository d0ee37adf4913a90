import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyView, NO_HELP, type HelpSessionState } from '../../../src/core/help/help-session';
import { watchIdle } from '../../../src/extension/content/idle-watch';

/** The inactivity watch of the bar on official sites: the same rule as on the kiosk screen. */
describe('the idle watch on official sites', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  function setup(lastActivity = Date.now(), help: { value: HelpSessionState } = { value: NO_HELP }) {
    const seen = { warnings: [] as (number | null)[], activity: 0, expired: 0 };
    const watch = watchIdle({
      settings: { warningAfterSeconds: 60, answerSeconds: 30, claimedPauseMinutes: 5 },
      lastActivity,
      help: () => help.value,
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

  it('input before the warning starts the count again; once the warning is up, only « Continuer » does (as on the kiosk page)', () => {
    const { seen, watch, lastWarning } = setup();
    vi.advanceTimersByTime(50_000);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(50_000);
    expect(lastWarning()).toBeNull();
    vi.advanceTimersByTime(20_000);
    expect(lastWarning()).toBeGreaterThan(0);
    // A stray key does not dismiss a warning nobody read.
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
    expect(lastWarning()).toBeGreaterThan(0);
    watch.touch();
    expect(lastWarning()).toBeNull();
    vi.advanceTimersByTime(59_000);
    expect(seen.expired).toBe(0);
    watch.stop();
  });

  it('pauses while a médiateur has claimed the call, up to the site ceiling, then warns', () => {
    const claimed = applyView({ ...NO_HELP, callId: 'c' }, { call: { id: 'c', status: 'claimed', createdAt: '', claimedByFirstName: 'Karim', escalated: false, outcome: null }, onDutyCount: 1, position: null, estimatedWait: null }, Date.now());
    const { seen, watch, lastWarning } = setup(Date.now(), { value: claimed });
    vi.advanceTimersByTime(4 * 60_000);
    expect(lastWarning()).toBeNull();
    vi.advanceTimersByTime(60_000 + 61_000);
    expect(lastWarning()).toBeGreaterThan(0);
    vi.advanceTimersByTime(30_000);
    expect(seen.expired).toBe(1);
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
