import { render, type RenderResult } from '@testing-library/preact';
import type { i18n } from 'i18next';
import type { OutboxMessageView, StaffAgendaDay } from '../../../src/core/agenda/booking';
import type { HelpCall } from '../../../src/core/help/help-call';
import type { KioskStatus, StaffEvent, StaffSnapshot } from '../../../src/core/realtime/events';
import type { StaffApi } from '../../../src/staff/api';
import { App } from '../../../src/staff/App';
import type { Chime } from '../../../src/staff/sound';
import { StaffStateContext } from '../../../src/staff/state/context';
import { AdminContext, createAdminStates } from '../../../src/staff/state/admin-context';
import { createRoute } from '../../../src/staff/state/route';
import { createStaffState, type StaffState } from '../../../src/staff/state/staff-state';
import { ApiRequestError } from '../../../src/web/api-client';
import { changeLanguage, createI18n } from '../../../src/web/i18n';
import type { Language } from '../../../src/core/i18n/languages';
import { ConsoleLanguageContext, createConsoleLanguage, type ConsoleLanguage } from '../../../src/staff/state/console-language';
import { I18nProvider } from '../../../src/web/i18n-context';
import { signal } from '@preact/signals';

const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../../locales/*/{common,staff,guides,admin,fleet,enrol,accounts,agendaAdmin,settings,commands}.json');

const NAMESPACES = ['common', 'staff', 'guides', 'admin', 'fleet', 'enrol', 'accounts', 'agendaAdmin', 'settings', 'commands'] as const;

export function staffI18n(): Promise<i18n> {
  return createI18n({ loaders, namespaces: NAMESPACES, defaultNS: 'staff', language: 'fr', onMissingKey: (key) => { throw new Error(`missing translation key: ${key}`); } });
}

export const kiosk = (id: string, online = true, extra: Partial<KioskStatus> = {}): KioskStatus => ({ id, siteId: 'chatillon', label: `Poste ${id.slice(-1)}`, online, inSession: online, screen: 'home', language: 'fr', guide: null, lastSeenAt: '2026-11-23T09:00:00.000Z', outOfService: false, health: { appVersion: null, startedAt: null, camera: null, lastError: null }, ...extra });

export const call = (id: string, kioskId: string, extra: Partial<HelpCall> = {}): HelpCall => ({
  id, siteId: 'chatillon', kioskId, status: 'waiting', context: { screen: 'home', language: 'fr', accessibility: {} }, createdAt: '2026-11-23T09:00:00.000Z',
  escalatedAt: null, claimedAt: null, claimedBy: null, endedAt: null, outcome: null, ...extra,
});

export function snapshot(extra: Partial<StaffSnapshot> = {}): StaffEvent {
  return { type: 'snapshot', snapshot: { siteId: 'chatillon', calls: [], kiosks: [kiosk('chatillon-1'), kiosk('chatillon-2')], onDuty: [], serverTime: new Date().toISOString(), help: { ringIntervalSeconds: 30 }, ...extra } };
}

export const AGENDA: StaffAgendaDay = {
  siteId: 'chatillon', day: '2026-11-23',
  referents: [{ id: 'r1', firstName: 'Sophie', metier: 'assistant_social', gender: 'female', place: 'Bureau 12', hours: { mon: [['09:00', '12:00']] }, absences: [], bookings: [] }],
};

/** A console API that answers from memory; `emit` plays the site's stream. */
export function fakeStaffApi(role: 'admin' | 'mediateur' = 'admin') {
  const me = { id: 's1', username: role, firstName: 'Karim', role: role === 'admin' ? ('admin_departement' as const) : ('mediateur' as const), siteIds: ['chatillon'] };
  let onEvent: ((e: StaffEvent) => void) | null = null;
  const counts = { outbox: 0, todayCalls: 0 };
  const data = { today: [] as HelpCall[], outbox: [] as OutboxMessageView[], hoursError: null as string | null };
  const api: StaffApi = {
    me: async () => ({ ...me, dutySiteId: 'chatillon' }),
    login: async () => ({ ...me, dutySiteId: 'chatillon' }),
    logout: async () => undefined,
    sites: async () => [{ id: 'chatillon', name: 'Pôle social de Châtillon' }],
    setDuty: async (siteId) => ({ ...me, dutySiteId: siteId }),
    claim: async (id) => call(id, 'chatillon-1', { status: 'claimed' }),
    resolve: async (id) => call(id, 'chatillon-1', { status: 'resolved' }),
    resetKiosk: async () => undefined,
    agenda: async () => AGENDA,
    setHours: async () => {
      if (data.hoursError) throw new ApiRequestError(400, data.hoursError, 'refused');
    },
    addAbsence: async () => ({ id: 'a1' }),
    removeAbsence: async () => undefined,
    guideStats: async () => [],
    outbox: async () => {
      counts.outbox++;
      return data.outbox;
    },
    todayCalls: async () => {
      counts.todayCalls++;
      return data.today;
    },
    stream: (_siteId, handler, onState) => {
      onEvent = handler;
      queueMicrotask(() => onState('open'));
      return { stop: () => void (onEvent = null), reconnect: () => undefined };
    },
  };
  return { api, counts, data, emit: (e: StaffEvent) => onEvent?.(e) };
}

export function quietChime(): Chime & { rings: number } {
  return { rings: 0, ring() { this.rings++; }, unlock: async () => undefined, needsUnlock: false, stop: () => undefined };
}

export async function renderConsole(i18n: i18n, api: StaffApi, onNewCall: () => void = () => undefined): Promise<{ state: StaffState; result: RenderResult; consoleLanguage: ConsoleLanguage }> {
  const state = createStaffState({ api, onNewCall });
  const language = signal(i18n.language);
  const consoleLanguage = createConsoleLanguage(i18n.language, async (lang) => (language.value = await changeLanguage(i18n, lang, NAMESPACES)));
  const result = render(
    <I18nProvider i18n={i18n} language={language}>
      <ConsoleLanguageContext.Provider value={consoleLanguage}>
        <StaffStateContext.Provider value={state}>
          <AdminContext.Provider value={createAdminStates(state, createRoute(window))}>
            <App chime={quietChime()} language={language.value} onLanguage={(lang) => consoleLanguage.choose(lang as Language)} />
          </AdminContext.Provider>
        </StaffStateContext.Provider>
      </ConsoleLanguageContext.Provider>
    </I18nProvider>,
  );
  await state.init();
  return { state, result, consoleLanguage };
}
