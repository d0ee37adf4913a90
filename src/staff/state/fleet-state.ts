import { batch, computed, signal } from '@preact/signals';
import { FLEET_FILTERS, fleetKioskState, matchesFilter, type FleetEvent, type FleetFilter, type FleetKiosk, type FleetSnapshot } from '../../core/fleet/fleet-view';
import type { StreamState } from '../../web/event-stream';
import { fleetApi, type FleetApi } from '../fleet-api';
import type { StaffState } from './staff-state';

export interface FleetGroup {
  site: FleetSnapshot['sites'][number];
  /** The pôle's kiosks that pass the filter, in the order of its config. */
  kiosks: FleetKiosk[];
  total: number;
  online: number;
}

/**
 * « Parc des bornes »: one stream over all the admin's pôles, opened while the section is shown.
 * Kiosks live in a Map in a signal: an event replaces one entry and keeps every other kiosk the
 * same object, so the screen's memoised rows re-render only the kiosk that changed.
 */
export function createFleetState(deps: { staff: StaffState; api?: FleetApi; now?: () => number; tickMs?: number }) {
  const api = deps.api ?? fleetApi;
  const now = deps.now ?? (() => Date.now());
  const sites = signal<FleetSnapshot['sites']>([]);
  const kiosks = signal<ReadonlyMap<string, FleetKiosk>>(new Map());
  const loaded = signal(false);
  const connection = signal<StreamState>('closed');
  /** The refusal's HTTP status when the stream was refused (403: not an admin of any pôle). */
  const refused = signal<number | null>(null);
  const filter = signal<FleetFilter>('all');
  const collapsed = signal<ReadonlySet<string>>(new Set());
  /** The server's clock minus this PC's, from the snapshot: « il y a 12 s » on the server's time. */
  const serverOffsetMs = signal(0);
  /** The server's "now", moved every second while the section is shown; only the times read it. */
  const clock = signal(now());
  let stream: ReturnType<FleetApi['stream']> | null = null;
  let ticker: ReturnType<typeof setInterval> | undefined;

  const counts = computed(() => {
    const out = Object.fromEntries(FLEET_FILTERS.map((f) => [f, 0])) as Record<FleetFilter, number>;
    for (const k of kiosks.value.values()) for (const f of FLEET_FILTERS) if (matchesFilter(k, f)) out[f]++;
    return out;
  });

  const groups = computed<FleetGroup[]>(() => {
    const bySite = new Map<string, FleetKiosk[]>();
    for (const k of kiosks.value.values()) {
      const list = bySite.get(k.siteId) ?? [];
      list.push(k);
      bySite.set(k.siteId, list);
    }
    return sites.value.map((site) => {
      const all = bySite.get(site.id) ?? [];
      return { site, kiosks: all.filter((k) => matchesFilter(k, filter.value)), total: all.length, online: all.filter((k) => k.online).length };
    });
  });

  function upsert(next: FleetKiosk): void {
    const map = new Map(kiosks.value);
    map.set(next.id, next);
    kiosks.value = map;
  }

  /** Other areas that read this stream too (the remote actions and alerts: commands-state). */
  const listeners = new Set<(event: FleetEvent) => void>();

  function apply(event: FleetEvent): void {
    for (const listener of listeners) listener(event);
    switch (event.type) {
      case 'snapshot':
        batch(() => {
          sites.value = event.snapshot.sites;
          kiosks.value = new Map(event.snapshot.kiosks.map((k) => [k.id, k]));
          serverOffsetMs.value = Date.parse(event.snapshot.serverTime) - now();
          clock.value = now() + serverOffsetMs.value;
          loaded.value = true;
        });
        break;
      case 'kiosk': {
        // A kiosk of a pôle this screen does not show (its stream was narrowed) is not added.
        if (!sites.value.some((s) => s.id === event.kiosk.siteId)) return;
        const waiting = kiosks.value.get(event.kiosk.id)?.waiting ?? false;
        upsert({ ...event.kiosk, waiting, state: fleetKioskState(event.kiosk, waiting) });
        break;
      }
      case 'waiting': {
        const kiosk = kiosks.value.get(event.kioskId);
        if (!kiosk || kiosk.waiting === event.waiting) return;
        upsert({ ...kiosk, waiting: event.waiting, state: fleetKioskState(kiosk, event.waiting) });
        break;
      }
    }
  }

  function open(): void {
    if (stream) return;
    refused.value = null;
    stream = api.stream(apply, (s) => (connection.value = s), (status) => (refused.value = status));
    clearInterval(ticker);
    ticker = setInterval(() => (clock.value = now() + serverOffsetMs.value), deps.tickMs ?? 1000);
  }

  function close(): void {
    stream?.stop();
    stream = null;
    clearInterval(ticker);
    connection.value = 'closed';
  }

  return {
    sites,
    kiosks,
    loaded,
    connection,
    refused,
    filter,
    counts,
    groups,
    collapsed,
    clock,
    apply,
    /** Hears every event of the fleet's stream; returns the way to stop. */
    listen(listener: (event: FleetEvent) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open,
    close,
    setFilter: (f: FleetFilter) => (filter.value = f),
    toggle(siteId: string): void {
      const next = new Set(collapsed.value);
      if (next.has(siteId)) next.delete(siteId);
      else next.add(siteId);
      collapsed.value = next;
    },
  };
}

export type FleetState = ReturnType<typeof createFleetState>;
