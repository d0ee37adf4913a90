import type { KioskCommand } from '../../core/fleet/commands';
import type { StaffEvent } from '../../core/realtime/events';
import { markPublished, nowMs } from '../observability/metrics';
import type { Db } from '../store/db';
import { eventsAfter, lastEventId } from './event.repository';
import { InProcessTransport, type BusTransport, type WireMessage } from './transport';

export interface BusMessage {
  id: number;
  siteId: string;
  event: StaffEvent;
}

type Listener<T> = (value: T) => void;

/** Listeners by key (a site, a kiosk, a staff member): a message reaches only those it concerns. */
class Registry<T> {
  private readonly byKey = new Map<string, Set<Listener<T>>>();
  add(key: string, listener: Listener<T>): () => void {
    let set = this.byKey.get(key);
    if (!set) this.byKey.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byKey.get(key) === set) this.byKey.delete(key);
    };
  }
  has(key: string): boolean {
    return this.byKey.has(key);
  }
  emit(key: string, value: T): void {
    const set = this.byKey.get(key);
    if (set) for (const listener of [...set]) safely(listener, value);
  }
}

function safely<T>(listener: Listener<T>, value: T): void {
  try {
    listener(value);
  } catch {
    // One stream's failure must not keep the others from hearing the message.
  }
}

/**
 * When an event read from the log was published, for the fan-out figure: its stored time when
 * that is plausible (the servers' clocks agree within seconds), else when it was read (tests
 * run on fixed clocks).
 */
function publishedAtMs(createdAt: string, readAtMs: number): number {
  const at = Date.parse(createdAt);
  return at <= readAtMs && readAtMs - at < 60_000 ? at : readAtMs;
}

export interface EventBusOptions {
  /** Reads a remote action by id when a message names one for a kiosk streaming here. */
  loadCommand(id: string): Promise<KioskCommand | undefined>;
  log: { warn(obj: object, msg: string): void };
  /** Events read per query while catching up. */
  batchSize?: number;
}

/**
 * The event bus of one server instance.
 *
 * Site events are stored first (`events` gives each a durable id, in commit order: see
 * event.repository.ts). The bus follows that log with a cursor and hands each event, in id
 * order, to the streams of its site on this instance. An event written here goes out at once;
 * one written by another instance arrives when the transport says the log moved (PostgreSQL
 * NOTIFY), and a lost notification costs nothing, as the next read starts from the cursor.
 *
 * Other messages (remote actions, agenda, revocations, access, configuration) go through the
 * transport as ids, to every instance, and reach only the listeners they concern.
 */
export class EventBus {
  private readonly sites = new Registry<BusMessage>();
  private readonly everySite = new Set<Listener<BusMessage>>();
  private readonly kioskCommands = new Registry<KioskCommand>();
  private readonly agenda = new Registry<void>();
  private readonly revoked = new Registry<void>();
  private readonly staffAccess = new Registry<void>();
  private readonly configListeners = new Set<Listener<string>>();
  private readonly resyncListeners = new Set<Listener<void>>();
  private cursor = 0;
  private pumping = false;
  private again = false;
  private started = false;

  constructor(
    private readonly db: Db,
    private readonly options: EventBusOptions,
    readonly transport: BusTransport = new InProcessTransport(),
  ) {}

  async start(): Promise<void> {
    this.cursor = await lastEventId(this.db);
    await this.transport.start({ message: (m) => this.receive(m), reconnected: () => this.resync() });
    this.started = true;
  }

  async close(): Promise<void> {
    this.started = false;
    await this.transport.close();
  }

  /**
   * An event was stored here and committed. It goes out at once when it is the next in the log;
   * otherwise (another instance wrote in between) the bus reads the log from its cursor.
   */
  appended(message: BusMessage): void {
    if (message.id <= this.cursor) return;
    markPublished(message);
    if (message.id === this.cursor + 1 && !this.pumping) this.dispatch(message);
    else this.wake();
  }

