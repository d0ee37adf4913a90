import { computed } from '@preact/signals';
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageTitle } from '../../src/staff/page-title';
import { createChime, SOUND_PREFERENCE_KEY, type ChimeAudio } from '../../src/staff/sound';
import { startRinger } from '../../src/staff/state/ringer';
import { call, fakeStaffApi, kiosk, renderConsole, snapshot, staffI18n } from './support/staff-harness';

let i18n: i18n;
beforeAll(async () => {
  i18n = await staffI18n();
});
afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('the console keeps ringing until someone claims the call', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] }));

  it('rings again at the site’s interval while a call waits, and stops once it is claimed', async () => {
    const fake = fakeStaffApi();
    let first = 0;
    const { state } = await renderConsole(i18n, fake.api, () => first++);
    let reminders = 0;
    const stop = startRinger({ waiting: computed(() => state.waitingCalls.value.length), intervalSeconds: state.ringIntervalSeconds, ring: () => reminders++ });
    fake.emit(snapshot({ help: { ringIntervalSeconds: 20 } }));
    fake.emit({ type: 'call', call: call('c1', 'chatillon-1') });
    expect(first).toBe(1);
    await vi.advanceTimersByTimeAsync(19_000);
    expect(reminders).toBe(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(reminders).toBe(1);
    await vi.advanceTimersByTimeAsync(40_000);
    expect(reminders).toBe(3);
    fake.emit({ type: 'call', call: call('c1', 'chatillon-1', { status: 'claimed', claimedBy: { staffId: 's2', firstName: 'Claire' } }) });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(reminders).toBe(3);
    stop();
  });

  it('does not ring for a call whose kiosk went offline, nor count it in the title', async () => {
    const fake = fakeStaffApi();
    const { state } = await renderConsole(i18n, fake.api);
    let reminders = 0;
    const stop = startRinger({ waiting: computed(() => state.waitingCalls.value.length), intervalSeconds: state.ringIntervalSeconds, ring: () => reminders++ });
    fake.emit(snapshot({ calls: [call('c1', 'chatillon-1'), call('c2', 'chatillon-2')] }));
    expect(pageTitle(i18n, state.waitingCalls.value.length)).toBe('(2) Borne — console des médiateurs');
    fake.emit({ type: 'kiosk', kiosk: kiosk('chatillon-2', false) });
    expect(pageTitle(i18n, state.waitingCalls.value.length)).toBe('(1) Borne — console des médiateurs');
    fake.emit({ type: 'kiosk', kiosk: kiosk('chatillon-1', false) });
    await vi.advanceTimersByTimeAsync(120_000);
    expect(reminders).toBe(0);
    expect(pageTitle(i18n, state.waitingCalls.value.length)).toBe('Borne — console des médiateurs');
    stop();
  });
});

describe('a kiosk that went away', () => {
  it('is shown offline in the kiosks panel, and its call says « Borne hors ligne »', async () => {
    const fake = fakeStaffApi();
    await renderConsole(i18n, fake.api);
    fake.emit(snapshot({ calls: [call('c1', 'chatillon-1')] }));
    const row = await waitFor(() => {
      const found = document.querySelector<HTMLElement>('[data-kiosk-id="chatillon-1"]');
      if (!found) throw new Error('no kiosk row yet');
      return found;
    });
    expect(row.textContent).toContain('Attend un médiateur');
    fake.emit({ type: 'kiosk', kiosk: kiosk('chatillon-1', false) });
    await waitFor(() => expect(row.textContent).toContain('Appel en attente, borne hors ligne'));
    expect(row.textContent).not.toContain('Attend un médiateur');
    expect(within(document.querySelector<HTMLElement>('[data-call-id="c1"]')!).getByText('Borne hors ligne')).toBeTruthy();
  });
});

