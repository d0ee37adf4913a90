import { describe, expect, it } from 'vitest';
import type { HelpCall, KioskHelpView } from '../../src/core/help/help-call';
import type { AppContext } from '../../src/server/context';
import { KioskViewHub, type KioskViewSource } from '../../src/server/help/kiosk-view-hub';
import type { SiteHelpFacts } from '../../src/server/help/kiosk-view';
import type { BusMessage } from '../../src/server/realtime/bus';

const NOW = new Date('2026-11-23T09:02:00.000Z');
const KIOSK = { id: 'chatillon-1', siteId: 'chatillon' };

function waitingCall(): HelpCall {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    siteId: 'chatillon',
    kioskId: KIOSK.id,
    status: 'waiting',
    context: { screen: 'home', language: 'fr', accessibility: {} },
    createdAt: '2026-11-23T09:01:00.000Z',
    escalatedAt: null,
    claimedAt: null,
    claimedBy: null,
    endedAt: null,
    outcome: null,
  };
}

/** A facts read the test finishes when it chooses, so an event can come in the middle of it. */
function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

function harness() {
  const listeners: ((m: BusMessage) => void)[] = [];
  const reads: { withQueue: boolean; resolve(facts: SiteHelpFacts): void }[] = [];
  const source: KioskViewSource = {
    currentCall: async () => undefined,
    siteFacts: (_siteId, withQueue) => {
      const result = deferred<SiteHelpFacts>();
      reads.push({ withQueue, resolve: result.resolve });
      return result.promise;
    },
  };
  const ctx = {
    bus: { subscribeSite: (_siteId: string, listener: (m: BusMessage) => void) => (listeners.push(listener), () => {}) },
    log: { warn: () => {} },
    clock: () => NOW,
  } as unknown as AppContext;
  const hub = new KioskViewHub(ctx, source);
  const publish = (event: BusMessage['event']) => {
    for (const l of listeners) l({ id: 1, siteId: 'chatillon', event });
  };
  return { hub, reads, publish };
}

describe('kiosk view hub', () => {
  it('never sends a waiting call without its place in the queue when the call came during a facts read', async () => {
    const { hub, reads, publish } = harness();
    const views: KioskHelpView[] = [];
    hub.watch(KIOSK, (v) => views.push(v));
    await settle();
    // The first pass reads the facts without the queue: nobody waits yet.
    expect(reads).toHaveLength(1);
    expect(reads[0]!.withQueue).toBe(false);

    // The kiosk's call arrives while that read is still out.
    const call = waitingCall();
    publish({ type: 'call', call });
    reads[0]!.resolve({ onDutyCount: 1, waiting: null, history: null });
    await settle();

    // The event's own pass reads again, with the queue this time.
    expect(reads).toHaveLength(2);
    expect(reads[1]!.withQueue).toBe(true);
    reads[1]!.resolve({ onDutyCount: 1, waiting: [call], history: null });
    await settle();

    const waitingViews = views.filter((v) => v.call?.status === 'waiting');
    expect(waitingViews.length).toBeGreaterThan(0);
    for (const view of waitingViews) expect(view.position).toBe(1);
    expect(views.at(-1)).toMatchObject({ call: { id: call.id, status: 'waiting' }, position: 1, onDutyCount: 1 });
  });

  it('sends a kiosk its first view once, and again only when it changed', async () => {
    const { hub, reads, publish } = harness();
    const views: KioskHelpView[] = [];
    hub.watch(KIOSK, (v) => views.push(v));
    await settle();
    reads[0]!.resolve({ onDutyCount: 2, waiting: null, history: null });
    await settle();
    expect(views).toEqual([{ call: null, onDutyCount: 2, position: null, estimatedWait: null }]);

    // A duty event that changes nothing the kiosk shows sends nothing.
    publish({ type: 'duty', onDuty: [] });
    await settle();
    reads[1]!.resolve({ onDutyCount: 2, waiting: null, history: null });
    await settle();
    expect(views).toHaveLength(1);
  });
});
