import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordAttempt } from '../../src/server/identity/identity.repository';
import { IDENTIFY_POLICY, lockedDetails, lockedUntil, overAttemptRate } from '../../src/server/identity/lockout';
import { migrate } from '../../src/server/store/db';
import { openTestStore } from '../support/store';

/**
 * The lockout module identification and the booking lookup share (identity/lockout.ts): what
 * both callers rely on, on the store itself, on both dialects.
 */
const NOW = new Date('2026-11-23T09:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);

describe('shared lockout', () => {
  let dir: string;
  let store: Awaited<ReturnType<typeof openTestStore>>;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'borne-lockout-'));
    store = await openTestStore(dir);
    await migrate(store);
  });
  afterEach(async () => {
    await store.close();
    await store.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('locks a dossier key after its 5th failure in the window, on every kiosk, until the 5th most recent leaves the window', async () => {
    for (let i = 0; i < IDENTIFY_POLICY.maxFailuresPerDossier - 1; i++) await recordAttempt(store.db, `k${i}`, 'key-a', false, ago(60_000 * (10 - i)));
    expect(await lockedUntil(store.db, { kioskId: 'k9', dossierKey: 'key-a' }, NOW)).toBeNull();
    await recordAttempt(store.db, 'k4', 'key-a', false, ago(60_000));
    // The oldest of the five was 10 minutes ago: the lock lifts when it is 15 minutes old.
    expect(await lockedUntil(store.db, { kioskId: 'k9', dossierKey: 'key-a' }, NOW)).toEqual(new Date(ago(10 * 60_000).getTime() + IDENTIFY_POLICY.windowMs));
    // Another key, on a kiosk with no failures, is not locked.
    expect(await lockedUntil(store.db, { kioskId: 'k9', dossierKey: 'key-b' }, NOW)).toBeNull();
    // Successes never count.
    await recordAttempt(store.db, 'k9', 'key-b', true, NOW);
    expect(await lockedUntil(store.db, { kioskId: 'k9', dossierKey: 'key-b' }, NOW)).toBeNull();
  });

  it('locks a kiosk that failed on 10 different keys, whatever the key (a null key counts for the kiosk only)', async () => {
    for (let i = 0; i < IDENTIFY_POLICY.maxFailuresPerKiosk; i++) await recordAttempt(store.db, 'k1', `key-${i}`, false, ago(1000 * (i + 1)));
    expect(await lockedUntil(store.db, { kioskId: 'k1', dossierKey: null }, NOW)).not.toBeNull();
    expect(await lockedUntil(store.db, { kioskId: 'k1', dossierKey: 'fresh' }, NOW)).not.toBeNull();
    expect(await lockedUntil(store.db, { kioskId: 'k2', dossierKey: null }, NOW)).toBeNull();
  });

  it('forgets failures older than the window', async () => {
    for (let i = 0; i < IDENTIFY_POLICY.maxFailuresPerDossier; i++) await recordAttempt(store.db, 'k1', 'key-a', false, ago(IDENTIFY_POLICY.windowMs + 1000 * (i + 1)));
    expect(await lockedUntil(store.db, { kioskId: 'k1', dossierKey: 'key-a' }, NOW)).toBeNull();
  });

  it('spends one per-minute budget per kiosk, successes included', async () => {
    for (let i = 0; i < IDENTIFY_POLICY.maxAttemptsPerMinute - 1; i++) await recordAttempt(store.db, 'k1', `key-${i}`, true, ago(1000));
    expect(await overAttemptRate(store.db, 'k1', NOW)).toBe(false);
    await recordAttempt(store.db, 'k1', 'key-last', true, ago(1000));
    expect(await overAttemptRate(store.db, 'k1', NOW)).toBe(true);
    expect(await overAttemptRate(store.db, 'k2', NOW)).toBe(false);
    // A minute later the budget is back.
    expect(await overAttemptRate(store.db, 'k1', new Date(NOW.getTime() + 60_000))).toBe(false);
  });

  it('says when to try again, at least one second ahead', () => {
    expect(lockedDetails(new Date(NOW.getTime() + 90_500), NOW)).toEqual({ retryAt: '2026-11-23T09:01:30.500Z', retryAfterSeconds: 91 });
    expect(lockedDetails(NOW, NOW).retryAfterSeconds).toBe(1);
  });
});
