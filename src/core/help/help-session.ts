import { openingState, type OpeningHours } from '../site/opening-hours';
import type { HelpContext, KioskHelpView } from './help-call';

/**
 * The help call as a usager's session sees it, and the session rules that depend on it, written
 * once for both places a usager can call: the kiosk page and the companion extension's bar on an
 * official site. Pure: the caller brings a transport (its API client), a store (sessionStorage on
 * the kiosk, chrome.storage.session in the extension) and a clock.
 *
 * The protocol: a call gets a request id before it leaves, and keeps it until the server has
 * answered, across retries, reloads and reconnects; the server answers a known request id with
 * the call it already made, so nothing is lost or doubled.
 */

/** Serialisable, kept by the store for the length of the session (no personal data in it). */
export interface HelpSessionState {
  request: 'none' | 'sending' | 'failed';
  pendingRequestId: string | null;
  pendingContext: HelpContext | null;
  /** The call made in this session; views about any other call are not ours to show. */
  callId: string | null;
  view: KioskHelpView | null;
  /** When this device first saw its call claimed, and when it saw the claim end (its own clock). */
  claimedSince: number | null;
  claimedUntil: number | null;
}

export const NO_HELP: HelpSessionState = { request: 'none', pendingRequestId: null, pendingContext: null, callId: null, view: null, claimedSince: null, claimedUntil: null };

export interface HelpTransport {
  callHelp(requestId: string, context: HelpContext): Promise<KioskHelpView>;
  cancelHelp(callId: string): Promise<KioskHelpView>;
}

/** Read-modify-write, one change at a time (the extension's store is asynchronous). */
export interface HelpStore {
  read(): Promise<HelpSessionState>;
  update(change: (state: HelpSessionState) => HelpSessionState): Promise<HelpSessionState>;
}

/** A store over a synchronous key-value storage such as window.sessionStorage. */
export function keyValueHelpStore(storage: { getItem(key: string): string | null; setItem(key: string, value: string): void }, key: string): HelpStore {
  const read = (): HelpSessionState => {
    try {
      const raw = storage.getItem(key);
      return raw ? { ...NO_HELP, ...(JSON.parse(raw) as Partial<HelpSessionState>) } : NO_HELP;
    } catch {
      return NO_HELP;
    }
  };
  return {
    read: async () => read(),
    update: async (change) => {
      const current = read();
      const next = change(current);
      // Unchanged: nothing written (a late answer after the session ended leaves no key behind).
      if (next !== current) storage.setItem(key, JSON.stringify(next));
      return next;
    },
  };
}

/** Our call as the last view tells it, or null. */
export function myCall(state: HelpSessionState): NonNullable<KioskHelpView['call']> | null {
  const call = state.view?.call;
  return call && call.id === state.callId ? call : null;
}

/** A call is open while it leaves, waits or is claimed: pressing again shows it rather than calling twice. */
export function callOpen(state: HelpSessionState): boolean {
  const status = myCall(state)?.status;
  return state.request === 'sending' || status === 'waiting' || status === 'claimed';
}

/** Takes a view from the server (answer or stream), and notes when the claim began and ended. */
export function applyView(state: HelpSessionState, view: KioskHelpView, now: number): HelpSessionState {
  // No call of ours: a view pushed after the session ended (its call cancelled) is nobody's business.
  if (state.callId === null) return state;
  const next = { ...state, view };
  const status = myCall(next)?.status;
  if (status === 'claimed' && next.claimedSince === null) return { ...next, claimedSince: now, claimedUntil: null };
  if (status !== 'claimed' && next.claimedSince !== null && next.claimedUntil === null && (status !== undefined || view.call === null)) return { ...next, claimedUntil: now };
  return next;
}

export interface HelpSessionDeps {
  transport: HelpTransport;
  store: HelpStore;
  newId: () => string;
  now: () => number;
  onChange?: (state: HelpSessionState) => void;
}

