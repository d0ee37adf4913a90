import { afterEach, describe, expect, it, vi } from 'vitest';
import { backoffCeiling, backoffDelay, STREAM_BACKOFF } from '../../src/core/realtime/backoff';
import { startEventStream } from '../../src/web/event-stream';

describe('stream back-off with full jitter', () => {
  it('retries first within 1–5 s, then doubles the ceiling up to 15 s', () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffCeiling(n))).toEqual([5000, 10_000, 15_000, 15_000, 15_000]);
    expect(backoffDelay(0, () => 0)).toBe(1000);
    expect(backoffDelay(0, () => 0.5)).toBe(3000);
    expect(backoffDelay(0, () => 0.999_999)).toBe(5000);
    expect(backoffDelay(2, () => 0.5)).toBe(8000);
    expect(backoffDelay(50, () => 0.999_999)).toBe(STREAM_BACKOFF.capMs);
  });

  it('spreads a crowd: 5,000 first retries cover 1–5 s evenly instead of one instant', () => {
    let seed = 42;
    // A small fixed generator (LCG): the same spread on every run.
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const perSecond = [0, 0, 0, 0];
    for (let i = 0; i < 5000; i++) perSecond[Math.min(3, Math.floor((backoffDelay(0, random) - 1000) / 1000))]! += 1;
    for (const n of perSecond) expect(n).toBeGreaterThan(1100);
  });
});

describe('startEventStream', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits the jittered delay before each retry', async () => {
    vi.useFakeTimers();
    const fetches: number[] = [];
    vi.stubGlobal('fetch', vi.fn(async () => {
      fetches.push(Date.now());
      throw new TypeError('connection refused');
    }));
    const t0 = Date.now();
    const stream = startEventStream({ url: '/api/kiosk/stream', onEvent: () => {}, random: () => 0.5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(fetches).toHaveLength(1);
    // Attempt 0: 1 s + 0.5 × 4 s = 3 s (no retry at 500 ms as before: a restart's crowd would come back at once).
    await vi.advanceTimersByTimeAsync(2999);
    expect(fetches).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetches).toHaveLength(2);
    // Attempt 1: 1 s + 0.5 × 9 s = 5.5 s later.
    await vi.advanceTimersByTimeAsync(5500);
    expect(fetches.map((at) => at - t0)).toEqual([0, 3000, 8500]);
    stream.stop();
  });
});