  /** The log may have moved (a NOTIFY, a poll): read it from the cursor, once at a time. */
  wake(): void {
    if (this.pumping) {
      this.again = true;
      return;
    }
    this.pumping = true;
    void this.pump().finally(() => {
      this.pumping = false;
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  private async pump(): Promise<void> {
    const batch = this.options.batchSize ?? 500;
    try {
      for (;;) {
        const events = await eventsAfter(this.db, this.cursor, batch);
        const readAt = nowMs();
        for (const e of events) {
          if (e.id <= this.cursor) continue;
          const message = { id: e.id, siteId: e.siteId, event: e.event };
          markPublished(message, publishedAtMs(e.createdAt, readAt));
          this.dispatch(message);
        }
        if (events.length < batch) return;
      }
    } catch (error) {
      if (this.started) this.options.log.warn({ err: error }, 'event log read failed; retried on the next event');
    }
  }

  private dispatch(message: BusMessage): void {
    this.cursor = message.id;
    this.sites.emit(message.siteId, message);
    for (const listener of [...this.everySite]) safely(listener, message);
  }

  /** Events of one site, in id order. */
  subscribeSite(siteId: string, listener: Listener<BusMessage>): () => void {
    return this.sites.add(siteId, listener);
  }

  /** Events of every site (the fleet stream filters the pôles it watches). */
  subscribe(listener: Listener<BusMessage>): () => void {
    this.everySite.add(listener);
    return () => this.everySite.delete(listener);
  }

  /** A remote action to one kiosk's open streams, wherever they are; the commands table keeps it for a kiosk that reconnects. */
  commandKiosk(kioskId: string, command: KioskCommand): void {
    this.send({ t: 'command', kiosk: kioskId, command: command.id });
  }

  /** A remote action for a kiosk whose stream opened on this instance (its redelivery): told to no other. */
  deliverHere(kioskId: string, command: KioskCommand): void {
    this.kioskCommands.emit(kioskId, command);
  }

  onKioskCommand(kioskId: string, listener: Listener<KioskCommand>): () => void {
    return this.kioskCommands.add(kioskId, listener);
  }

  /** The agenda of a site changed: its kiosks refresh the slots they show. */
  agendaChanged(siteId: string): void {
    this.send({ t: 'agenda', site: siteId });
  }

  onAgendaChange(siteId: string, listener: () => void): () => void {
    return this.agenda.add(siteId, listener);
  }

  /** « Retirer la borne » (or a new enrolment of its id): the kiosk's open streams end at once. */
  revokeKiosk(kioskId: string): void {
    this.send({ t: 'revoke', kiosk: kioskId });
  }

  onKioskRevoked(kioskId: string, listener: () => void): () => void {
    return this.revoked.add(kioskId, listener);
  }

  /**
   * A staff member's access changed (account disabled, new password forced, role or pôles
   * changed): their open streams end, and a reconnect is judged under the new rule.
   */
  staffAccessChanged(staffId: string): void {
    this.send({ t: 'staff', staff: staffId });
  }

  onStaffAccessChange(staffId: string, listener: () => void): () => void {
    return this.staffAccess.add(staffId, listener);
  }

  /** A pôle's configuration was saved here: the other instances re-read it. */
  configChanged(siteId: string): void {
    this.send({ t: 'config', site: siteId });
  }

  onConfigMessage(listener: Listener<string>): () => void {
    this.configListeners.add(listener);
    return () => this.configListeners.delete(listener);
  }

  /** The transport lost messages: every stream reads its state again. */
  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /** Whether this instance runs the cluster-wide jobs now (see BusTransport.isLeader). */
  isLeader(): Promise<boolean> {
    return this.transport.isLeader();
  }

  private send(message: WireMessage): void {
    this.transport.send(message).catch((error: unknown) => this.options.log.warn({ err: error, bus: message.t }, 'bus message not sent'));
  }

  private receive(message: WireMessage): void {
    switch (message.t) {
      case 'events':
        return this.wake();
      case 'command':
        if (!this.kioskCommands.has(message.kiosk)) return;
        void this.options
          .loadCommand(message.command)
          .then((command) => command && this.kioskCommands.emit(message.kiosk, command))
          .catch((error: unknown) => this.options.log.warn({ err: error }, 'remote action not read'));
        return;
      case 'agenda':
        return this.agenda.emit(message.site);
      case 'revoke':
        return this.revoked.emit(message.kiosk);
      case 'staff':
        return this.staffAccess.emit(message.staff);
      case 'config':
        for (const listener of [...this.configListeners]) safely(listener, message.site);
        return;
    }
  }

  private resync(): void {
    this.wake();
    for (const listener of [...this.resyncListeners]) safely(listener, undefined);
  }
}
