import { batch, computed, effect, signal } from '@preact/signals';
import type { i18n } from 'i18next';
import { callOpen as isCallOpen, createHelpSession, helpScreen as describeHelp, idleStatus, keyValueHelpStore, myCall as callOf, NO_HELP, type HelpSessionState } from '../../core/help/help-session';
import { isLanguage, type Language } from '../../core/i18n/languages';
import type { KioskSiteView } from '../../core/site/site-config';
import { ApiRequestError } from '../../web/api-client';
import type { EventStream } from '../../web/event-stream';
import { changeLanguage } from '../../web/i18n';
import type { KioskApi } from '../api';
import { startIdleTimer, type IdleTimer } from './idle-timer';
import { startHeartbeat, type Heartbeat, type KioskHealthSource } from '../io/heartbeat';
import type { MotifView } from '../../core/agenda/booking';
import type { DossierView } from '../../core/dossier/dossier';
import type { Guide } from '../../core/guides/guide';
import { createBookingState } from './booking-state';
import { REPORTED, type Screen } from './screens';
import { createGuideState } from './guide-state';
import { createIdentityState } from './identity-state';
import { createDisplayState } from './display-state';
import { createKioskCommands } from './commands';
import { createSpeechState } from './speech-state';

export type { Screen } from './screens';

const SITE_CACHE_KEY = 'borne.site';
/** The help call of this session (src/core/help/help-session.ts keeps it there). */
const HELP_KEY = 'borne.session.help';
/** The language chosen for this session: a reload, a return from an official site or an app update keeps it. */
export const LANGUAGE_KEY = 'borne.session.language';
/** Set while a session is going on: after a reload the idle count still runs and the session still ends. */
const ACTIVE_KEY = 'borne.session.active';
/** How long the goodbye stays, in the session's language, before the kiosk goes back to the site's. */
const FAREWELL_MS = 6000;
const NAMESPACES = ['common', 'kiosk', 'guides'] as const;

export interface KioskStateDeps {
  api: KioskApi;
  /** What each heartbeat tells « Parc des bornes » (version, uptime, camera, last error code). */
  health?: KioskHealthSource;
  i18n: i18n;
  /** Survives a reload within a session (which call is ours); cleared at session end. */
  sessionStore?: Storage;
  /** Public site settings cached for offline start; never personal data. */
  deviceStore?: Storage;
  newId?: () => string;
  now?: () => number;
  /** The guides bundled with the app (kiosk-config/guides). */
  guides?: ReadonlyMap<string, Guide>;
  /** Asks the launcher (if the kiosk runs under one) to kill Chromium and start on a new profile. */
  requestHardReset?: () => void;
  /** The page was reloaded at the end of a session (the extension's wipe): say goodbye in its language. */
  goodbye?: Language;
  /** Called once the session is over, to apply a waiting app update. */
  onSessionEnded?: () => void;
  /** « Recharger » from the console: reload on the newest version of the app (src/kiosk/sw-update.ts). */
  reload?: () => void;
  /** Where the text size and contrast apply (the page's <html>). */
  root?: HTMLElement;
}

