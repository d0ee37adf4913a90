import { signal } from '@preact/signals';
import { cleanup, render, screen, waitFor, within } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PersonName } from '../../src/staff/components/PersonName';
import { I18nProvider } from '../../src/web/i18n-context';
import { AGENDA, fakeStaffApi, renderConsole, staffI18n } from './support/staff-harness';

let i18n: i18n;
beforeAll(async () => {
  i18n = await staffI18n();
});
afterEach(() => cleanup());

const show = (name: string) =>
  render(
    <I18nProvider i18n={i18n} language={signal('fr')}>
      <p data-testid="line">
        <PersonName name={name} />
      </p>
    </I18nProvider>,
  );

describe('the console shows a name typed in another script with its Latin letters', () => {
  it('Cyrillic: the name in Russian, left to right, then its ICAO letters, said to be Latin letters', () => {
    show('Мария Иванова');
    const line = screen.getByTestId('line');
    expect(line.textContent).toBe('Мария Иванова en lettres latines : (Mariia Ivanova)');
    const original = line.querySelector('bdi')!;
    expect([original.textContent, original.getAttribute('lang'), original.getAttribute('dir')]).toEqual(['Мария Иванова', 'ru', 'ltr']);
    // The words « en lettres latines » are for screen readers; the eyes see « (Mariia Ivanova) ».
    expect(line.querySelector('.person-name__label')!.textContent).toBe('en lettres latines : ');
    expect(line.querySelector('.person-name__latin')!.textContent).toBe('en lettres latines : (Mariia Ivanova)');
  });

  it('Arabic: the original right to left, marked Arabic', () => {
    show('محمد');
    const original = screen.getByTestId('line').querySelector('bdi')!;
    expect([original.getAttribute('lang'), original.getAttribute('dir')]).toEqual(['ar', 'rtl']);
    expect(screen.getByTestId('line').querySelector('.person-name__latin')!.textContent).toContain('(Mhmd)');
  });

  it('Ukrainian by the national system', () => {
    show('Юрій Щербухи');
    expect(screen.getByTestId('line').querySelector('bdi')!.getAttribute('lang')).toBe('uk');
    expect(screen.getByTestId('line').textContent).toContain('(Yurii Shcherbukhy)');
  });

  it('Latin: the name alone', () => {
    show('Awa Traoré');
    expect(screen.getByTestId('line').textContent).toBe('Awa Traoré');
    expect(screen.getByTestId('line').querySelector('.person-name__latin')).toBeNull();
  });
});

describe('the référents’ day on the console', () => {
  it('shows a booking’s contact name with its transliteration, inside the translated line', async () => {
    const fake = fakeStaffApi();
    const booking = { id: 'b1', reference: 'ZG2-TEH', startsAt: '2026-11-23T09:00:00.000Z', endsAt: '2026-11-23T09:30:00.000Z', motifCategory: 'pmi' as const, motifName: null, mode: 'on_site' as const };
    fake.api.agenda = async () => ({
      ...AGENDA,
      referents: [{ ...AGENDA.referents[0]!, bookings: [{ ...booking, who: { name: 'Олексій Шевчук', phone: '0612345678' } }, { ...booking, id: 'b2', reference: 'ZG3-TEH', who: { name: 'Awa Traoré', phone: '0699999999' } }] }],
    });
    await renderConsole(i18n, fake.api);
    const sophie = await screen.findByRole('article', { name: /Sophie/ });
    await waitFor(() => expect(within(sophie).getAllByText(/sans dossier/)).toHaveLength(2));
    const [cyrillic, latin] = within(sophie).getAllByText(/sans dossier/);
    expect(cyrillic!.textContent).toBe('Олексій Шевчук en lettres latines : (Oleksii Shevchuk), 0612345678 (sans dossier)');
    expect(cyrillic!.querySelector('bdi')!.getAttribute('lang')).toBe('uk');
    expect(latin!.textContent).toBe('Awa Traoré, 0699999999 (sans dossier)');
  });
});
