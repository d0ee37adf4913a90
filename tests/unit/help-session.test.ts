import { describe, expect, it } from 'vitest';
import type { HelpContext, KioskHelpView } from '../../src/core/help/help-call';
import { applyView, callOpen, createHelpSession, helpScreen, idleStatus, inputCountsAsActivity, keyValueHelpStore, NO_HELP, type HelpSessionState, type HelpTransport } from '../../src/core/help/help-session';
import type { OpeningHours } from '../../src/core/site/opening-hours';

const CONTEXT: HelpContext = { screen: 'dossier', language: 'ar', accessibility: {} };
const SETTINGS = { warningAfterSeconds: 120, answerSeconds: 30, claimedPauseMinutes: 10 };
const WEEKDAYS: OpeningHours = { mon: [['08:30', '17:30']], tue: [['08:30', '17:30']], wed: [['08:30', '17:30']], thu: [['08:30', '17:30']], fri: [['08:30', '17:30']], sat: [], sun: [] };
const TUESDAY_10H = Date.parse('2026-12-01T09:00:00Z');
const SUNDAY = Date.parse('2026-12-06T10:00:00Z');

function view(call: Partial<NonNullable<KioskHelpView['call']>> | null, extra: Partial<KioskHelpView> = {}): KioskHelpView {
  return {
    call: call && { id: 'call-1', status: 'waiting', createdAt: '2026-12-01T09:00:00.000Z', claimedByFirstName: null, escalated: false, outcome: null, ...call },
    onDutyCount: 1,
    position: 1,
    estimatedWait: { minMinutes: 2, maxMinutes: 3 },
    ...extra,
  };
}

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

/** A transport that fails while `down` and records every request id it was given. */
function transport() {
  const sent: string[] = [];
  const t = {
    down: false,
    sent,
    cancelled: [] as string[],
    async callHelp(requestId: string) {
      sent.push(requestId);
      if (t.down) throw new Error('offline');
      return view({});
    },
    async cancelHelp(id: string) {
      t.cancelled.push(id);
      return view({ status: 'cancelled' });
    },
  } satisfies HelpTransport & Record<string, unknown>;
  return t;
}

function session(t = transport(), storage = memoryStorage(), clock = { now: 1000 }) {
  let n = 0;
  return { t, storage, clock, help: createHelpSession({ transport: t, store: keyValueHelpStore(storage, 'help'), newId: () => `req-${++n}`, now: () => clock.now }) };
}

describe('the help-call protocol', () => {
  it('keeps the request id across failures, retries and reconnects: one call, never two', async () => {
    const { t, help } = session();
    t.down = true;
    expect((await help.call(CONTEXT)).request).toBe('failed');
    expect((await help.retry()).request).toBe('failed');
    // Pressing the button again while it failed is a retry too, not a new call.
    await help.call(CONTEXT);
    t.down = false;
    const state = await help.reconnected();
    expect(t.sent).toEqual(['req-1', 'req-1', 'req-1', 'req-1']);
    expect(state).toMatchObject({ request: 'none', pendingRequestId: null, callId: 'call-1' });
    expect(callOpen(state)).toBe(true);
  });

  it('does not call again while the call is open, and survives a reload (the store keeps it)', async () => {
    const { t, storage, help } = session();
    await help.call(CONTEXT);
    await help.call(CONTEXT);
    expect(t.sent).toEqual(['req-1']);
    const reloaded = session(t, storage).help;
    await reloaded.call(CONTEXT);
    expect(t.sent).toEqual(['req-1']);
  });

  it('a request that was leaving at a reload leaves again with its id on reconnect', async () => {
    const t = transport();
    t.down = true;
    const first = session(t);
    await first.help.call(CONTEXT);
    t.down = false;
    await session(t, first.storage).help.reconnected();
    expect(t.sent).toEqual(['req-1', 'req-1']);
  });

  it('cancels our call only, and the answer to a call sent before the session ended is dropped', async () => {
    const { t, help } = session();
    expect((await help.cancel()).callId).toBeNull();
    expect(t.cancelled).toEqual([]);
    await help.call(CONTEXT);
    const cancelled = await help.cancel();
    expect(t.cancelled).toEqual(['call-1']);
    expect(callOpen(cancelled)).toBe(false);
    expect(await help.forget()).toEqual(NO_HELP);
  });

  it('a view pushed after the session ended leaves nothing in the session storage', async () => {
    const { storage, help } = session();
    await help.receive(view({ status: 'cancelled' }));
    expect([...storage.data.keys()]).toEqual([]);
  });

  it('ignores views about a call that is not ours', () => {
    const state = applyView({ ...NO_HELP, callId: 'mine' }, view({ id: 'other', status: 'claimed' }), 5);
    expect(callOpen(state)).toBe(false);
    expect(state.claimedSince).toBeNull();
  });
});

