import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { useT } from '../web/i18n-context';

export interface LazyScreen {
  (props: { onShown: () => void }): preact.JSX.Element | null;
  /** Fetches the screen's chunk now; resolves once it can render at once. */
  preload(): Promise<void>;
}

/**
 * A screen in its own chunk, fetched the first time it is opened (or earlier, by preload()).
 * The kiosk's first load then carries only the home screen; the service worker has precached
 * every chunk, so a screen opens from the cache in a few milliseconds. Once loaded, the screen
 * renders synchronously like any other component. `onShown` runs when a screen that had to wait
 * appears, so the app can move the focus to its title as it does on every screen change.
 */
export function lazyScreen(load: () => Promise<ComponentType>): LazyScreen {
  let loaded: ComponentType | null = null;
  let pending: Promise<void> | null = null;
  const preload = (): Promise<void> => {
    pending ??= load().then(
      (component) => {
        loaded = component;
      },
      (error: unknown) => {
        // Let the next try fetch again (the network may be back) instead of keeping the failure.
        pending = null;
        throw error;
      },
    );
    return pending;
  };

  function Screen(props: { onShown: () => void }) {
    const t = useT();
    const [state, setState] = useState<'ready' | 'waiting' | 'failed'>(loaded ? 'ready' : 'waiting');
    const [initiallyLoaded] = useState(loaded !== null);
    useEffect(() => {
      if (state !== 'waiting') return;
      let live = true;
      preload().then(
        () => live && setState('ready'),
        () => live && setState('failed'),
      );
      return () => {
        live = false;
      };
    }, [state]);
    useEffect(() => {
      // Only a screen that appeared late: one ready at once was focused by the app's own effect.
      if (state === 'ready' && !initiallyLoaded) props.onShown();
    }, [state]);
    if (state === 'ready' && loaded) {
      const Loaded = loaded;
      return <Loaded />;
    }
    if (state === 'failed')
      return (
        <div class="screen" role="alert">
          <p>{t('booking.errors.generic')}</p>
          <button type="button" class="button" onClick={() => setState('waiting')}>
            {t('help.retry')}
          </button>
        </div>
      );
    return null;
  }
  Screen.preload = preload;
  return Screen;
}
