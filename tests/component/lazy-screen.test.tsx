import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { lazyScreen } from '../../src/kiosk/lazy-screen';
import { I18nProvider } from '../../src/web/i18n-context';
import { frenchI18n } from './support/kiosk-harness';

/** Issue 13: every screen but home and help comes in its own chunk, fetched when first opened. */
afterEach(() => cleanup());

function Title() {
  return <h1>Le titre de l’écran</h1>;
}

async function show(Screen: ReturnType<typeof lazyScreen>, onShown: () => void) {
  const i18n = await frenchI18n();
  render(
    <I18nProvider i18n={i18n} language={signal('fr')}>
      <Screen onShown={onShown} />
    </I18nProvider>,
  );
}

describe('a screen in its own chunk', () => {
  it('shows nothing while its chunk comes, then the screen, and says so once (the app then focuses its title)', async () => {
    let arrive!: (c: typeof Title) => void;
    const Screen = lazyScreen(() => new Promise((resolve) => (arrive = resolve)));
    const onShown = vi.fn();
    await show(Screen, onShown);
    expect(screen.queryByRole('heading')).toBeNull();
    expect(onShown).not.toHaveBeenCalled();
    arrive(Title);
    await screen.findByRole('heading', { name: 'Le titre de l’écran' });
    await vi.waitFor(() => expect(onShown).toHaveBeenCalledTimes(1));
  });

  it('once loaded (or preloaded), renders at once, fetches nothing more, and leaves the focus to the app', async () => {
    const load = vi.fn(async () => Title);
    const Screen = lazyScreen(load);
    await Screen.preload();
    await Screen.preload();
    const onShown = vi.fn();
    await show(Screen, onShown);
    expect(screen.getByRole('heading', { name: 'Le titre de l’écran' })).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
    expect(onShown).not.toHaveBeenCalled();
  });

  it('a chunk that cannot be fetched says so calmly, and « Réessayer » fetches it again', async () => {
    const load = vi.fn<() => Promise<typeof Title>>().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(Title);
    const Screen = lazyScreen(load);
    await show(Screen, () => undefined);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain("Cela n'a pas marché.");
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await screen.findByRole('heading', { name: 'Le titre de l’écran' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