export interface HelpSession {
  /** « Appeler un médiateur »: a new call, unless one is already open. */
  call(context: HelpContext): Promise<HelpSessionState>;
  /** « Réessayer », or the connection came back: the same request id leaves again. */
  retry(): Promise<HelpSessionState>;
  reconnected(): Promise<HelpSessionState>;
  cancel(): Promise<HelpSessionState>;
  /** A view pushed by the server's stream. */
  receive(view: KioskHelpView): Promise<HelpSessionState>;
  /** The session ended: nothing of this call is kept. */
  forget(): Promise<HelpSessionState>;
}

export function createHelpSession(deps: HelpSessionDeps): HelpSession {
  const change = async (fn: (s: HelpSessionState) => HelpSessionState): Promise<HelpSessionState> => {
    const next = await deps.store.update(fn);
    deps.onChange?.(next);
    return next;
  };
  let inFlight: Promise<HelpSessionState> | null = null;

  const send = (): Promise<HelpSessionState> => {
    inFlight ??= (async () => {
      const s = await change((st) => (st.pendingRequestId && st.pendingContext ? { ...st, request: 'sending' } : st));
      if (!s.pendingRequestId || !s.pendingContext) return s;
      const requestId = s.pendingRequestId;
      try {
        const view = await deps.transport.callHelp(requestId, s.pendingContext);
        return await change((st) => {
          // The session ended while the call was leaving: the answer belongs to nobody now.
          if (st.pendingRequestId !== requestId) return st;
          return applyView({ ...st, request: 'none', pendingRequestId: null, pendingContext: null, callId: view.call?.id ?? null }, view, deps.now());
        });
      } catch {
        // Kept: the same request id leaves again on retry or reconnect.
        return change((st) => (st.pendingRequestId === requestId ? { ...st, request: 'failed' } : st));
      }
    })().finally(() => (inFlight = null));
    return inFlight;
  };

  return {
    async call(context) {
      const current = await deps.store.read();
      if (callOpen(current)) return current;
      if (current.request === 'failed' && current.pendingRequestId) {
        await change((st) => ({ ...st, pendingContext: context }));
        return send();
      }
      await change(() => ({ ...NO_HELP, view: current.view, request: 'sending', pendingRequestId: deps.newId(), pendingContext: context }));
      return send();
    },
    retry: send,
    async reconnected() {
      const s = await deps.store.read();
      return s.request !== 'none' && s.pendingRequestId ? send() : s;
    },
    async cancel() {
      const s = await deps.store.read();
      const id = myCall(s)?.id;
      if (!id) return s;
      try {
        const view = await deps.transport.cancelHelp(id);
        return await change((st) => applyView(st, view, deps.now()));
      } catch {
        // The server cancels it anyway when the session ends; nothing is lost here.
        return s;
      }
    },
    receive: (view) => change((st) => applyView(st, view, deps.now())),
    forget: () => change(() => NO_HELP),
  };
}

// ── Session rules ────────────────────────────────────────────────────────────────────────────

export interface IdleSettings {
  warningAfterSeconds: number;
  answerSeconds: number;
  /** The only pause: a médiateur claimed the call and walks over, for at most this long. */
  claimedPauseMinutes: number;
}

export type IdleStatus =
  | { phase: 'off' }
  | { phase: 'paused'; until: number }
  | { phase: 'counting'; warnAt: number }
  | { phase: 'warning'; secondsLeft: number; endsAt: number }
  | { phase: 'expired' };

/**
 * Where the inactivity count stands. It counts on every screen of a session, the help screen
 * included, whether a call waits, was escalated or got the fallback text: a usager who walks
 * away must never leave their dossier to the next person. A claimed call pauses it, up to the
 * site's ceiling; when the claim ends or the ceiling passes, the count starts again from there.
 */
export function idleStatus(input: { now: number; lastActivity: number; inSession: boolean; help: HelpSessionState; settings: IdleSettings }): IdleStatus {
  const { now, help, settings } = input;
  if (!input.inSession) return { phase: 'off' };
  let since = input.lastActivity;
  if (help.claimedSince !== null) {
    const ceiling = help.claimedSince + settings.claimedPauseMinutes * 60_000;
    const pauseEnd = Math.min(help.claimedUntil ?? ceiling, ceiling);
    if (now < pauseEnd) return { phase: 'paused', until: pauseEnd };
    since = Math.max(since, pauseEnd);
  }
  const warnAt = since + settings.warningAfterSeconds * 1000;
  const endsAt = warnAt + settings.answerSeconds * 1000;
  if (now < warnAt) return { phase: 'counting', warnAt };
  if (now < endsAt) return { phase: 'warning', secondsLeft: Math.ceil((endsAt - now) / 1000), endsAt };
  return { phase: 'expired' };
}

