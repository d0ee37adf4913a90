import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskApi } from '../../src/kiosk/api';
import { ApiRequestError } from '../../src/web/api-client';
import { fakeApi, frenchI18n, renderKiosk } from './support/kiosk-harness';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A kiosk whose booking is refused over a limit, with the cap the server names. */
function refusing(code: string, max: number): KioskApi {
  const fake = fakeApi();
  const api: KioskApi = {
    ...fake.api,
    book: async () => {
      throw new ApiRequestError(code === 'booking_rate_kiosk' ? 429 : 409, code, 'refused', undefined, { max });
    },
  };
  return api;
}

async function bookUntilRefused(api: KioskApi, identified: boolean) {
  const { state } = await renderKiosk(await frenchI18n(), api);
  if (identified) await state.identifyByNumber('10000001', '1985-03-14');
  state.startBooking();
  await waitFor(() => expect(state.booking.motifs.value).not.toBeNull());
  state.chooseMotif((await api.motifs()).find((m) => m.id === 'm2')!);
  if (!identified) state.booking.setContact({ name: 'Awa Traoré', phone: '0612345678' });
  await waitFor(() => expect(state.booking.week.value).not.toBeNull());
  state.booking.chooseSlot(state.booking.week.value!.days[0]!.slots[0]!);
  await state.booking.confirm();
  return state;
}

describe('a booking refused over a limit is not a dead end (item 16)', () => {
  it('without a dossier: says the number already has 2, and offers « J\'ai déjà un rendez-vous » and a médiateur', async () => {
    const state = await bookUntilRefused(refusing('booking_limit_phone', 2), false);
    await screen.findByText(/Ce numéro de téléphone a déjà 2 rendez-vous à venir : c'est le maximum\./);
    fireEvent.click(screen.getByRole('button', { name: "J'ai déjà un rendez-vous" }));
    await waitFor(() => expect(state.screen.value).toBe('book-find'));
    state.stop();
  });

  it('with a dossier: says they already have 3, and leads to their appointments', async () => {
    const state = await bookUntilRefused(refusing('booking_limit_dossier', 3), true);
    await screen.findByText(/Vous avez déjà 3 rendez-vous à venir : c'est le maximum\./);
    fireEvent.click(screen.getByRole('button', { name: 'Voir mes rendez-vous' }));
    await waitFor(() => expect(state.screen.value).toBe('dossier'));
    state.stop();
  });

  it('too many bookings at this kiosk: calls a médiateur from the message', async () => {
    const fake = fakeApi();
    const api: KioskApi = { ...fake.api, book: async () => { throw new ApiRequestError(429, 'booking_rate_kiosk', 'refused', undefined, { max: 12 }); } };
    const state = await bookUntilRefused(api, false);
    await screen.findByText(/Beaucoup de rendez-vous ont été pris sur cette borne/);
    const buttons = screen.getAllByRole('button', { name: 'Appeler un médiateur' });
    fireEvent.click(buttons.find((b) => b.closest('.booking__error'))!);
    await waitFor(() => expect(fake.sent).toHaveLength(1));
    state.stop();
  });
});
