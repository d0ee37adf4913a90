import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LEASE_MS } from '../../src/core/fleet/presence';
import { createKioskHealth, startHeartbeat } from '../../src/kiosk/io/heartbeat';

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

describe('what each beat tells « Parc des bornes »', () => {
  it('sends the version, the page start kept across a trip to an official site, the camera and the last error code', async () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    let now = new Date('2026-11-23T08:00:00.000Z');
    const first = createKioskHealth({ version: '0.1.0', now: () => now, storage, devices: async () => [{ kind: 'audioinput' }, { kind: 'videoinput' }] });
    now = new Date('2026-11-23T09:00:00.000Z');
    // The page is loaded again (back from an official site): the uptime goes on.
    const health = createKioskHealth({ version: '0.1.0', now: () => now, storage, devices: async () => [{ kind: 'audioinput' }] });
    expect(await first.details()).toMatchObject({ camera: true });
    health.record('Mme Martin: dossier introuvable');
    expect(await health.details()).toEqual({ appVersion: '0.1.0', startedAt: '2026-11-23T08:00:00.000Z', camera: false, lastError: null });
    health.record('stream_refused');
    expect((await health.details()).lastError).toEqual({ code: 'stream_refused', at: '2026-11-23T09:00:00.000Z' });

    const beat = vi.fn(async (_details?: unknown) => undefined);
    const heartbeat = startHeartbeat(beat, 15_000, health.details);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(beat).toHaveBeenCalledWith(expect.objectContaining({ appVersion: '0.1.0', camera: false }));
    heartbeat.stop();
  });
});
