import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEASE_MS } from '../../src/core/fleet/presence';
import { startHeartbeat } from '../../src/kiosk/io/heartbeat';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the kiosk heartbeat', () => {
  it('renews every 15 s, often enough that one lost beat never ends the lease, and stops', async () => {
    const beat = vi.fn(async () => undefined);
    const heartbeat = startHeartbeat(beat);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(beat).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(beat).toHaveBeenCalledTimes(3);
    // Two beats fit in the lease with room: a single lost one keeps the kiosk online.
    expect(2 * 15_000).toBeLessThan(LEASE_MS);
    heartbeat.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(beat).toHaveBeenCalledTimes(3);
  });

  it('keeps beating after a failed beat (server away for a moment)', async () => {
    const beat = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const heartbeat = startHeartbeat(beat);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(beat).toHaveBeenCalledTimes(2);
    heartbeat.stop();
  });
});
