import { render, type RenderResult } from '@testing-library/preact';
import i18next, { type i18n } from 'i18next';
import type { Guide } from '../../../src/core/guides/guide';
import type { DossierView } from '../../../src/core/dossier/dossier';
import type { KioskCommand } from '../../../src/core/fleet/commands';
import type { KioskHelpView } from '../../../src/core/help/help-call';
import type { KioskSiteView } from '../../../src/core/site/site-config';
import type { KioskApi } from '../../../src/kiosk/api';
import { App } from '../../../src/kiosk/App';
import { preloadScreens } from '../../../src/kiosk/screens/lazy-screens';
import { KioskStateContext } from '../../../src/kiosk/state/context';
import { createKioskState, type KioskState } from '../../../src/kiosk/state/kiosk-state';
import type { StreamState } from '../../../src/web/event-stream';
import { createI18n } from '../../../src/web/i18n';
import { I18nProvider } from '../../../src/web/i18n-context';

export const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../../locales/*/{common,kiosk}.json');

export const SITE: KioskSiteView = {
  site: { id: 'chatillon', name: 'Pôle social de Châtillon', address: '5 rue de la Mairie', languages: ['fr', 'en', 'ar'], defaultLanguage: 'fr' },
  kiosk: { id: 'chatillon-1', label: 'Poste 1' },
  help: { escalationMinutes: 5, fallback: { fr: "Allez à l'accueil du pôle.", en: 'Go to the reception desk.' }, claimedPauseMinutes: 10 },
  idle: { warningAfterSeconds: 120, answerSeconds: 30 },
  // Open around the clock: the closed-pôle tests give their own hours.
  openingHours: Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, [['00:00', '23:59']]])) as KioskSiteView['openingHours'],
  guides: ['caf-declaration-trimestrielle', 'impots-declaration-revenus', 'ft-actualisation'],
};

/** The texts the demo stores with these two motifs (src/server/seed/demo-motifs.ts). */
export const FOLLOW_UP = { name: { fr: 'Suivi avec mon référent', en: 'Follow-up with my caseworker', ar: 'متابعة مع المسؤول عن ملفي' }, description: { fr: 'Pour parler de votre dossier avec la personne qui vous suit.' } };
export const PMI = { name: { fr: 'PMI (mères et jeunes enfants)', en: 'Mother and child health (PMI)', ar: 'حماية الأمهات والأطفال (PMI)' }, description: { fr: 'Pour une grossesse, un bébé ou un enfant de moins de 6 ans.' } };

/** Motif texts come from the agenda (data), not from the locale files. */
export const MOTIF_TEXTS = [FOLLOW_UP, PMI].flatMap((m) => [...Object.values(m.name), ...Object.values(m.description)]);

export const DOSSIER: DossierView = {
  referent: { firstName: 'Sophie', metier: 'conseiller_insertion', gender: 'female', place: { fr: 'Bureau 12', en: 'Office 12', ar: 'المكتب 12' }, availability: '{"mon":[["08:30","12:30"]]}' },
  demandes: [
    { id: 'd1', type: 'rsa', status: 'in_instruction', lastChangeAt: '2026-11-17T09:00:00.000Z' },
    { id: 'd2', type: 'aide_logement', status: 'waiting_documents', lastChangeAt: '2026-11-20T09:00:00.000Z' },
  ],
  missingDocuments: [{ type: 'bail', demandeId: 'd2' }],
  appointments: [{ id: 'a1', startsAt: '2026-11-26T09:00:00.000Z', endsAt: '2026-11-26T09:30:00.000Z', withFirstName: 'Sophie', place: { fr: 'Bureau 12', en: 'Office 12', ar: 'المكتب 12' }, motifId: 'm1', motifCategory: 'referent_followup', motifName: FOLLOW_UP.name, mode: 'on_site', changeableUntil: '2026-11-25T09:00:00.000Z' }],
};

