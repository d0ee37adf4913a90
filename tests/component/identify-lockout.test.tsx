import { cleanup, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiRequestError } from '../../src/web/api-client';
import { fakeApi, frenchI18n, renderKiosk } from './support/kiosk-harness';

afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

/**
 * The lockout message says when to try again, from the server's answer (a duration, so a kiosk
 * whose clock is off says the right thing), keeps it true while the usager waits, and offers the
 * médiateur in the message itself.
 */
describe('identification lockout at the kiosk', () => {
  async function lockedFor(seconds: number) {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'], now: new Date('2026-11-23T09:00:00Z') });
    const fake = fakeApi();
    fake.api.identify = async () => {
      throw new ApiRequestError(423, 'identify_locked', 'paused', undefined, { retryAt: new Date(Date.now() + seconds * 1000).toISOString(), retryAfterSeconds: seconds });
    };
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    state.go('identify');
    const timersBefore = vi.getTimerCount();
    await state.identifyByNumber('10000001', '1985-03-15');
    const alert = (await screen.findByText(/Trop d'essais/)).closest('[role="alert"]') as HTMLElement;
    // The countdown's timer starts after the paint (an effect): wait for it before moving time.
    await vi.waitFor(() => expect(vi.getTimerCount()).toBe(timersBefore + 1));
    return { state, alert };
  }

  it('says « Réessayez dans 15 minutes » with the médiateur button, and keeps it true a minute later', async () => {
    const { state, alert } = await lockedFor(900);
    within(alert).getByText(/Réessayez dans 15 minutes\./);
    within(alert).getByRole('button', { name: 'Appeler un médiateur' });
    await vi.advanceTimersByTimeAsync(60_000);
    within(alert).getByText(/Réessayez dans 14 minutes\./);
    state.stop();
  });

  it('counts down to « Vous pouvez réessayer maintenant »', async () => {
    const { state, alert } = await lockedFor(90);
    within(alert).getByText(/Réessayez dans 2 minutes\./);
    await vi.advanceTimersByTimeAsync(30_000);
    within(alert).getByText(/Réessayez dans 1 minute\./);
    await vi.advanceTimersByTimeAsync(60_000);
    within(alert).getByText(/Vous pouvez réessayer maintenant\./);
    state.stop();
  });

  it('shows a code refused next to the courrier, and the number form keeps its own place', async () => {
    const fake = fakeApi();
    fake.api.identifyByCode = async () => {
      throw new ApiRequestError(400, 'code_expired', 'expired');
    };
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    state.go('identify');
    await state.identifyByCode('BRN1.x.y');
    const scanCard = screen.getByRole('region', { name: 'Avec le courrier' });
    expect(within(scanCard).getByRole('alert').textContent).toContain('Ce courrier est trop ancien.');
    expect(within(screen.getByRole('region', { name: 'Avec le numéro de dossier' })).getByRole('alert').textContent).toBe('');
    state.stop();
  });
});