/** While the warning is up, only « Continuer » keeps the session: a stray touch must not dismiss a warning nobody read. */
export function inputCountsAsActivity(status: IdleStatus): boolean {
  return status.phase !== 'warning';
}

/** What to do when nobody can come: the site's fallback text, or, when the pôle is closed, when it opens. */
export type Instead = { kind: 'fallback' } | { kind: 'closed'; opensAt: number | null };

/** What the help screen (and the bar) shows, from the call and the clock only. */
export type HelpScreenState =
  | { kind: 'none' }
  | { kind: 'sending' }
  | { kind: 'failed'; instead: Instead }
  | { kind: 'waiting'; seenBy: number; position: number | null; estimate: { minMinutes: number; maxMinutes: number } | null }
  | { kind: 'nobody-on-duty'; instead: Instead }
  | { kind: 'escalated'; seenBy: number; instead: Instead }
  | { kind: 'claimed'; name: string }
  | { kind: 'expired'; instead: Instead }
  | { kind: 'resolved' }
  | { kind: 'cancelled' };

/** The site's fallback text while the pôle is open; when it is closed, when it opens (never a closed accueil). */
export function whatInstead(openingHours: OpeningHours | null, now: number, closedDays: readonly string[] = []): Instead {
  // Hours unknown (a site view cached by an older version): the site's own fallback text.
  if (!openingHours) return { kind: 'fallback' };
  const opening = openingState(openingHours, now, closedDays);
  return opening.open ? { kind: 'fallback' } : { kind: 'closed', opensAt: opening.opensAt };
}

export function helpScreen(state: HelpSessionState, site: { openingHours: OpeningHours | null; closedDays?: readonly string[]; now: number }): HelpScreenState {
  const instead = (): Instead => whatInstead(site.openingHours, site.now, site.closedDays);
  const call = myCall(state);
  if (!call) {
    if (state.request === 'sending') return { kind: 'sending' };
    if (state.request === 'failed') return { kind: 'failed', instead: instead() };
    return { kind: 'none' };
  }
  const seenBy = state.view?.onDutyCount ?? 0;
  switch (call.status) {
    case 'claimed':
      return { kind: 'claimed', name: call.claimedByFirstName ?? '' };
    case 'waiting':
      if (seenBy === 0) return { kind: 'nobody-on-duty', instead: instead() };
      // Nobody came within the site's delay: an estimate beside it would not be honest.
      if (call.escalated) return { kind: 'escalated', seenBy, instead: instead() };
      return { kind: 'waiting', seenBy, position: state.view?.position ?? null, estimate: state.view?.estimatedWait ?? null };
    case 'expired':
      return { kind: 'expired', instead: instead() };
    case 'resolved':
      return { kind: 'resolved' };
    case 'cancelled':
      return { kind: 'cancelled' };
  }
}

/**
 * The help part of the kiosk API, the same for both callers: each brings its own way to send a
 * JSON request as the kiosk (the page's fetch wrapper, the extension worker's fetch).
 */
export type KioskJsonRequest = (path: string, init: { method: 'GET' | 'POST'; body?: unknown }) => Promise<unknown>;

export function kioskHelpTransport(request: KioskJsonRequest): HelpTransport & { view(): Promise<KioskHelpView> } {
  return {
    callHelp: (requestId, context) => request('help-calls', { method: 'POST', body: { requestId, context } }) as Promise<KioskHelpView>,
    cancelHelp: (callId) => request(`help-calls/${encodeURIComponent(callId)}/cancel`, { method: 'POST' }) as Promise<KioskHelpView>,
    view: () => request('help', { method: 'GET' }) as Promise<KioskHelpView>,
  };
}
