import { signal } from '@preact/signals';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EnrolmentCodeView } from '../../src/core/fleet/enrolment';
import type { KioskStatus } from '../../src/core/realtime/events';
import type { EnrolApi } from '../../src/staff/enrol-api';
import { createEnrolState } from '../../src/staff/state/enrol-state';
import type { StaffState } from '../../src/staff/state/staff-state';
import { ApiRequestError } from '../../src/web/api-client';

const T0 = Date.parse('2026-11-23T09:00:00.000Z');
const VIEW: EnrolmentCodeView = { kiosk: { id: 'chatillon-5', label: 'Poste 5', siteId: 'chatillon' }, code: 'K7M4-9QXR', expiresAt: '2026-11-23T09:15:00.000Z', enrolUrl: 'http://borne.local/kiosk/#enrol=K7M4-9QXR' };

function setup(api: Partial<EnrolApi> = {}) {
  let now = T0;
  const staff = { me: signal<unknown>({ id: 'a' }), serverOffsetMs: signal(0), kiosks: signal<KioskStatus[]>([{ id: 'chatillon-5' } as KioskStatus, { id: 'chatillon-1' } as KioskStatus]) };
  const full: EnrolApi = { addKiosk: vi.fn(async () => VIEW), newCode: vi.fn(async () => VIEW), revoke: vi.fn(async () => undefined), ...api };
  const state = createEnrolState({ staff: staff as unknown as StaffState, api: full, now: () => now });
  return { state, staff, api: full, advance: (ms: number) => ((now += ms), vi.advanceTimersByTime(ms)) };
}

afterEach(() => vi.useRealTimers());

describe('the console enrolment state', () => {
  it('shows the code it was given and counts down to its expiry by the server clock', async () => {
    vi.useFakeTimers();
    const { state, staff, advance } = setup();
    expect(await state.add('chatillon', 'Poste 5')).toBeNull();
    expect(state.shown.value).toEqual({ view: VIEW, reason: 'added' });
    expect(state.secondsLeft.value).toBe(900);
    advance(61_000);
    expect(state.secondsLeft.value).toBe(839);
    // The console's clock is 30 s behind the server's: the code has 30 s less than it seems.
    staff.serverOffsetMs.value = 30_000;
    expect(state.secondsLeft.value).toBe(809);
    advance(900_000);
    expect(state.secondsLeft.value).toBe(0);
  });

  it('keeps a refusal for the form to show, next to what was typed', async () => {
    const { state } = setup({ addKiosk: vi.fn(async () => Promise.reject(new ApiRequestError(400, 'validation', 'bad', [{ path: 'label', message: 'expected the label' }]))) });
    const refusal = await state.add('chatillon', '');
    expect(refusal?.fields).toEqual({ label: 'expected the label' });
    expect(state.shown.value).toBeNull();
  });

  it('« Retirer la borne » drops the kiosk from the calls view and its code from the screen; a refusal stays by its button', async () => {
    const { state, staff } = setup({ revoke: vi.fn().mockRejectedValueOnce(new ApiRequestError(403, 'site_not_yours', 'no')).mockResolvedValue(undefined) });
    await state.newCode(VIEW.kiosk);
    expect(await state.revoke(VIEW.kiosk)).toBe(false);
    expect(state.kioskError.value).toMatchObject({ kioskId: 'chatillon-5', refusal: { code: 'site_not_yours' } });
    expect(await state.revoke(VIEW.kiosk)).toBe(true);
    expect(state.kioskError.value).toBeNull();
    expect(state.shown.value).toBeNull();
    expect(staff.kiosks.value.map((k) => k.id)).toEqual(['chatillon-1']);
    expect(state.revoked.value).toEqual(VIEW.kiosk);
  });

  it('signing out leaves no code on screen', async () => {
    const { state, staff } = setup();
    await state.add('chatillon', 'Poste 5');
    staff.me.value = null;
    expect(state.shown.value).toBeNull();
  });
});
