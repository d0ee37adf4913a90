import { effect, signal, type ReadonlySignal } from '@preact/signals';

/**
 * A list the console shows for the site it watches (the outbox, the guides' counts): loaded by
 * the state, not by the panel, whenever the site, the right to read it or a reload trigger
 * changes. A load that comes back after the site changed is dropped.
 */
export function createSiteList<T>(options: {
  siteId: ReadonlySignal<string | null>;
  allowed: ReadonlySignal<boolean>;
  /** Read inside the effect: a change (an 'outbox' event, a new call) reloads the list. */
  trigger: ReadonlySignal<unknown>;
  load: (siteId: string) => Promise<T[] | undefined>;
}): { items: ReadonlySignal<T[] | null>; dispose: () => void } {
  const items = signal<T[] | null>(null);
  let generation = 0;
  const dispose = effect(() => {
    const siteId = options.siteId.value;
    const allowed = options.allowed.value;
    void options.trigger.value;
    const mine = ++generation;
    if (!siteId || !allowed) {
      items.value = null;
      return;
    }
    void options.load(siteId).then((list) => {
      if (mine === generation && list) items.value = list;
    });
  });
  return { items, dispose };
}
