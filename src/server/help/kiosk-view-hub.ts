import type { HelpCall, KioskHelpView } from '../../core/help/help-call';
import type { StaffEvent } from '../../core/realtime/events';
import type { AppContext } from '../context';
import type { AuthenticatedKiosk } from '../fleet/fleet.service';
import type { BusMessage } from '../realtime/bus';
import { kioskViewOf, type SiteHelpFacts } from './kiosk-view';

/**
 * The site events that can change what a kiosk's help view says (the calls, who is on duty, the
 * site's help settings). Named, not excluded: fleet, agenda or outbox events must not make every
 * kiosk of the pôle recompute its view.
 */
export const HELP_VIEW_EVENTS: ReadonlySet<StaffEvent['type']> = new Set(['call', 'duty', 'settings']);

/** What the hub needs from the help service: the reads, nothing else. */
export interface KioskViewSource {
  currentCall(kiosk: AuthenticatedKiosk): Promise<HelpCall | undefined>;
  siteFacts(siteId: string, withQueue: boolean): Promise<SiteHelpFacts>;
}

interface Watcher {
  kiosk: AuthenticatedKiosk;
  /** The kiosk's current call as the events told it (open, or its last one ended). */
  current: HelpCall | null;
  /** Until its own call is read: the events meanwhile are kept, then applied in order. */
  ready: boolean;
  pending: HelpCall[];
  lastJson: string;
  send(view: KioskHelpView): void;
}

interface Site {
  watchers: Set<Watcher>;
  unsubscribe: () => void;
  running: boolean;
  again: boolean;
  /** An event came: the next pass is for every kiosk of the pôle. */
  everyone: boolean;
  /** Streams just opened, waiting for their first view. */
  newcomers: Set<Watcher>;
  /** The facts as last read, while no event has come since (null: read them again). */
  facts: SiteHelpFacts | null;
  generation: number;
}

/**
 * The help views of every kiosk streaming on this instance, kept per pôle.
 *
 * With 1,000 kiosks in a pôle, each recomputing its own view on every call or duty event (2 to
 * 4 queries each) made a help call cost thousands of queries, and the new call's own insert
 * waited behind them. Here a call event updates the one kiosk whose call it is (the event carries
 * the call), the pôle's facts (on-duty count, the queue when someone waits) are read once, and
 * every kiosk's view is then computed from them without a query; a kiosk is sent its view only
 * when it changed. Events arriving while a pôle is being computed are coalesced into one more
 * pass: the result is the same, the latest state.
 */
export class KioskViewHub {
  private readonly sites = new Map<string, Site>();
  private readonly byKiosk = new Map<string, Set<Watcher>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly source: KioskViewSource,
  ) {}

  /** Follows one kiosk stream's view; `send` gets the first view, then each change. Returns the way to stop. */
  watch(kiosk: AuthenticatedKiosk, send: (view: KioskHelpView) => void): () => void {
    const watcher: Watcher = { kiosk, current: null, ready: false, pending: [], lastJson: '', send };
    const site = this.site(kiosk.siteId);
    site.watchers.add(watcher);
    let mine = this.byKiosk.get(kiosk.id);
    if (!mine) this.byKiosk.set(kiosk.id, (mine = new Set()));
    mine.add(watcher);
    void this.start(watcher, site);
    return () => {
      site.watchers.delete(watcher);
      mine.delete(watcher);
      if (mine.size === 0 && this.byKiosk.get(kiosk.id) === mine) this.byKiosk.delete(kiosk.id);
      if (site.watchers.size === 0 && this.sites.get(kiosk.siteId) === site) {
        site.unsubscribe();
        this.sites.delete(kiosk.siteId);
      }
    };
  }

  /**
   * A stream's first view: its own call is read for it alone; the pôle's facts come with the
   * pôle's next pass for the streams just opened, from the facts already read when no event came
   * since (after a restart, a thousand kiosks of a pôle reconnect within seconds: a few reads of
   * the duty list, not a thousand, and no pass over the kiosks already served).
   */
  private async start(watcher: Watcher, site: Site): Promise<void> {
    try {
      // Subscribed before this read: an event meanwhile is in `pending`, applied after it in order.
      const current = (await this.source.currentCall(watcher.kiosk)) ?? null;
      watcher.current = current;
      for (const call of watcher.pending) watcher.current = call;
      watcher.pending = [];
      watcher.ready = true;
      site.newcomers.add(watcher);
      this.schedule(watcher.kiosk.siteId);
    } catch (error) {
      this.ctx.log.warn({ err: error }, 'kiosk view failed');
    }
  }

  private site(siteId: string): Site {
    let site = this.sites.get(siteId);
    if (!site) {
      const created: Site = { watchers: new Set(), unsubscribe: () => {}, running: false, again: false, everyone: false, newcomers: new Set(), facts: null, generation: 0 };
      created.unsubscribe = this.ctx.bus.subscribeSite(siteId, (m) => this.heard(m));
      this.sites.set(siteId, (site = created));
    }
    return site;
  }

  private heard(message: BusMessage): void {
    if (!HELP_VIEW_EVENTS.has(message.event.type)) return;
    const site = this.sites.get(message.siteId);
    if (!site) return;
    if (message.event.type === 'call') {
      const call = message.event.call;
      for (const watcher of this.byKiosk.get(call.kioskId) ?? []) {
        if (watcher.ready) watcher.current = call;
        else watcher.pending.push(call);
      }
    }
    site.generation++;
    site.facts = null;
    site.everyone = true;
    this.schedule(message.siteId);
  }

  /** One computation of a pôle at a time; events during it make exactly one more. */
  private schedule(siteId: string): void {
    const site = this.sites.get(siteId);
    if (!site) return;
    if (site.running) {
      site.again = true;
      return;
    }
    site.running = true;
    void this.compute(siteId, site).finally(() => {
      site.running = false;
      if (site.again) {
        site.again = false;
        this.schedule(siteId);
      }
    });
  }

  /**
   * After an event, every kiosk of the pôle; otherwise only the streams just opened, from the
   * facts already read when no event came since (a restart's reconnections cost no query each).
   */
  private async compute(siteId: string, site: Site): Promise<void> {
    const everyone = site.everyone;
    const generation = site.generation;
    site.everyone = false;
    const targets = everyone ? [...site.watchers].filter((w) => w.ready) : [...site.newcomers].filter((w) => site.watchers.has(w));
    site.newcomers.clear();
    try {
      if (targets.length === 0) return;
      const withQueue = targets.some((w) => w.current?.status === 'waiting');
      let facts = site.facts && (!withQueue || site.facts.waiting) ? site.facts : null;
      if (!facts) {
        facts = await this.source.siteFacts(siteId, withQueue);
        if (site.generation === generation) site.facts = facts;
      }
      // An event came while the facts were read: a kiosk's call may have moved on (to waiting)
      // past facts read without the queue. That event's pass, already scheduled, delivers it.
      if (site.generation !== generation) return;
      for (const watcher of targets) this.deliver(watcher, facts);
    } catch (error) {
      this.ctx.log.warn({ err: error, siteId }, 'kiosk views refresh failed');
    }
  }

  private deliver(watcher: Watcher, facts: SiteHelpFacts): void {
    const view = kioskViewOf(watcher.current, facts, this.ctx.clock());
    const json = JSON.stringify(view);
    if (json === watcher.lastJson) return;
    watcher.lastJson = json;
    watcher.send(view);
  }
}
