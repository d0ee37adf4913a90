import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeApi, frenchI18n, renderKiosk, SITE } from './support/kiosk-harness';

afterEach(() => cleanup());

const MESSAGE = { fr: 'Borne en réparation. Allez au guichet 2.', ar: 'الجهاز قيد الإصلاح. توجّهوا إلى الشباك 2.' };

describe('« Mettre hors service » on the kiosk', () => {
  it('shows that it is out of service, the message, where to go instead and « Appeler un médiateur »; acknowledges it', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    fake.command('out_of_service', MESSAGE, 'c1');
    await screen.findByRole('heading', { level: 1, name: 'Cette borne est hors service' });
    expect(screen.getByText(MESSAGE.fr).getAttribute('lang')).toBe('fr');
    // Where to go instead: the pôle's own text (it is open in the harness's hours).
    expect(screen.getByText(SITE.help.fallback.fr)).toBeTruthy();
    expect(screen.getByRole('button', { name: /Appeler un médiateur/ })).toBeTruthy();
    // Nothing of the home screen: no session can start from here.
    expect(screen.queryByRole('button', { name: /Mon dossier/ })).toBeNull();
    await waitFor(() => expect(fake.acks).toEqual(['c1:acknowledged', 'c1:done']));
    // Held in the cached site view: an offline restart shows it again.
    expect(JSON.parse(localStorage.getItem('borne.site') ?? '{}').outOfService).toEqual(MESSAGE);
    expect(state.inSession.value).toBe(false);
  });

  it('says the message in the kiosk’s language, else in French (marked as French)', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    fake.command('out_of_service', MESSAGE);
    await state.chooseLanguage('ar');
    await screen.findByRole('heading', { level: 1, name: 'هذا الجهاز خارج الخدمة' });
    expect(screen.getByText(MESSAGE.ar).getAttribute('lang')).toBe('ar');
    // The pôle wrote no Arabic « where to go instead »: its French, with « بالفرنسية » to say so.
    const fallback = screen.getByText(SITE.help.fallback.fr);
    expect(fallback.getAttribute('lang')).toBe('fr');
    expect(fallback.querySelector('.in-french')?.textContent).toBe('بالفرنسية');
    await state.chooseLanguage('en');
    await screen.findByRole('heading', { level: 1, name: 'This kiosk is out of service' });
    // No English message: the French one, and a visible « in French » for who cannot read it.
    const message = screen.getByText(MESSAGE.fr);
    expect(message.getAttribute('lang')).toBe('fr');
    expect(message.querySelector('.in-french')?.textContent).toBe('in French');
    expect(screen.getByText(SITE.help.fallback.en!).querySelector('.in-french')).toBeNull();
  });

  it('ends a session in progress, still lets the usager call a médiateur, and opens nothing else', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    state.openGuides();
    expect(state.inSession.value).toBe(true);
    fake.command('out_of_service', MESSAGE);
    await waitFor(() => expect(state.inSession.value).toBe(false));
    await screen.findByRole('heading', { level: 1, name: 'Cette borne est hors service' });
    fireEvent.click(screen.getByRole('button', { name: /Appeler un médiateur/ }));
    await waitFor(() => expect(fake.sent).toHaveLength(1));
    expect(state.screen.value).toBe('help');
    // Any other screen asked for (a booking offered by the help screen, say) stays behind the notice.
    state.startBooking();
    await screen.findByRole('heading', { level: 1, name: 'Cette borne est hors service' });
  });

  it('holds across a restart (the site view says it), and « Remettre en service » brings the home screen back', async () => {
    const fake = fakeApi({ ...SITE, outOfService: { fr: 'Fermée pour travaux.' } });
    await renderKiosk(await frenchI18n(), fake.api);
    await screen.findByRole('heading', { level: 1, name: 'Cette borne est hors service' });
    expect(screen.getByText('Fermée pour travaux.')).toBeTruthy();
    fake.command('back_in_service', null, 'c9');
    await waitFor(() => expect(screen.queryByRole('heading', { level: 1, name: 'Cette borne est hors service' })).toBeNull());
    expect(screen.getByRole('button', { name: /Mon dossier/ })).toBeTruthy();
    await waitFor(() => expect(fake.acks).toEqual(['c9:acknowledged', 'c9:done']));
    expect(JSON.parse(localStorage.getItem('borne.site') ?? '{}').outOfService).toBeNull();
  });

  it('a command sent again on reconnection is applied and acknowledged once (« Terminer la session »)', async () => {
    const fake = fakeApi();
    const { state } = await renderKiosk(await frenchI18n(), fake.api);
    state.openGuides();
    fake.command('reset', null, 'r1');
    await waitFor(() => expect(state.inSession.value).toBe(false));
    fake.command('reset', null, 'r1');
    await waitFor(() => expect(fake.acks).toEqual(['r1:acknowledged', 'r1:done']));
  });
});

describe('the médiateurs’ console says a kiosk is out of service', () => {
  it('« Hors service » in the kiosks panel, live', async () => {
    const { fakeStaffApi, kiosk, renderConsole, snapshot, staffI18n } = await import('./support/staff-harness');
    const fake = fakeStaffApi('mediateur');
    await renderConsole(await staffI18n(), fake.api, () => undefined);
    fake.emit(snapshot({ kiosks: [kiosk('chatillon-1', true, { inSession: false }), kiosk('chatillon-2')] }));
    const item = await screen.findByText('Poste 1');
    expect(item.closest('li')?.textContent).toContain('Libre');
    fake.emit({ type: 'kiosk', kiosk: kiosk('chatillon-1', true, { inSession: false, outOfService: true }) });
    await waitFor(() => expect(screen.getByText('Poste 1').closest('li')?.textContent).toContain('Hors service'));
  });
});
