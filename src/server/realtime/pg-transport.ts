import pg from 'pg';
import { decodeWire, encodeWire, type BusTransport, type TransportHandlers, type WireMessage } from './transport';

/** The NOTIFY channel of every Borne instance on one database. */
export const BUS_CHANNEL = 'borne_bus';
/** The advisory lock whose holder runs the sweep and the retention jobs (one instance at a time). */
export const LEADER_LOCK_KEY = 'borne.leader';

export interface PgTransportOptions {
  /** The connection string: LISTEN gets a connection of its own, outside the pool. */
  url: string;
  /** Sends NOTIFY through the pool (any connection will do). */
  notify(channel: string, payload: string): Promise<void>;
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void };
  healthCheckMs?: number;
  /** Back-off between reconnection attempts: from `minDelayMs`, doubling, up to `maxDelayMs`, with jitter. */
  minDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * PostgreSQL LISTEN/NOTIFY between instances.
 *
 * LISTEN holds a connection of its own, never one from the pool: a pooled connection goes back
 * to other work, and behind a transaction-pooling PgBouncer a LISTEN silently stops hearing.
 * That connection is checked every `healthCheckMs` (a `select 1` that must answer in time); when
 * it fails or ends, it is replaced with exponential back-off and jitter, and `reconnected()` tells
 * every stream to resync, since NOTIFYs sent while it was away are gone.
 *
 * The same connection holds the leader lock (a session advisory lock): it is released by
 * PostgreSQL the moment the connection or the process dies, so another instance takes over the
 * sweep at its next try.
 */
export class PgNotifyTransport implements BusTransport {
  readonly kind = 'postgres';
  private client?: pg.Client;
  private handlers?: TransportHandlers;
  private closed = false;
  private leader = false;
  private connecting?: Promise<void>;
  private healthTimer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private attempt = 0;
  /** Process id of the LISTEN connection's backend: tests cut it with pg_terminate_backend. */
  backendPid?: number;

  constructor(private readonly options: PgTransportOptions) {}

  async start(handlers: TransportHandlers): Promise<void> {
    this.handlers = handlers;
    await this.connect(false);
    const every = this.options.healthCheckMs ?? 10_000;
    this.healthTimer = setInterval(() => void this.healthCheck(), every);
    this.healthTimer.unref();
  }

  async send(message: WireMessage): Promise<void> {
    await this.options.notify(BUS_CHANNEL, encodeWire(message));
  }

  async isLeader(): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    if (this.leader) return true;
    try {
      const result = await client.query<{ ok: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as ok', [LEADER_LOCK_KEY]);
      // Held for the life of this connection: asked again only after a reconnect (it counts re-entries).
      this.leader = result.rows[0]?.ok === true && client === this.client;
    } catch {
      this.leader = false;
    }
    return this.leader;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.healthTimer);
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }

  private connect(isReconnect: boolean): Promise<void> {
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.options.url, application_name: 'borne-listen', keepAlive: true });
      client.on('error', (error) => this.lost(client, error));
      client.on('end', () => this.lost(client, new Error('connection ended')));
      client.on('notification', (n) => {
        if (n.channel !== BUS_CHANNEL || n.payload === undefined) return;
        const message = decodeWire(n.payload);
        if (message) this.handlers?.message(message);
      });
      await client.connect();
      await client.query(`listen ${BUS_CHANNEL}`);
      const pid = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      this.backendPid = pid.rows[0]?.pid;
      this.client = client;
      this.leader = false;
      this.attempt = 0;
      if (isReconnect) {
        this.options.log.info({ bus: 'postgres' }, 'bus listener reconnected: streams resync');
        this.handlers?.reconnected();
      }
    })().finally(() => (this.connecting = undefined));
    return this.connecting;
  }

  private lost(client: pg.Client, error: Error): void {
    if (this.closed || client !== this.client) return;
    this.client = undefined;
    this.leader = false;
    this.options.log.warn({ bus: 'postgres', reason: error.message }, 'bus listener lost: reconnecting');
    client.end().catch(() => {});
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    const min = this.options.minDelayMs ?? 250;
    const max = this.options.maxDelayMs ?? 10_000;
    const ceiling = Math.min(max, min * 2 ** this.attempt++);
    // Full jitter: instances that lost the database together do not come back in one wave.
    const delay = min / 2 + Math.random() * ceiling;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      this.connect(true).catch((error: unknown) => {
        this.options.log.warn({ bus: 'postgres', reason: error instanceof Error ? error.message : String(error) }, 'bus listener reconnection failed');
        this.scheduleReconnect();
      });
    }, delay);
    this.retryTimer.unref();
  }

  /** A connection can look open and hear nothing (a half-open TCP link): ask it to answer. */
  private async healthCheck(): Promise<void> {
    const client = this.client;
    if (!client || this.closed) return;
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('health check timed out')), 5000).unref());
    try {
      await Promise.race([client.query('select 1'), timeout]);
    } catch (error) {
      this.lost(client, error instanceof Error ? error : new Error(String(error)));
    }
  }
}
