import { batch, computed, signal } from '@preact/signals';
import type { Guide, Organism } from '../../core/guides/guide';
import type { KioskApi } from '../api';

const GUIDE_KEY = 'borne.session.guide';

export interface GuideDeps {
  api: KioskApi;
  /** Per-tab storage cleared at session end: the guide and step survive a reload, not the session. */
  sessionStore: Storage;
  guides: ReadonlyMap<string, Guide>;
  /** The guides this site offers. */
  offered: () => readonly string[];
}

/**
 * The guide player: which guide is open and at which step (0: what to prepare; 1…n: the steps;
 * n + 1: done). It is what the kiosk reports and what a help call carries.
 */
export function createGuideState(deps: GuideDeps) {
  const current = signal<{ id: string; step: number } | null>(read());
  const organism = signal<Organism | null>(null);
  const query = signal('');
  const guide = computed(() => (current.value ? (deps.guides.get(current.value.id) ?? null) : null));

  function read(): { id: string; step: number } | null {
    try {
      const saved = JSON.parse(deps.sessionStore.getItem(GUIDE_KEY) ?? 'null') as { id?: unknown; step?: unknown } | null;
      const g = typeof saved?.id === 'string' ? deps.guides.get(saved.id) : undefined;
      return g && typeof saved?.step === 'number' && saved.step >= 0 && saved.step <= g.steps.length + 1 ? { id: g.id, step: saved.step } : null;
    } catch {
      return null;
    }
  }

  function set(next: { id: string; step: number } | null): void {
    current.value = next;
    if (next) deps.sessionStore.setItem(GUIDE_KEY, JSON.stringify(next));
    else deps.sessionStore.removeItem(GUIDE_KEY);
  }

  function open(id: string): boolean {
    if (!deps.guides.has(id) || !deps.offered().includes(id)) return false;
    set({ id, step: 0 });
    // Anonymous counts; a kiosk offline still shows the guide.
    void deps.api.guideProgress(id, 'opened').catch(() => undefined);
    return true;
  }

  function go(step: number): void {
    const c = current.value;
    const g = guide.value;
    if (!c || !g) return;
    const target = Math.max(0, Math.min(step, g.steps.length + 1));
    if (target === g.steps.length + 1 && c.step !== target) void deps.api.guideProgress(c.id, 'completed').catch(() => undefined);
    set({ id: c.id, step: target });
  }

  return {
    /** Every guide the app knows (the site offers some of them). */
    catalogue: deps.guides,
    current,
    guide,
    organism,
    query,
    open,
    go,
    begin: () => go(1),
    next: () => go((current.value?.step ?? 0) + 1),
    previous: () => go((current.value?.step ?? 1) - 1),
    close: () => set(null),
    chooseOrganism(o: Organism | null) {
      batch(() => {
        organism.value = o;
        query.value = '';
      });
    },
    search(text: string) {
      batch(() => {
        query.value = text;
        if (text) organism.value = null;
      });
    },
    reset() {
      batch(() => {
        current.value = null;
        organism.value = null;
        query.value = '';
      });
    },
  };
}

export type GuideState = ReturnType<typeof createGuideState>;