/** All the kiosk's state and the named actions that change it. Screens only read and call. */
export function createKioskState(deps: KioskStateDeps) {
  const sessionStore = deps.sessionStore ?? window.sessionStorage;
  const deviceStore = deps.deviceStore ?? window.localStorage;
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const now = deps.now ?? (() => Date.now());
  const storedLanguage = sessionStore.getItem(LANGUAGE_KEY);

  const site = signal<KioskSiteView | null>(readCachedSite(deviceStore));
  const refused = signal(false);
  const language = signal<Language>((deps.i18n.language as Language) ?? 'fr');
  const guide = createGuideState({ api: deps.api, sessionStore, guides: deps.guides ?? new Map(), offered: () => site.value?.guides ?? [] });
  // A reload in the middle of a guide comes back to the same step: the session goes on.
  const screen = signal<Screen>(guide.current.value ? 'guide' : 'home');
  // A language chosen in this session means a session is going on: a reload must not drop it.
  const inSession = signal(guide.current.value !== null || isLanguage(storedLanguage) || sessionStore.getItem(ACTIVE_KEY) !== null);
  const helpState = signal<HelpSessionState>(NO_HELP);
  const helpSession = createHelpSession({ transport: deps.api, store: keyValueHelpStore(sessionStore, HELP_KEY), newId, now, onChange: (s) => (helpState.value = s) });
  const connection = signal<'connecting' | 'open' | 'closed'>('connecting');
  const everConnected = signal(false);
  const idleSecondsLeft = signal<number | null>(null);
  const farewell = signal(deps.goodbye !== undefined);
  const identity = createIdentityState(deps.api);
  // « Écouter »: its volume starts at the pôle's level and goes back there at every session end.
  const speech = createSpeechState({ api: deps.api, i18n: deps.i18n, language, siteVolume: () => site.value?.speech?.volume ?? 0.8, onUse: () => beginSession() });
  // Text size and contrast: part of the session (kept through a reload, back to normal at its end).
  const display = createDisplayState({ store: sessionStore, onUse: () => beginSession() });
  const stopDisplay = display.applyTo(deps.root ?? document.documentElement);
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

  const help = computed(() => helpState.value.view);
  /** The help view, only if it is about the call made in this session. */
  const myCall = computed(() => callOf(helpState.value));
  const callOpen = computed(() => isCallOpen(helpState.value));
  const helpRequest = computed(() => helpState.value.request);
  /** What the help screen says: the shared rule, with this site's hours and the clock. */
  const helpScreen = () => describeHelp(helpState.value, { openingHours: site.value?.openingHours ?? null, closedDays: site.value?.closedDays ?? [], now: now() });
  const offline = computed(() => connection.value === 'closed' || (connection.value === 'connecting' && everConnected.value));
  // Remote actions of the console (src/kiosk/state/commands.ts); out of service lives in the site view and its cache.
  const commands = createKioskCommands({
    ack: (id, status) => deps.api.ackCommand(id, status),
    current: computed(() => site.value?.outOfService ?? null),
    setOutOfService: (message) => {
      if (!site.value) return;
      site.value = { ...site.value, outOfService: message };
      deviceStore.setItem(SITE_CACHE_KEY, JSON.stringify(site.value));
    },
    fetchOutOfService: async () => (await deps.api.me()).outOfService ?? null,
    inSession: () => inSession.value,
    endSession: () => endSession(),
    goHome: () => goHome(),
    reload: () => (deps.reload ? deps.reload() : window.location.reload()),
  });

  let stream: EventStream | null = null;
  let heartbeat: Heartbeat | null = null;
  let idle: IdleTimer | null = null;
  let farewellTimer: ReturnType<typeof setTimeout> | undefined;

  function beginSession(): void {
    if (!inSession.value) {
      inSession.value = true;
      sessionStore.setItem(ACTIVE_KEY, '1');
      idle?.reset();
    }
    if (farewell.value) {
      farewell.value = false;
      clearTimeout(farewellTimer);
    }
  }

  async function chooseLanguage(lang: Language): Promise<void> {
    beginSession();
    sessionStore.setItem(LANGUAGE_KEY, lang);
    language.value = await changeLanguage(deps.i18n, lang, NAMESPACES);
  }

  /** The screen the usager was on when they asked for help. */
  let helpFrom: Screen = 'home';

  async function callHelp(): Promise<void> {
    beginSession();
    if (screen.value !== 'help') helpFrom = screen.value;
    screen.value = 'help';
    // From a guide, the call says which guide and which step, so the médiateur knows where to look.
    const inGuide = helpFrom === 'guide' ? guide.current.value : null;
    const where = inGuide ? { guideId: inGuide.id, ...(inGuide.step >= 1 && inGuide.step <= (guide.guide.value?.steps.length ?? 0) ? { step: inGuide.step } : {}) } : {};
    // « Écouter » used in this session: the médiateur knows the screen is better read aloud.
    await helpSession.call({ screen: REPORTED[helpFrom], language: language.value, accessibility: { ...display.accessibility(), ...(speech.used.value ? { speech: true } : {}) }, ...where });
  }

  async function retryHelp(): Promise<void> {
    await helpSession.retry();
  }

  async function cancelHelp(): Promise<void> {
    await helpSession.cancel();
  }

  /** « Retour » on the help screen: back to where the usager was when they called (a guide step, their dossier…). */
  function goBack(): void {
    screen.value = backTarget();
  }

  /** « Retour à l'accueil »: the home screen, as it says (field test: it used to open the dossier). */
  function goHome(): void {
    screen.value = 'home';
  }

  /** Where « Retour » leads, so the help screen offers it only when it is not the home screen. */
  const backTarget = (): Screen => (helpFrom === 'guide' && !guide.current.value ? 'home' : helpFrom === 'help' ? 'home' : helpFrom);

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
    sessionStore.clear();
    display.reset();
    identity.forget();
    speech.reset();
    booking.reset();
    guide.reset();
    pendingMotif = null;
    batch(() => {
      inSession.value = false;
      screen.value = 'home';
      helpState.value = NO_HELP;
      idleSecondsLeft.value = null;
      farewell.value = true;
    });
    endFarewellSoon();
    await deps.api.endSession().catch(() => undefined);
    deps.onSessionEnded?.();
    // The browser itself is thrown away too: nothing of this session survives in the profile.
    deps.requestHardReset?.();
  }

  /** The goodbye is said in the session's language; then the kiosk waits in the site's own. */
  function endFarewellSoon(): void {
    clearTimeout(farewellTimer);
    farewellTimer = setTimeout(() => {
      farewell.value = false;
      if (!inSession.value) void backToSiteLanguage();
    }, FAREWELL_MS);
  }

  async function backToSiteLanguage(): Promise<void> {
    const defaultLang = site.value?.site.defaultLanguage ?? 'fr';
    if (deps.i18n.language !== defaultLang) language.value = await changeLanguage(deps.i18n, defaultLang, NAMESPACES);
  }

  function continueSession(): void {
    idleSecondsLeft.value = null;
    idle?.reset();
  }

  /**
   * Reads the site view again after its settings changed. A session going on keeps its language
   * and its call; a kiosk waiting for the next person moves to the new default language.
   */
  async function refreshSite(): Promise<void> {
    const view = await deps.api.me().catch(() => null);
    if (!view) return;
    site.value = view;
    deviceStore.setItem(SITE_CACHE_KEY, JSON.stringify(view));
    speech.forgetManifest();
    if (!inSession.value) speech.reset();
    if (!inSession.value && !farewell.value) await backToSiteLanguage();
  }

  async function start(): Promise<void> {
    try {
      const view = await deps.api.me();
      site.value = view;
      deviceStore.setItem(SITE_CACHE_KEY, JSON.stringify(view));
      if (!inSession.value) speech.reset();
      const kept = isLanguage(storedLanguage) && view.site.languages.includes(storedLanguage) ? storedLanguage : null;
      const wanted = inSession.value && kept ? kept : inSession.value ? deps.i18n.language : farewell.value && deps.goodbye ? deps.goodbye : view.site.defaultLanguage;
      if (deps.i18n.language !== wanted && isLanguage(wanted)) language.value = await changeLanguage(deps.i18n, wanted, NAMESPACES);
      if (farewell.value && !inSession.value) endFarewellSoon();
      // Put out of service while a session was going on (and the page reloaded): that session ends.
      if (view.outOfService && inSession.value) void commands.applyOutOfService(view.outOfService);
    } catch (error) {
      if (error instanceof ApiRequestError && error.status === 401) {
        refused.value = true;
        return;
      }
      // Offline at start: the cached site lets the kiosk show its fallback text.
    }
    helpState.value = await helpSession.reconnected().catch(() => helpState.value);
    stream = deps.api.stream({
      onHelp: (view) => void helpSession.receive(view),
      onState: (state) => {
        connection.value = state;
        if (state === 'open') {
          // Back after a drop: out of service may have changed meanwhile (a command that expired unheard).
          if (everConnected.value && site.value) void commands.reconnected();
          everConnected.value = true;
          if (!site.value) void start();
          // A call that could not leave while offline leaves now, with the same request id.
          void helpSession.reconnected();
        }
      },
      onRefused: () => (refused.value = true),
      // A remote action from the console: reset, reload, out of service, back in service.
      onCommand: (command) => void commands.receive(command),
      // Another kiosk booked or staff changed the hours: the slots on screen follow at once.
      onAgenda: () => {
        booking.agendaChanged();
        if (screen.value === 'dossier') void identity.refresh();
      },
      // An admin saved « Réglages du pôle »: new texts, hours and timings apply from now on.
      onSite: () => void refreshSite(),
    });
    // The stream alone does not keep the kiosk online on the console: this renews its lease.
    heartbeat?.stop();
    // Each beat also says the app version, uptime, camera and last error code (« Parc des bornes »).
    heartbeat = startHeartbeat((details) => deps.api.heartbeat(details), undefined, deps.health?.details);
    idle = startIdleTimer({
      now,
      // The one rule for the kiosk page and the extension's bar (src/core/help/help-session.ts).
      status: (lastActivity, at) =>
        idleStatus({
          now: at,
          lastActivity,
          inSession: inSession.value,
          help: helpState.value,
          settings: {
            ...(site.value?.idle ?? { warningAfterSeconds: 120, answerSeconds: 30 }),
            claimedPauseMinutes: site.value?.help.claimedPauseMinutes ?? 10,
          },
        }),
      onWarning: (s) => (idleSecondsLeft.value = s),
      onTimeout: () => void endSession(),
    });
  }

  // A change of session or of the call is looked at at once, not at the next tick.
  effect(() => {
    void [inSession.value, helpState.value];
    idle?.check();
  });

  // A reading belongs to its screen: another screen, guide step or language stops it.
  effect(() => {
    void [screen.value, language.value, guide.current.value];
    speech.stop();
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
    stopDisplay();
  }

  return {
    site,
    refused,
    language,
    display,
    screen,
    inSession,
    help,
    helpState,
    helpScreen,
    now,
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
    goBack,
    backTarget,
    go,
    identity,
    speech,
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
    commands,
  };
}

export type KioskState = ReturnType<typeof createKioskState>;

/** The public site settings cached for an offline start (main.tsx reads its language before i18n starts). */
export function readCachedSite(store: Storage): KioskSiteView | null {
  try {
    const raw = store.getItem(SITE_CACHE_KEY);
    const parsed = raw ? (JSON.parse(raw) as KioskSiteView) : null;
    return parsed && isLanguage(parsed.site?.defaultLanguage) ? parsed : null;
  } catch {
    return null;
  }
}