describe('session rules: inactivity', () => {
  const waiting = applyView({ ...NO_HELP, callId: 'call-1' }, view({}, { onDutyCount: 0 }), 0);

  it('counts on the help screen while a call waits with nobody on duty (field test: it never came)', () => {
    const status = idleStatus({ now: 121_000, lastActivity: 0, inSession: true, help: waiting, settings: SETTINGS });
    expect(status).toEqual({ phase: 'warning', secondsLeft: 29, endsAt: 150_000 });
    expect(idleStatus({ now: 150_000, lastActivity: 0, inSession: true, help: waiting, settings: SETTINGS }).phase).toBe('expired');
  });

  it('is off outside a session', () => {
    expect(idleStatus({ now: 10 ** 9, lastActivity: 0, inSession: false, help: NO_HELP, settings: SETTINGS })).toEqual({ phase: 'off' });
  });

  it('pauses only while a médiateur has claimed the call, up to the site ceiling', () => {
    const claimed = applyView(waiting, view({ status: 'claimed', claimedByFirstName: 'Karim' }), 60_000);
    expect(idleStatus({ now: 9 * 60_000, lastActivity: 0, inSession: true, help: claimed, settings: SETTINGS })).toEqual({ phase: 'paused', until: 11 * 60_000 });
    // Ceiling reached: the count starts from there, and the warning comes in due time.
    expect(idleStatus({ now: 11 * 60_000 + 119_000, lastActivity: 0, inSession: true, help: claimed, settings: SETTINGS }).phase).toBe('counting');
    expect(idleStatus({ now: 11 * 60_000 + 121_000, lastActivity: 0, inSession: true, help: claimed, settings: SETTINGS }).phase).toBe('warning');
  });

  it('a claim that ends (resolved, or the usager cancels) gives the count back at once', () => {
    const claimed = applyView(waiting, view({ status: 'claimed' }), 60_000);
    const resolved = applyView(claimed, view({ status: 'resolved', outcome: 'helped' }), 120_000);
    expect(idleStatus({ now: 120_000, lastActivity: 0, inSession: true, help: resolved, settings: SETTINGS })).toEqual({ phase: 'counting', warnAt: 240_000 });
    const gone = applyView(claimed, view(null), 90_000);
    expect(idleStatus({ now: 90_000, lastActivity: 0, inSession: true, help: gone, settings: SETTINGS }).phase).toBe('counting');
  });

  it('while the warning is up, only « Continuer » counts', () => {
    expect(inputCountsAsActivity({ phase: 'warning', secondsLeft: 10, endsAt: 0 })).toBe(false);
    expect(inputCountsAsActivity({ phase: 'counting', warnAt: 0 })).toBe(true);
  });
});

describe('session rules: what the help screen says', () => {
  const ours = (v: KioskHelpView): HelpSessionState => applyView({ ...NO_HELP, callId: 'call-1' }, v, 0);

  it('waiting: seen by N, place in the queue, estimate', () => {
    expect(helpScreen(ours(view({}, { onDutyCount: 2 })), { openingHours: WEEKDAYS, now: TUESDAY_10H })).toEqual({ kind: 'waiting', seenBy: 2, position: 1, estimate: { minMinutes: 2, maxMinutes: 3 } });
  });

  it('escalated: nobody could come yet, and no estimate beside it', () => {
    const screen = helpScreen(ours(view({ escalated: true })), { openingHours: WEEKDAYS, now: TUESDAY_10H });
    expect(screen).toEqual({ kind: 'escalated', seenBy: 1, instead: { kind: 'fallback' } });
    expect(screen).not.toHaveProperty('estimate');
  });

  it('claimed by a first name', () => {
    expect(helpScreen(ours(view({ status: 'claimed', claimedByFirstName: 'Karim' })), { openingHours: WEEKDAYS, now: TUESDAY_10H })).toEqual({ kind: 'claimed', name: 'Karim' });
  });

  it('outside opening hours, never the accueil: when the pôle opens instead', () => {
    const monday = Date.parse('2026-12-07T07:30:00Z');
    expect(helpScreen(ours(view({}, { onDutyCount: 0 })), { openingHours: WEEKDAYS, now: SUNDAY })).toEqual({ kind: 'nobody-on-duty', instead: { kind: 'closed', opensAt: monday } });
    expect(helpScreen(ours(view({ status: 'expired' })), { openingHours: WEEKDAYS, now: SUNDAY })).toEqual({ kind: 'expired', instead: { kind: 'closed', opensAt: monday } });
    expect(helpScreen({ ...NO_HELP, request: 'failed', pendingRequestId: 'r' }, { openingHours: WEEKDAYS, now: SUNDAY })).toEqual({ kind: 'failed', instead: { kind: 'closed', opensAt: monday } });
  });

  it('nobody on duty while open: the fallback text', () => {
    expect(helpScreen(ours(view({}, { onDutyCount: 0 })), { openingHours: WEEKDAYS, now: TUESDAY_10H })).toEqual({ kind: 'nobody-on-duty', instead: { kind: 'fallback' } });
  });
});
