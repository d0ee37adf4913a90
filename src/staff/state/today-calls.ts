import { computed, signal } from '@preact/signals';
import type { HelpCall } from '../../core/help/help-call';

/**
 * « Appels du jour »: loaded from the server at each (re)connection, then kept up to date by the
 * call events of the stream, so a call that ends stays in the list with its outcome.
 */
export function createTodayCalls(load: (siteId: string) => Promise<HelpCall[]>) {
  const byId = signal<ReadonlyMap<string, HelpCall>>(new Map());
  const list = computed(() => [...byId.value.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id)));
  let generation = 0;
  // Calls changed by an event while a load was under way: the event is the fresher news.
  let touched = new Set<string>();
  return {
    list,
    reset(): void {
      generation++;
      touched = new Set();
      byId.value = new Map();
    },
    async reload(siteId: string): Promise<void> {
      const mine = ++generation;
      touched = new Set();
      const calls = await load(siteId).catch(() => null);
      if (mine !== generation || !calls) return;
      const next = new Map(calls.map((c) => [c.id, c]));
      for (const id of touched) {
        const fresh = byId.value.get(id);
        if (fresh) next.set(id, fresh);
      }
      byId.value = next;
    },
    upsert(call: HelpCall): void {
      touched.add(call.id);
      byId.value = new Map(byId.value).set(call.id, call);
    },
  };
}