/** A KioskApi double: records what the kiosk sends and lets the test push stream events. */
export function fakeApi(site: KioskSiteView = SITE) {
  const sent: { requestId: string; screen: string; language: string; guideId?: string; step?: number }[] = [];
  const progress: string[] = [];
  let handlers: { onHelp: (v: KioskHelpView) => void; onState: (s: StreamState) => void; onCommand: (c: KioskCommand) => void } | null = null;
  /** The acknowledgements the kiosk sent for remote actions, as `id:status`. */
  const acks: string[] = [];
  let commandCount = 0;
  let failNextCall = false;
  const api: KioskApi = {
    me: async () => site,
    callHelp: async (requestId, context) => {
      sent.push({ requestId, screen: context.screen, language: context.language, ...(context.guideId ? { guideId: context.guideId } : {}), ...(context.step ? { step: context.step } : {}) });
      if (failNextCall) {
        failNextCall = false;
        const { ApiRequestError } = await import('../../../src/web/api-client');
        throw new ApiRequestError(0, 'network', 'offline');
      }
      return view({ id: 'call-1', status: 'waiting' });
    },
    cancelHelp: async (id) => view({ id, status: 'cancelled' }),
    reportState: async () => undefined,
    heartbeat: async () => undefined,
    endSession: async () => undefined,
    identify: async (dossierNumber, birthDate) => {
      const { ApiRequestError } = await import('../../../src/web/api-client');
      if (dossierNumber === '10000001' && birthDate === '1985-03-14') return { token: 'usager-token', expiresAt: '2026-11-23T09:20:00.000Z' };
      throw new ApiRequestError(401, 'identify_failed', 'no');
    },
    identifyByCode: async () => ({ token: 'usager-token', expiresAt: '2026-11-23T09:20:00.000Z' }),
    dossier: async () => DOSSIER,
    motifs: async () => [
      { id: 'm1', category: 'referent_followup', ...FOLLOW_UP, durationMinutes: 30, mode: 'on_site', needsIdentification: true, changeLimitHours: 24 },
      { id: 'm2', category: 'pmi', ...PMI, durationMinutes: 30, mode: 'on_site', needsIdentification: false, changeLimitHours: 24 },
    ],
    slots: async (motifId) => ({
      motifId,
      weekStart: '2026-11-23',
      previousWeek: null,
      nextWeek: '2026-11-30',
      days: [{ date: '2026-11-25', slots: [{ start: '2026-11-25T08:30:00.000Z', end: '2026-11-25T09:00:00.000Z', referentId: 'r1' }] }],
      referents: { r1: { firstName: 'Léa', metier: 'puericultrice', gender: 'female' } },
    }),
    book: async (body) => ({
      appointment: { id: 'a2', reference: 'ABC-DEF', motifCategory: 'pmi', motifName: PMI.name, mode: 'on_site', referent: { firstName: 'Léa', metier: 'puericultrice', gender: 'female' }, place: { fr: 'Salle PMI' }, startsAt: body.start, endsAt: '2026-11-25T09:00:00.000Z', changeableUntil: '2026-11-24T08:30:00.000Z', changeWith: body.contact ? { kind: 'reference', phone: body.contact.phone.replace(/\D/g, '') } : { kind: 'dossier' } },
      ics: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n',
      receipt: 'receipt',
    }),
    move: async () => {
      throw new Error('move is not used by the component tests');
    },
    cancel: async () => undefined,
    guideProgress: async (guideId, event) => {
      progress.push(`${guideId}:${event}`);
    },
    findBooking: async () => ({ access: 'access', appointment: DOSSIER.appointments[0]! }),
    notify: async () => undefined,
    ackCommand: async (id, status) => {
      acks.push(`${id}:${status}`);
    },
    stream: (h) => {
      handlers = h;
      queueMicrotask(() => h.onState('open'));
      return { stop() {}, reconnect() {} };
    },
  };
  return {
    api,
    sent,
    progress,
    failNextCall: () => (failNextCall = true),
    push: (v: KioskHelpView) => handlers?.onHelp(v),
    setConnection: (s: StreamState) => handlers?.onState(s),
    acks,
    /** A remote action from the console, as the stream delivers it. */
    command: (kind: KioskCommand['kind'], message: KioskCommand['message'] = null, id = `command-${++commandCount}`) => handlers?.onCommand({ id, kind, message }),
    remoteReset: () => handlers?.onCommand({ id: `command-${++commandCount}`, kind: 'reset', message: null }),
  };
}

export function view(call: Partial<NonNullable<KioskHelpView['call']>> & { id: string }, extra: Partial<KioskHelpView> = {}): KioskHelpView {
  return {
    call: { status: 'waiting', createdAt: '2026-11-23T09:00:00.000Z', claimedByFirstName: null, escalated: false, outcome: null, ...call },
    onDutyCount: 2,
    position: 1,
    estimatedWait: { minMinutes: 2, maxMinutes: 3 },
    ...extra,
  };
}

export async function frenchI18n(onMissingKey?: (key: string) => void): Promise<i18n> {
  return createI18n({ loaders, namespaces: ['common', 'kiosk'], defaultNS: 'kiosk', language: 'fr', onMissingKey: onMissingKey ?? ((key) => { throw new Error(`missing translation key: ${key}`); }) });
}

/** An i18n whose every French text is wrapped in ⟦…⟧: any text on screen without it is hard-coded. */
export async function pseudoI18n(): Promise<i18n> {
  const pseudo = (value: unknown): unknown => {
    if (typeof value === 'string') return `⟦${value.replace(/[aeiou]/g, (c) => ({ a: 'á', e: 'é', i: 'í', o: 'ö', u: 'ü' })[c]!)}⟧`;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudo(v)]));
    return value;
  };
  const resources: Record<string, unknown> = {};
  for (const ns of ['common', 'kiosk']) {
    const load = Object.entries(loaders).find(([k]) => k.endsWith(`/fr/${ns}.json`))![1];
    resources[ns] = pseudo((await load()).default);
  }
  const instance = i18next.createInstance();
  await instance.init({ lng: 'fr', resources: { fr: resources as never }, defaultNS: 'kiosk', interpolation: { escapeValue: false } });
  return instance;
}

export async function renderKiosk(i18n: i18n, api: KioskApi, options: { guides?: ReadonlyMap<string, Guide>; keepStorage?: boolean } = {}): Promise<{ state: KioskState; result: RenderResult }> {
  // As on a kiosk once home is shown (main.tsx): every screen's chunk is there. lazy-screen.test covers the wait.
  await preloadScreens();
  if (!options.keepStorage) {
    sessionStorage.clear();
    localStorage.clear();
  }
  const state = createKioskState({ api, i18n, sessionStore: sessionStorage, deviceStore: localStorage, ...(options.guides ? { guides: options.guides } : {}), newId: (() => { let n = 0; return () => `00000000-0000-4000-8000-00000000000${n++}`; })() });
  const result = render(
    <I18nProvider i18n={i18n} language={state.language}>
      <KioskStateContext.Provider value={state}>
        <App />
      </KioskStateContext.Provider>
    </I18nProvider>,
  );
  await state.start();
  return { state, result };
}
