import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { i18n } from 'i18next';
import { useState } from 'preact/hooks';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../src/core/i18n/languages';
import { TextKeyboard } from '../../src/kiosk/components/TextKeyboard';
import { createI18n } from '../../src/web/i18n';
import { I18nProvider } from '../../src/web/i18n-context';
import { loaders } from './support/kiosk-harness';

let i18n: i18n;
beforeAll(async () => {
  i18n = await createI18n({ loaders, namespaces: ['common', 'kiosk'], defaultNS: 'kiosk', language: 'fr', onMissingKey: (key) => { throw new Error(`missing translation key: ${key}`); } });
});
afterEach(() => cleanup());

const language = signal('fr');

function Field(props: { kind: 'name' | 'email' | 'code' | 'search'; lang: Language }) {
  const [value, setValue] = useState('');
  return (
    <>
      <input id="field" aria-label="field" value={value} readOnly />
      <TextKeyboard value={value} kind={props.kind} onChange={setValue} controls="field" language={props.lang} />
    </>
  );
}

function show(kind: 'name' | 'email' | 'code' | 'search', lang: Language) {
  const result = render(
    <I18nProvider i18n={i18n} language={language}>
      <Field kind={kind} lang={lang} />
    </I18nProvider>,
  );
  const keyboard = () => screen.getByRole('group', { name: 'Clavier' });
  const press = (...names: string[]) => {
    for (const name of names) fireEvent.click(within(keyboard()).getByRole('button', { name, exact: true }));
  };
  const scriptKey = (name: RegExp) => within(screen.getByRole('group', { name: 'Choix des lettres' })).getByRole('button', { name });
  return { result, keyboard, press, scriptKey, value: () => (screen.getByLabelText('field') as HTMLInputElement).value };
}

describe('the name keyboard is in the letters of the language, with « ABC » one tap away', () => {
  it('Arabic: Arabic letters first, right to left; « ABC » gives the Latin keys and back', () => {
    const k = show('name', 'ar');
    expect(k.keyboard().getAttribute('data-script')).toBe('arabic');
    expect(k.keyboard().querySelector('.keyboard__row')!.getAttribute('dir')).toBe('rtl');
    expect(within(k.keyboard()).queryByRole('button', { name: 'A', exact: true })).toBeNull();
    const arabic = k.scriptKey(/lettres arabes/);
    const latin = k.scriptKey(/^ABC lettres latines$/);
    expect(arabic.getAttribute('aria-pressed')).toBe('true');
    expect(latin.getAttribute('aria-pressed')).toBe('false');

    k.press('م', 'ح', 'م', 'د', 'Espace');
    expect(k.value()).toBe('محمد ');

    fireEvent.click(latin);
    expect(k.keyboard().getAttribute('data-script')).toBe('latin');
    expect(k.scriptKey(/^ABC/).getAttribute('aria-pressed')).toBe('true');
    expect(k.scriptKey(/lettres arabes/).getAttribute('aria-pressed')).toBe('false');
    expect(within(k.keyboard()).queryByRole('button', { name: 'م', exact: true })).toBeNull();
    k.press('A', 'L', 'I');
    expect(k.value()).toBe('محمد Ali');

    fireEvent.click(k.scriptKey(/lettres arabes/));
    k.press('ع');
    expect(k.value()).toBe('محمد Aliع');
    expect(k.scriptKey(/lettres arabes/).getAttribute('aria-pressed')).toBe('true');
  });

  it('Ukrainian: ЙЦУКЕН with Ї І Є Ґ and ʼ, names capitalised; Russian has Ё Ы Э Ъ', () => {
    const k = show('name', 'uk');
    expect(k.keyboard().getAttribute('data-script')).toBe('ukrainian');
    expect(k.scriptKey(/^АБВ lettres ukrainiennes$/).getAttribute('aria-pressed')).toBe('true');
    k.press('М', 'А', 'Р', 'ʼ', 'Я', 'Н', 'А', 'Espace', 'Ї', 'Ж', 'А', 'К');
    expect(k.value()).toBe('Марʼяна Їжак');
    cleanup();

    const ru = show('name', 'ru');
    expect(ru.keyboard().getAttribute('data-script')).toBe('russian');
    for (const letter of ['Ё', 'Ы', 'Э', 'Ъ']) expect(within(ru.keyboard()).getByRole('button', { name: letter, exact: true })).toBeTruthy();
    expect(within(ru.keyboard()).queryByRole('button', { name: 'Ї', exact: true })).toBeNull();
  });

  it('a change of language shows the new language’s letters, even after « ABC »', () => {
    const k = show('name', 'fa');
    fireEvent.click(k.scriptKey(/^ABC/));
    expect(k.keyboard().getAttribute('data-script')).toBe('latin');
    k.result.rerender(
      <I18nProvider i18n={i18n} language={language}>
        <Field kind="name" lang="ps" />
      </I18nProvider>,
    );
    expect(k.keyboard().getAttribute('data-script')).toBe('pashto');
    for (const letter of ['ټ', 'ډ', 'ړ', 'ږ', 'ښ', 'ګ', 'ڼ', 'ې', 'ۍ', 'ئ']) expect(within(k.keyboard()).getByRole('button', { name: letter, exact: true })).toBeTruthy();
  });

  it('the guide search follows the language too', () => {
    const k = show('search', 'ru');
    expect(k.keyboard().getAttribute('data-script')).toBe('russian');
    k.press('К', 'А', 'Ф');
    expect(k.value()).toBe('каф');
  });
});

describe('e-mail addresses and ticket codes stay Latin in every language', () => {
  it.each(['ar', 'uk', 'fa'] as const)('%s', (lang) => {
    for (const kind of ['email', 'code'] as const) {
      const k = show(kind, lang);
      expect(k.keyboard().getAttribute('data-script')).toBe('latin');
      expect(screen.queryByRole('group', { name: 'Choix des lettres' })).toBeNull();
      expect(within(k.keyboard()).getByRole('button', { name: 'Z', exact: true })).toBeTruthy();
      cleanup();
    }
  });

  it('and a Latin language has no script keys at all', () => {
    show('name', 'fr');
    expect(screen.queryByRole('group', { name: 'Choix des lettres' })).toBeNull();
    expect(within(screen.getByRole('group', { name: 'Clavier' })).getByRole('button', { name: 'É', exact: true })).toBeTruthy();
  });
});
