import { batch, computed, effect, signal } from '@preact/signals';
import type { i18n } from 'i18next';
import type { KioskHelpView, KioskScreen } from '../../core/help/help-call';
import { isLanguage, type Language } from '../../core/i18n/languages';
import type { KioskSiteView } from '../../core/site/site-config';
import { ApiRequestError } from '../../web/api-client';
import type { EventStream } from '../../web/event-stream';
import { changeLanguage } from '../../web/i18n';
import type { KioskApi } from '../api';
import { startIdleTimer, type IdleTimer } from './idle-timer';
import { startHeartbeat, type Heartbeat } from '../io/heartbeat';
import type { MotifView } from '../../core/agenda/booking';
import type { DossierView } from '../../core/dossier/dossier';
import type { Guide } from '../../core/guides/guide';
import { createBookingState, type BookingStep } from './booking-state';
import { createGuideState } from './guide-state';
import { createIdentityState } from './identity-state';

export type Screen = 'home' | 'help' | 'identify' | 'no-dossier' | 'dossier' | 'guides' | 'guide' | `book-${BookingStep}`;

/** What the console is told: the no-dossier page counts as identification, every booking step as booking. */
const REPORTED: Record<Screen, KioskScreen> = {
  home: 'home',
  help: 'help',
  identify: 'identify',
  'no-dossier': 'identify',
  dossier: 'dossier',
  guides: 'guides',
  guide: 'guide',
  'book-motif': 'booking',
  'book-contact': 'booking',
  'book-slots': 'booking',
  'book-confirm': 'booking',
  'book-done': 'booking',
  'book-find': 'booking',
};
export type HelpRequest = 'none' | 'sending' | 'failed';

const SITE_CACHE_KEY = 'borne.site';
const CALL_KEY = 'borne.session.callId';
const NAMESPACES = ['common', 'kiosk', 'guides'] as const;

export interface KioskStateDeps {
  api: KioskApi;
  i18n: i18n;
  /** Survives a reload within a session (which call is ours); cleared at session end. */
  sessionStore?: Storage;
  /** Public site settings cached for offline start; never personal data. */
  deviceStore?: Storage;
  newId?: () => string;
  /** The guides bundled with the app (kiosk-config/guides). */
  guides?: ReadonlyMap<string, Guide>;
  /** Asks the launcher (if the kiosk runs under one) to kill Chromium and start on a new profile. */
  requestHardReset?: () => void;
  /** Called once the session is over, to apply a waiting app update. */
  onSessionEnded?: () => void;
}

