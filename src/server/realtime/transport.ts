/**
 * The port through which server instances tell each other what happened. Two adapters:
 * in-process (one server: the embedded SQLite default) and PostgreSQL LISTEN/NOTIFY (several
 * instances on one database, src/server/realtime/pg-transport.ts).
 *
 * Messages carry ids, never rows: a receiver reads what it needs from the database. That keeps
 * them far below NOTIFY's 8,000-byte limit and keeps personal data off the wire.
 */
export type WireMessage =
  /** New rows in `events`: every instance reads them from its cursor (event.repository.ts). */
  | { t: 'events' }
  /** A remote action for a kiosk (the `commands` row holds it). */
  | { t: 'command'; kiosk: string; command: string }
  /** A pôle's agenda changed: its kiosks refresh the slots they show. */
  | { t: 'agenda'; site: string }
  /** A kiosk was removed or re-enrolled: its open streams end at once. */
  | { t: 'revoke'; kiosk: string }
  /** A staff member's access changed: their open streams end. */
  | { t: 'staff'; staff: string }
  /** A pôle's configuration was saved: every instance re-reads site_configs. */
  | { t: 'config'; site: string };

/** NOTIFY payloads must stay under 8,000 bytes; ours are ids, so anything near this is a bug. */
export const MAX_WIRE_BYTES = 1000;

export function encodeWire(message: WireMessage): string {
  const text = JSON.stringify(message);
  if (Buffer.byteLength(text) > MAX_WIRE_BYTES) throw new Error(`bus message ${message.t} is ${Buffer.byteLength(text)} bytes: send ids, not rows`);
  return text;
}

const KINDS = new Set<WireMessage['t']>(['events', 'command', 'agenda', 'revoke', 'staff', 'config']);

/** Parses a payload from another instance; anything malformed is dropped, never thrown. */
export function decodeWire(text: string): WireMessage | undefined {
  try {
    const value = JSON.parse(text) as Partial<WireMessage> & Record<string, unknown>;
    if (!value || typeof value !== 'object' || !KINDS.has(value.t as WireMessage['t'])) return undefined;
    for (const [key, field] of Object.entries(value)) if (key !== 't' && typeof field !== 'string') return undefined;
    return value as WireMessage;
  } catch {
    return undefined;
  }
}

export interface TransportHandlers {
  /** A message from any instance, this one included. */
  message(message: WireMessage): void;
  /**
   * The transport was cut and is back: messages sent meanwhile may be lost, so every stream
   * resyncs (events are not lost: they are read from the database by cursor).
   */
  reconnected(): void;
}

export interface BusTransport {
  readonly kind: 'in-process' | 'postgres';
  start(handlers: TransportHandlers): Promise<void>;
  /** Sends to every instance, this one included. */
  send(message: WireMessage): Promise<void>;
  /**
   * Whether this instance runs the cluster-wide jobs now (sweep, retention). One instance at a
   * time holds it; on one process it is always this one.
   */
  isLeader(): Promise<boolean>;
  close(): Promise<void>;
}

/** One server process: messages go straight back to this process, as an EventEmitter would. */
export class InProcessTransport implements BusTransport {
  readonly kind = 'in-process';
  private handlers?: TransportHandlers;
  async start(handlers: TransportHandlers): Promise<void> {
    this.handlers = handlers;
  }
  async send(message: WireMessage): Promise<void> {
    encodeWire(message);
    this.handlers?.message(message);
  }
  async isLeader(): Promise<boolean> {
    return true;
  }
  async close(): Promise<void> {
    this.handlers = undefined;
  }
}