describe('the sound, once turned on, stays on for this browser', () => {
  function fakeAudio(): ChimeAudio & { resumed: number } {
    const audio = {
      state: 'suspended' as AudioContextState,
      resumed: 0,
      currentTime: 0,
      destination: {} as AudioDestinationNode,
      async resume() {
        audio.resumed++;
        (audio as { state: AudioContextState }).state = 'running';
      },
      close: async () => undefined,
      createOscillator: () => ({ type: 'sine', frequency: { value: 0 }, connect: (n: unknown) => n, start() {}, stop() {} }) as unknown as OscillatorNode,
      createGain: () => ({ gain: { setValueAtTime() {}, exponentialRampToValueAtTime() {} }, connect: (n: unknown) => n }) as unknown as GainNode,
    };
    return audio;
  }
  function memoryStorage() {
    const m = new Map<string, string>();
    return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
  }

  it('asks once; at the next sign-in the first click turns it back on without asking', async () => {
    const storage = memoryStorage();
    const first = createChime({ audio: fakeAudio(), storage, gestures: new EventTarget() });
    expect(first.needsUnlock).toBe(true);
    await first.unlock();
    expect(first.needsUnlock).toBe(false);
    expect(storage.getItem(SOUND_PREFERENCE_KEY)).toBe('on');
    first.stop();

    // A new page load: audio starts suspended again (the browser's autoplay rule).
    const audio = fakeAudio();
    audio.resume = async () => {
      audio.resumed++;
      // Without a gesture yet, the browser keeps it suspended.
    };
    const gestures = new EventTarget();
    const next = createChime({ audio, storage, gestures });
    await Promise.resolve();
    expect(next.needsUnlock).toBe(true);
    audio.resume = async () => {
      audio.resumed++;
      (audio as { state: AudioContextState }).state = 'running';
    };
    gestures.dispatchEvent(new Event('pointerdown'));
    await waitFor(() => expect(next.needsUnlock).toBe(false));
  });

  it('stays silent until asked when nobody turned it on here', async () => {
    const audio = fakeAudio();
    const gestures = new EventTarget();
    const chime = createChime({ audio, storage: memoryStorage(), gestures });
    gestures.dispatchEvent(new Event('pointerdown'));
    gestures.dispatchEvent(new Event('keydown'));
    await Promise.resolve();
    expect(audio.resumed).toBe(0);
    expect(chime.needsUnlock).toBe(true);
  });
});

describe('every panel follows live', () => {
  it('« Appels du jour » lists today’s calls and keeps a call that ends, with its outcome', async () => {
    const fake = fakeStaffApi();
    fake.data.today = [call('c0', 'chatillon-2', { status: 'cancelled', createdAt: '2026-11-23T08:10:00.000Z', endedAt: '2026-11-23T08:12:00.000Z' })];
    await renderConsole(i18n, fake.api);
    fake.emit(snapshot());
    const panel = await waitFor(() => screen.getByRole('region', { name: 'Appels du jour' }));
    await waitFor(() => expect(within(panel).getByText("Annulé par l'usager")).toBeTruthy());
    fake.emit({ type: 'call', call: call('c1', 'chatillon-1') });
    await waitFor(() => expect(within(panel).getByText('En attente')).toBeTruthy());
    fake.emit({ type: 'call', call: call('c1', 'chatillon-1', { status: 'resolved', outcome: 'helped', claimedBy: { staffId: 's1', firstName: 'Karim' }, endedAt: '2026-11-23T09:05:00.000Z' }) });
    await waitFor(() => expect(within(panel).getByText('Terminé : Aide apportée')).toBeTruthy());
    expect(within(panel).getByText('Karim')).toBeTruthy();
    expect(within(panel).queryByText('En attente')).toBeNull();
    // Newest first.
    expect([...panel.querySelectorAll('tr[data-call-id]')].map((r) => r.getAttribute('data-call-id'))).toEqual(['c1', 'c0']);
  });

  it('the outbox reloads when a confirmation is written', async () => {
    const fake = fakeStaffApi();
    await renderConsole(i18n, fake.api);
    fake.emit(snapshot());
    const panel = await waitFor(() => screen.getByRole('region', { name: 'Confirmations SMS et e-mail' }));
    await waitFor(() => expect(within(panel).getByText('Aucun message.')).toBeTruthy());
    fake.data.outbox = [{ id: 'm1', channel: 'sms', to: '0612345678', body: 'Votre rendez-vous est confirmé.', createdAt: '2026-11-23T09:01:00.000Z', appointmentReference: 'R-1234' }];
    fake.emit({ type: 'outbox' });
    await waitFor(() => expect(within(panel).getByText('Votre rendez-vous est confirmé.')).toBeTruthy());
  });

  it('names each référent with the métier in their own gender (« Sophie, assistante sociale »)', async () => {
    const fake = fakeStaffApi();
    await renderConsole(i18n, fake.api);
    fake.emit(snapshot());
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Sophie, assistante sociale' })).toBeTruthy());
    expect(screen.queryByText(/assistante sociale ou assistant social/)).toBeNull();
  });

  it('shows a refused change next to the form and button that made it, not at the top', async () => {
    const fake = fakeStaffApi();
    fake.data.hoursError = 'validation';
    await renderConsole(i18n, fake.api);
    fake.emit(snapshot());
    const save = await waitFor(() => screen.getByRole('button', { name: 'Enregistrer les horaires de Sophie' }));
    fireEvent.click(save);
    const form = save.closest('form')!;
    await waitFor(() => expect(within(form).getByRole('alert').textContent).toContain("Ce qui est saisi n'est pas valable"));
    // The page's top error region stays empty; the inputs point at the message.
    const top = document.querySelector('.console__main > .error-region')!;
    expect(top.textContent).toBe('');
    const input = within(form).getAllByLabelText(/lundi/i)[0]!;
    expect(input.getAttribute('aria-describedby')).toBe('hours-r1-error');
    expect(document.getElementById('hours-r1-error')?.textContent).toContain("n'est pas valable");
  });
});