/** All the kiosk's state and the named actions that change it. Screens only read and call. */
export function createKioskState(deps: KioskStateDeps) {
  const sessionStore = deps.sessionStore ?? window.sessionStorage;
  const deviceStore = deps.deviceStore ?? window.localStorage;
  const newId = deps.newId ?? (() => crypto.randomUUID());

  const site = signal<KioskSiteView | null>(readCachedSite(deviceStore));
  const refused = signal(false);
  const language = signal<Language>((deps.i18n.language as Language) ?? 'fr');
  const guide = createGuideState({ api: deps.api, sessionStore, guides: deps.guides ?? new Map(), offered: () => site.value?.guides ?? [] });
  // A reload in the middle of a guide comes back to the same step: the session goes on.
  const screen = signal<Screen>(guide.current.value ? 'guide' : 'home');
  const inSession = signal(guide.current.value !== null);
  const help = signal<KioskHelpView | null>(null);
  const myCallId = signal<string | null>(sessionStore.getItem(CALL_KEY));
  const helpRequest = signal<HelpRequest>('none');
  const pendingRequestId = signal<string | null>(null);
  const connection = signal<'connecting' | 'open' | 'closed'>('connecting');
  const everConnected = signal(false);
  const idleSecondsLeft = signal<number | null>(null);
  const farewell = signal(false);
  const identity = createIdentityState(deps.api);
  const booking = createBookingState({
    api: deps.api,
    usagerToken: () => identity.token(),
    language: () => language.value,
    show: (step) => {
      screen.value = `book-${step}`;
      // The dossier shows the new or moved appointment as soon as the usager goes back to it.
      if (step === 'done' && identity.token()) void identity.refresh();
    },
  });
  /** A motif chosen before identification (the follow-up): booking resumes once identified. */
  let pendingMotif: MotifView | null = null;

  /** The help view, only if it is about the call made in this session. */
  const myCall = computed(() => {
    const call = help.value?.call;
    return call && call.id === myCallId.value ? call : null;
  });
  const callOpen = computed(() => myCall.value?.status === 'waiting' || myCall.value?.status === 'claimed' || helpRequest.value === 'sending');
  const offline = computed(() => connection.value === 'closed' || (connection.value === 'connecting' && everConnected.value));

  let stream: EventStream | null = null;
  let heartbeat: Heartbeat | null = null;
  let idle: IdleTimer | null = null;
  let farewellTimer: ReturnType<typeof setTimeout> | undefined;

  function beginSession(): void {
    if (!inSession.value) inSession.value = true;
    farewell.value = false;
  }

  async function chooseLanguage(lang: Language): Promise<void> {
    beginSession();
    language.value = await changeLanguage(deps.i18n, lang, NAMESPACES);
  }

  /** The screen the usager was on when they asked for help. */
  let helpFrom: Screen = 'home';

  async function sendHelpRequest(): Promise<void> {
    const requestId = pendingRequestId.value ?? newId();
    pendingRequestId.value = requestId;
    helpRequest.value = 'sending';
    try {
      // From a guide, the call says which guide and which step, so the médiateur knows where to look.
      const inGuide = helpFrom === 'guide' ? guide.current.value : null;
      const where = inGuide ? { guideId: inGuide.id, ...(inGuide.step >= 1 && inGuide.step <= (guide.guide.value?.steps.length ?? 0) ? { step: inGuide.step } : {}) } : {};
      const view = await deps.api.callHelp(requestId, { screen: REPORTED[helpFrom], language: language.value, accessibility: {}, ...where });
      batch(() => {
        myCallId.value = view.call?.id ?? null;
        help.value = view;
        helpRequest.value = 'none';
        pendingRequestId.value = null;
      });
      if (view.call) sessionStore.setItem(CALL_KEY, view.call.id);
    } catch (error) {
      // Kept: the same requestId is sent again on retry or reconnect, so no call is lost or doubled.
      helpRequest.value = 'failed';
    }
  }

  async function callHelp(): Promise<void> {
    beginSession();
    if (screen.value !== 'help') helpFrom = screen.value;
    screen.value = 'help';
    if (callOpen.value) return;
    pendingRequestId.value = null;
    await sendHelpRequest();
  }

  async function retryHelp(): Promise<void> {
    await sendHelpRequest();
  }

  async function cancelHelp(): Promise<void> {
    const id = myCallId.value;
    if (!id) return;
    try {
      help.value = await deps.api.cancelHelp(id);
    } catch {
      // The server cancels it anyway when the session ends; nothing to lose here.
    }
  }

  /** Back from the help screen: to the guide step the usager was on, else to their dossier or home. */
  function goHome(): void {
    screen.value = helpFrom === 'guide' && guide.current.value ? 'guide' : identity.dossier.value ? 'dossier' : 'home';
  }

  function go(to: Screen): void {
    beginSession();
    identity.clearError();
    screen.value = to;
  }

  function afterIdentified(): void {
    const motif = pendingMotif;
    pendingMotif = null;
    if (!motif || !booking.chooseMotif(motif)) screen.value = 'dossier';
  }

  async function identifyByNumber(dossierNumber: string, birthDate: string): Promise<void> {
    beginSession();
    if (await identity.byNumber(dossierNumber, birthDate)) afterIdentified();
  }

  async function identifyByCode(code: string): Promise<void> {
    beginSession();
    screen.value = 'identify';
    if (await identity.byCode(code)) afterIdentified();
  }

  function startBooking(): void {
    beginSession();
    identity.clearError();
    pendingMotif = null;
    booking.start();
  }

  function chooseMotif(motif: MotifView): void {
    beginSession();
    if (booking.chooseMotif(motif)) return;
    // The follow-up needs to know who the usager is: open « Mon dossier » first, then come back.
    pendingMotif = motif;
    identity.clearError();
    screen.value = 'identify';
  }

  function moveAppointment(appointment: DossierView['appointments'][number]): void {
    beginSession();
    void booking.startMove(appointment);
  }

  async function cancelAppointment(appointmentId: string): Promise<boolean> {
    beginSession();
    const done = await booking.cancel(appointmentId);
    if (done) await identity.refresh();
    return done;
  }

  function openGuides(): void {
    beginSession();
    screen.value = 'guides';
  }

  function openGuide(id: string): void {
    beginSession();
    if (guide.open(id)) screen.value = 'guide';
  }

  function closeGuide(): void {
    guide.close();
    screen.value = 'guides';
  }

  function findBooking(): void {
    beginSession();
    booking.openFind();
  }

  function finishBooking(): void {
    booking.reset();
    screen.value = identity.dossier.value ? 'dossier' : 'home';
  }

  async function endSession(): Promise<void> {
    const defaultLang = site.value?.site.defaultLanguage ?? 'fr';
    sessionStore.clear();
    identity.forget();
    booking.reset();
    guide.reset();
    pendingMotif = null;
    batch(() => {
      inSession.value = false;
      screen.value = 'home';
      help.value = null;
      myCallId.value = null;
      helpRequest.value = 'none';
      pendingRequestId.value = null;
      idleSecondsLeft.value = null;
      farewell.value = true;
    });
    clearTimeout(farewellTimer);
    farewellTimer = setTimeout(() => (farewell.value = false), 6000);
    language.value = await changeLanguage(deps.i18n, defaultLang, NAMESPACES);
    await deps.api.endSession().catch(() => undefined);
    deps.onSessionEnded?.();
    // The browser itself is thrown away too: nothing of this session survives in the profile.
    deps.requestHardReset?.();
  }

  function continueSession(): void {
    idleSecondsLeft.value = null;
    idle?.reset();
  }

  async function start(): Promise<void> {
    try {
      const view = await deps.api.me();
      site.value = view;
      deviceStore.setItem(SITE_CACHE_KEY, JSON.stringify(view));
      if (!inSession.value && deps.i18n.language !== view.site.defaultLanguage) {
        language.value = await changeLanguage(deps.i18n, view.site.defaultLanguage, NAMESPACES);
      }
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) {
        refused.value = true;
        return;
      }
      // Offline at start: the cached site lets the kiosk show its fallback text.
    }
    stream = deps.api.stream({
      onHelp: (view) => (help.value = view),
      onState: (state) => {
        connection.value = state;
        if (state === 'open') {
          everConnected.value = true;
          if (!site.value) void start();
          // A call that could not leave while offline leaves now, with the same request id.
          if (helpRequest.value === 'failed' && pendingRequestId.value) void sendHelpRequest();
        }
      },
      onRefused: () => (refused.value = true),
      // A médiateur ended the session from the console.
      onReset: () => void endSession(),
      // Another kiosk booked or staff changed the hours: the slots on screen follow at once.
      onAgenda: () => {
        booking.agendaChanged();
        if (screen.value === 'dossier') void identity.refresh();
      },
    });
    const idleSettings = site.value?.idle ?? { warningAfterSeconds: 120, answerSeconds: 30 };
    // The stream alone does not keep the kiosk online on the console: this renews its lease.
    heartbeat?.stop();
    heartbeat = startHeartbeat(() => deps.api.heartbeat());
    idle = startIdleTimer({
      warnAfterMs: idleSettings.warningAfterSeconds * 1000,
      answerMs: idleSettings.answerSeconds * 1000,
      onWarn: (s) => (idleSecondsLeft.value = s),
      onTick: (s) => (idleSecondsLeft.value = s),
      onTimeout: () => void endSession(),
    });
    if (idleArmed.value) idle.arm();
  }

  // Idle resets only a session in progress, and never while the usager waits for a médiateur.
  const idleArmed = computed(() => inSession.value && !callOpen.value);
  effect(() => {
    const armed = idleArmed.value;
    if (!idle) return;
    if (armed) idle.arm();
    else {
      idle.disarm();
      idleSecondsLeft.value = null;
    }
  });

  // The console shows where each kiosk is; tell the server whenever that changes.
  effect(() => {
    const state = { inSession: inSession.value, screen: REPORTED[screen.value], language: language.value, guide: screen.value === 'guide' || (screen.value === 'help' && helpFrom === 'guide') ? guide.current.value : null };
    if (site.value && !refused.value) void deps.api.reportState(state).catch(() => undefined);
  });

  function stop(): void {
    stream?.stop();
    heartbeat?.stop();
    idle?.stop();
    clearTimeout(farewellTimer);
  }

  return {
    site,
    refused,
    language,
    screen,
    inSession,
    help,
    myCall,
    callOpen,
    helpRequest,
    connection,
    offline,
    idleSecondsLeft,
    farewell,
    start,
    stop,
    chooseLanguage,
    callHelp,
    retryHelp,
    cancelHelp,
    goHome,
    go,
    identity,
    booking,
    startBooking,
    chooseMotif,
    moveAppointment,
    cancelAppointment,
    finishBooking,
    findBooking,
    guide,
    openGuides,
    openGuide,
    closeGuide,
    identifyByNumber,
    identifyByCode,
    endSession,
    continueSession,
  };
}

export type KioskState = ReturnType<typeof createKioskState>;

function readCachedSite(store: Storage): KioskSiteView | null {
  try {
    const raw = store.getItem(SITE_CACHE_KEY);
    const parsed = raw ? (JSON.parse(raw) as KioskSiteView) : null;
    return parsed && isLanguage(parsed.site?.defaultLanguage) ? parsed : null;
  } catch {
    return null;
  }
}
