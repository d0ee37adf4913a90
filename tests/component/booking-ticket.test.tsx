import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, frenchI18n, renderKiosk } from './support/kiosk-harness';

afterEach(() => cleanup());

/** The ticket's line on how to change the appointment (printed with the ticket). */
const changeLine = () => document.querySelector('.ticket .ticket__change')?.textContent ?? '';

describe('the ticket says how this person can change the appointment', () => {
  it('booked without a dossier: « J\'ai déjà un rendez-vous », with the reference and the phone given, and no courrier', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    state.startBooking();
    await waitFor(() => expect(state.booking.motifs.value).not.toBeNull());
    state.chooseMotif(state.booking.motifs.value!.find((m) => m.id === 'm2')!);
    state.booking.setContact({ name: 'Awa Traoré', phone: '06 12 34 56 78' });
    await waitFor(() => expect(state.booking.week.value).not.toBeNull());
    state.booking.chooseSlot(state.booking.week.value!.days[0]!.slots[0]!);
    await state.booking.confirm();
    await screen.findByRole('heading', { name: 'Votre rendez-vous est pris' });
    expect(changeLine()).toBe("Pour changer : « J'ai déjà un rendez-vous » sur la borne du pôle, avec la référence ABC-DEF et le numéro 06 12 34 56 78, ou l'accueil.");
    expect(changeLine()).not.toContain('Mon dossier');
    state.stop();
  });

  it('booked from « Mon dossier »: the ticket still says « Mon dossier »', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    await state.identifyByNumber('10000001', '1985-03-14');
    state.startBooking();
    await waitFor(() => expect(state.booking.motifs.value).not.toBeNull());
    state.chooseMotif(state.booking.motifs.value!.find((m) => m.id === 'm1')!);
    await waitFor(() => expect(state.booking.week.value).not.toBeNull());
    state.booking.chooseSlot(state.booking.week.value!.days[0]!.slots[0]!);
    await state.booking.confirm();
    await screen.findByRole('heading', { name: 'Votre rendez-vous est pris' });
    expect(changeLine()).toBe("Pour changer : « Mon dossier » sur la borne du pôle, ou l'accueil.");
    state.stop();
  });

  it('found again with the reference: the appointment asks for the ticket, not a courrier the person never had', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    state.findBooking();
    await state.booking.find('ABC-DEF', '0612345678');
    await screen.findByText('Venez 5 minutes en avance, avec votre ticket ou le SMS du rendez-vous.');
    expect(screen.queryByText(/avec votre courrier/)).toBeNull();
    state.stop();
  });
});
