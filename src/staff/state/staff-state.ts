import { batch, computed, signal } from '@preact/signals';
import type { SiteSummary, StaffMe } from '../../core/api/staff-auth';
import { can, type StaffAction } from '../../core/auth/policy';
import { isOpen, type HelpCall, type HelpOutcome } from '../../core/help/help-call';
import type { BookingLimitKind, DutyMember, KioskStatus, StaffEvent } from '../../core/realtime/events';
import { ApiRequestError } from '../../web/api-client';
import type { EventStream, StreamState } from '../../web/event-stream';
import type { StaffApi } from '../api';
import { createTodayCalls } from './today-calls';
import { createSiteList } from './site-list';
import type { OutboxMessageView } from '../../core/agenda/booking';
import type { GuideStatsView } from '../../core/guides/api';

export interface StaffStateDeps {
  api: StaffApi;
  /** Rings and notifies for a call not seen before; `kioskLabel` is the only detail it gets. */
  onNewCall: (call: HelpCall, kioskLabel: string) => void;
}

/** The console's state and the named actions that change it. */
export function createStaffState(deps: StaffStateDeps) {
  const me = signal<StaffMe | null>(null);
  const checked = signal(false);
  const sites = signal<SiteSummary[]>([]);
  const siteId = signal<string | null>(null);
  const calls = signal<ReadonlyMap<string, HelpCall>>(new Map());
  const kiosks = signal<KioskStatus[]>([]);
  const onDuty = signal<DutyMember[]>([]);
  const connection = signal<StreamState>('connecting');
  const error = signal<string | null>(null);
  const busy = signal(false);
  const serverOffsetMs = signal(0);
  /** Bumped on every 'agenda' event: the agenda view reloads the day it shows. */
  const agendaVersion = signal(0);
  /** Bumped on every 'outbox' event: the outbox panel reloads. */
  const outboxVersion = signal(0);
  /** The site's help.ringIntervalSeconds, from the snapshot. */
  const ringIntervalSeconds = signal(30);
  /** Where the last error came from (a form's id), so it shows next to that form; null: at the top. */
  const errorWhere = signal<string | null>(null);
  /** When a refusal says when to try again (a sign-in lock lasts up to 15 minutes), in whole minutes. */
  const errorRetryMinutes = signal<number | null>(null);
  const today = createTodayCalls((id) => deps.api.todayCalls(id));

  const openCalls = computed(() => [...calls.value.values()].filter(isOpen).sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  const onDutyHere = computed(() => me.value?.dutySiteId !== null && me.value?.dutySiteId === siteId.value);
  /** Calls someone can still answer: a kiosk gone offline has nobody left waiting at it. */
  const waitingCalls = computed(() => openCalls.value.filter((c) => c.status === 'waiting' && kiosks.value.find((k) => k.id === c.kioskId)?.online !== false));
  /** Bookings refused over a limit at this site's kiosks, newest first: which kiosk and limit, never who. */
  const bookingAlerts = signal<{ id: string; kioskId: string; limit: BookingLimitKind; at: string }[]>([]);
  /** Whether the policy lets this person watch the chosen site live (a médiateur: once on duty there). */
  const watching = computed(() => me.value !== null && siteId.value !== null && can(me.value, 'site.watch', { siteId: siteId.value }));

  const mayHere = (action: StaffAction) => computed(() => me.value !== null && can(me.value, action, { siteId: siteId.value }));
  // Reloaded when a confirmation is written ('outbox' event) and after each reconnection.
  const outbox = createSiteList<OutboxMessageView>({ siteId, allowed: mayHere('site.outbox.read'), trigger: outboxVersion, load: (id) => run(() => deps.api.outbox(id)) });
  // Reloaded with the calls: a help call from a step changes the counts.
  const guideStats = createSiteList<GuideStatsView>({ siteId, allowed: mayHere('site.guideStats.read'), trigger: computed(() => openCalls.value.length), load: (id) => run(() => deps.api.guideStats(id)) });

  // Calls already announced: a reconnect snapshot must not ring again for them.
  const announced = new Set<string>();
  let stream: EventStream | null = null;

  function kioskLabel(kioskId: string): string {
    return kiosks.value.find((k) => k.id === kioskId)?.label ?? kioskId;
  }

  function announce(call: HelpCall): void {
    if (call.status !== 'waiting' || announced.has(call.id)) return;
    announced.add(call.id);
    deps.onNewCall(call, kioskLabel(call.kioskId));
  }

  function apply(event: StaffEvent): void {
    switch (event.type) {
      case 'snapshot':
        // A (re)connection may have missed agenda changes: reload the day too.
        agendaVersion.value++;
        batch(() => {
          kiosks.value = event.snapshot.kiosks;
          onDuty.value = event.snapshot.onDuty;
          calls.value = new Map(event.snapshot.calls.map((c) => [c.id, c]));
          serverOffsetMs.value = Date.parse(event.snapshot.serverTime) - Date.now();
          ringIntervalSeconds.value = event.snapshot.help?.ringIntervalSeconds ?? 30;
          outboxVersion.value++;
        });
        void today.reload(event.snapshot.siteId);
        event.snapshot.calls.forEach(announce);
        break;
      case 'call': {
        const next = new Map(calls.value);
        if (isOpen(event.call)) next.set(event.call.id, event.call);
        else next.delete(event.call.id);
        calls.value = next;
        today.upsert(event.call);
        announce(event.call);
        break;
      }
      case 'kiosk':
        kiosks.value = kiosks.value.some((k) => k.id === event.kiosk.id) ? kiosks.value.map((k) => (k.id === event.kiosk.id ? event.kiosk : k)) : [...kiosks.value, event.kiosk];
        break;
      case 'duty':
        onDuty.value = event.onDuty;
        break;
      case 'bookingRefused':
        // One notice per kiosk and limit, with the latest time: a person trying again does not fill the bar.
        bookingAlerts.value = [{ id: `${event.kioskId}:${event.limit}`, kioskId: event.kioskId, limit: event.limit, at: event.at }, ...bookingAlerts.value.filter((a) => a.id !== `${event.kioskId}:${event.limit}`)].slice(0, 5);
        break;
      case 'agenda':
        agendaVersion.value++;
        break;
      case 'outbox':
        outboxVersion.value++;
        break;
      case 'settings':
        // « Réglages du pôle » saved: the ringer follows the new interval at once.
        ringIntervalSeconds.value = event.help.ringIntervalSeconds;
        break;
    }
  }

  function watch(id: string): void {
    stream?.stop();
    batch(() => {
      siteId.value = id;
      calls.value = new Map();
      kiosks.value = [];
      onDuty.value = [];
      today.reset();
      bookingAlerts.value = [];
    });
    if (!watching.value) {
      // The server would refuse (403): open nothing until the person is on duty here.
      stream = null;
      connection.value = 'closed';
      return;
    }
    // Signed out (401) ends the console; any other refusal just leaves the site unwatched.
    stream = deps.api.stream(id, apply, (s) => (connection.value = s), (status) => (status === 401 ? void signedOut() : undefined));
  }

  async function signedIn(user: StaffMe): Promise<void> {
    me.value = user;
    sites.value = await deps.api.sites();
    const first = user.dutySiteId ?? sites.value[0]?.id;
    if (first) watch(first);
  }

  async function signedOut(): Promise<void> {
    stream?.stop();
    stream = null;
    announced.clear();
    batch(() => {
      me.value = null;
      siteId.value = null;
      calls.value = new Map();
      bookingAlerts.value = [];
    });
  }

  /** Runs an action; its error shows next to `where` (a form's id) or, without one, at the top. */
  async function run<T>(action: () => Promise<T>, where: string | null = null): Promise<T | undefined> {
    busy.value = true;
    error.value = null;
    try {
      return await action();
    } catch (e) {
      errorWhere.value = where;
      const wait = e instanceof ApiRequestError ? e.details?.retryAfterSeconds : undefined;
      errorRetryMinutes.value = typeof wait === 'number' && wait > 0 ? Math.ceil(wait / 60) : null;
      error.value = e instanceof ApiRequestError ? e.code : 'generic';
      if (e instanceof ApiRequestError && e.code === 'staff_unauthenticated') await signedOut();
      return undefined;
    } finally {
      busy.value = false;
    }
  }

  return {
    me,
    checked,
    sites,
    siteId,
    openCalls,
    kiosks,
    onDuty,
    onDutyHere,
    watching,
    /** What the policy lets this person do at the chosen site: screens show only what will be accepted. */
    may: (action: StaffAction) => me.value !== null && can(me.value, action, { siteId: siteId.value }),
    bookingAlerts,
    /** The site's outbox and guide counts, loaded by the state (null: not allowed or not loaded yet). */
    outbox: outbox.items,
    guideStats: guideStats.items,
    connection,
    error,
    busy,
    serverOffsetMs,
    agendaVersion,
    outboxVersion,
    ringIntervalSeconds,
    waitingCalls,
    todayCalls: today.list,
    errorWhere,
    errorRetryMinutes,
    kioskLabel,
    api: deps.api,
    run,
    async init() {
      try {
        await signedIn(await deps.api.me());
      } catch {
        // Not signed in: the login screen shows.
      } finally {
        checked.value = true;
      }
    },
    login: (username: string, password: string) => run(async () => signedIn(await deps.api.login(username, password))),
    logout: () => run(async () => {
      await deps.api.logout();
      await signedOut();
    }),
    selectSite(id: string) {
      if (id !== siteId.value) watch(id);
    },
    setDuty: (on: boolean) =>
      run(async () => {
        me.value = await deps.api.setDuty(on ? siteId.value : null);
        // Duty decides whether the site may be watched: open (or close) its stream accordingly.
        if (siteId.value) watch(siteId.value);
      }),
    claim: (id: string) => run(() => deps.api.claim(id)),
    resetKiosk: (kioskId: string) => run(() => deps.api.resetKiosk(kioskId)),
    resolve: (id: string, outcome: HelpOutcome) => run(() => deps.api.resolve(id, outcome)),
    dismissBookingAlert(id: string) {
      bookingAlerts.value = bookingAlerts.value.filter((a) => a.id !== id);
    },
    clearError() {
      error.value = null;
    },
    stop() {
      stream?.stop();
      outbox.dispose();
      guideStats.dispose();
    },
  };
}

export type StaffState = ReturnType<typeof createStaffState>;
