import { fireEvent, screen, waitFor } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ApiRequestError } from '../../src/web/api-client';
import { fakeStaffApi, renderConsole, staffI18n } from './support/staff-harness';

let i18n: i18n;
beforeAll(async () => {
  i18n = await staffI18n();
});
afterEach(() => {
  document.body.innerHTML = '';
});

/** Signed out, with a sign-in that the server refuses as `refusal` says. */
async function refusedSignIn(refusal: ApiRequestError): Promise<void> {
  const fake = fakeStaffApi();
  fake.api.me = async () => {
    throw new ApiRequestError(401, 'staff_unauthenticated', 'not signed in');
  };
  fake.api.login = async () => {
    throw refusal;
  };
  await renderConsole(i18n, fake.api);
  fireEvent.input(await screen.findByLabelText('Identifiant'), { target: { value: 'karim' } });
  fireEvent.input(screen.getByLabelText('Mot de passe'), { target: { value: 'wrong' } });
  fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
}

describe('a refused sign-in says what to do', () => {
  it('a locked account says how long the lock lasts, from the server', async () => {
    await refusedSignIn(new ApiRequestError(429, 'staff_locked', 'locked', undefined, { retryAfterSeconds: 8 * 60 + 5, retryAt: '2026-12-01T10:09:05.000Z' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe("Trop d'essais. Réessayez dans 9 minutes."));
  });

  it('a busy server asks for a few seconds, not the generic failure', async () => {
    await refusedSignIn(new ApiRequestError(503, 'sign_in_busy', 'busy', undefined, { retryAfterSeconds: 5 }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Réessayez dans quelques secondes'));
  });
});
