import { render, screen, cleanup, fireEvent, waitFor } from '@testing-library/preact';
import { signal } from '@preact/signals';
import type { i18n } from 'i18next';
import { options, type VNode } from 'preact';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FleetEvent, FleetKiosk } from '../../src/core/fleet/fleet-view';
import type { FleetApi } from '../../src/staff/fleet-api';
import { FleetSection } from '../../src/staff/screens/admin/FleetSection';
import { AdminContext, createAdminStates } from '../../src/staff/state/admin-context';
import { StaffStateContext } from '../../src/staff/state/context';
import { createFleetState } from '../../src/staff/state/fleet-state';
import { createRoute } from '../../src/staff/state/route';
import { createStaffState } from '../../src/staff/state/staff-state';
import { I18nProvider } from '../../src/web/i18n-context';
import { fakeStaffApi, kiosk, staffI18n } from './support/staff-harness';

// 200 rows, each with its actions, take a few seconds to mount on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

let i18n: i18n;
beforeAll(async () => {
  i18n = await staffI18n();
});
afterEach(cleanup);

const SITES = [
  { id: 'chatillon', name: 'Pôle social de Châtillon' },
  { id: 'issy', name: 'Pôle social d’Issy' },
];
const fleetKiosk = (i: number): FleetKiosk => {
  const siteId = i % 2 ? 'issy' : 'chatillon';
  return { ...kiosk(`${siteId}-${i}`, i % 5 !== 0, { siteId, label: `Poste ${i}`, inSession: false }), waiting: false, state: 'libre' };
};

function fakeFleetApi() {
  let emit: ((e: FleetEvent) => void) | null = null;
  const api: FleetApi = {
    fleet: async () => ({ sites: SITES, kiosks: [], serverTime: new Date().toISOString() }),
    stream: (onEvent, onState) => {
      emit = onEvent;
      queueMicrotask(() => onState('open'));
      return { stop: () => void (emit = null), reconnect: () => undefined };
    },
  };
  return { api, emit: (e: FleetEvent) => emit?.(e), get open() { return emit !== null; } };
}

/** Counts the renders of the row component (preact's diffed hook sees each component that ran). */
function countRowRenders(): { readonly count: number; reset(): void; stop(): void } {
  let count = 0;
  const previous = options.diffed;
  options.diffed = (vnode: VNode) => {
    if (typeof vnode.type === 'function' && vnode.type.name === 'FleetRow') count++;
    previous?.(vnode);
  };
  return { get count() { return count; }, reset: () => void (count = 0), stop: () => void (options.diffed = previous) };
}

async function renderFleet(n: number) {
  const { api: staffApi } = fakeStaffApi('admin');
  const staff = createStaffState({ api: staffApi, onNewCall: () => undefined });
  const fake = fakeFleetApi();
  const fleet = createFleetState({ staff, api: fake.api, tickMs: 60_000 });
  const admin = { ...createAdminStates(staff, createRoute(window)), fleet };
  const result = render(
    <I18nProvider i18n={i18n} language={signal('fr')}>
      <StaffStateContext.Provider value={staff}>
        <AdminContext.Provider value={admin}>
          <FleetSection />
        </AdminContext.Provider>
      </StaffStateContext.Provider>
    </I18nProvider>,
  );
  const kiosks = Array.from({ length: n }, (_, i) => fleetKiosk(i));
  // The section opens the stream once shown.
  await waitFor(() => expect(fake.open).toBe(true));
  fake.emit({ type: 'snapshot', snapshot: { sites: SITES, kiosks, serverTime: new Date().toISOString() } });
  await screen.findByRole('button', { name: `Toutes (${n})` });
  return { fake, fleet, result, kiosks };
}

describe('« Parc des bornes » applies the live stream', () => {
  it('re-renders only the row of the kiosk that changed, not the 200 others', async () => {
    const { fake, kiosks } = await renderFleet(200);
    const renders = countRowRenders();
    try {
      const row = () => document.querySelector('[data-kiosk-id="chatillon-2"]')!;
      expect(row().getAttribute('data-state')).toBe('libre');
      fake.emit({ type: 'kiosk', kiosk: { ...kiosks[2]!, inSession: true, screen: 'guides' } });
      await waitFor(() => expect(row().getAttribute('data-state')).toBe('en_session'));
      expect(row().textContent).toContain('En session');
      expect(renders.count).toBe(1);
      renders.reset();
      fake.emit({ type: 'waiting', kioskId: 'chatillon-2', siteId: 'chatillon', waiting: true });
      await waitFor(() => expect(row().getAttribute('data-state')).toBe('attend'));
      expect(renders.count).toBe(1);
      expect(screen.getByRole('button', { name: 'Attend un médiateur (1)' })).toBeTruthy();
    } finally {
      renders.stop();
    }
  });

  it('filters by state with counts, collapses a pôle, and closes the stream when left', async () => {
    const { fake, result } = await renderFleet(10);
    // Kiosks 0 and 5 are offline; 5 of 10 are Châtillon's.
    fireEvent.click(screen.getByRole('button', { name: 'Hors ligne (2)' }));
    await waitFor(() => expect(document.querySelectorAll('tr[data-kiosk-id]').length).toBe(2));
    expect(screen.getByRole('button', { name: 'Hors ligne (2)' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Toutes (10)' }));
    const toggle = screen.getByRole('button', { name: /Pôle social de Châtillon/ });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(() => expect(document.querySelectorAll('tr[data-kiosk-id^="chatillon-"]').length).toBe(0));
    expect(document.querySelectorAll('tr[data-kiosk-id^="issy-"]').length).toBe(5);
    expect(fake.open).toBe(true);
    result.unmount();
    expect(fake.open).toBe(false);
  });
});
