import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LEASE_MS } from '../../core/fleet/presence';
import { apiError } from '../errors';
import type { Clock } from '../store/clock';
import type { Store } from '../store/db';
import { sqliteConnectionUse } from '../store/sqlite-dialect';
import { EXPOSITION_CONTENT_TYPE, writeExposition, type MetricFamily } from './exposition';
import { runtimeFamilies } from './metrics';
import { processFamilies, startEventLoopMonitor } from './process-metrics';

export interface MetricsOptions {
  store: Store;
  clock: Clock;
  /** The pôles now (a live map): each gets its line, 0 included, so a pôle with no kiosk online shows 0, not a gap. */
  siteIds: () => Iterable<string>;
  instance: string;
  version: string;
  /** When set, a scraper from another machine sends Authorization: Bearer <token>. */
  token?: string;
}

function isLoopback(address: string): boolean {
  return address === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}

/**
 * A request from this machine: its socket AND every address a proxy says it forwarded for are
 * loopback. Checking the whole chain (not only request.ip, which TRUST_PROXY takes from
 * X-Forwarded-For) means a header a client writes itself can only make the answer no: nginx
 * appends the real client to it, and that address is not loopback.
 */
export function fromThisMachine(request: FastifyRequest): boolean {
  const forwarded = [request.headers['x-forwarded-for'], request.headers['x-real-ip']]
    .flatMap((h) => (Array.isArray(h) ? h : h === undefined ? [] : [h]))
    .flatMap((h) => h.split(','))
    .map((a) => a.trim())
    .filter((a) => a !== '');
  return [request.socket.remoteAddress ?? '', request.ip, ...forwarded].every(isLoopback);
}

const digest = (text: string) => createHash('sha256').update(text).digest();

function hasToken(request: FastifyRequest, token: string | undefined): boolean {
  if (!token) return false;
  const header = request.headers.authorization;
  if (!header?.startsWith('Bearer ')) return false;
  // Digests have one length, so the comparison takes the same time whatever was sent.
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

const CLUSTER_NOTE = 'Cluster-wide, read from the database at scrape time: every instance reports the same value, so aggregate with max() by site, never sum().';

/** The figures the database holds: one grouped query each, on indexed columns. */
async function databaseFamilies(options: MetricsOptions): Promise<MetricFamily[]> {
  const { db } = options.store;
  const onlineSince = new Date(options.clock().getTime() - LEASE_MS).toISOString();
  const [online, waiting] = await Promise.all([
    db.selectFrom('kiosks').select(['site_id', db.fn.countAll<number>().as('n')]).where('last_seen_at', '>', onlineSince).groupBy('site_id').execute(),
    db.selectFrom('help_calls').select(['site_id', db.fn.countAll<number>().as('n')]).where('status', '=', 'waiting').groupBy('site_id').execute(),
  ]);
  const bySite = (rows: { site_id: string; n: number | string | bigint }[]) => {
    const counts = new Map<string, number>();
    for (const id of options.siteIds()) counts.set(id, 0);
    for (const row of rows) counts.set(row.site_id, Number(row.n));
    return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([site, value]) => ({ labels: { site }, value }));
  };
  return [
    { name: 'borne_kiosks_online', help: `Kiosks whose presence lease is current, by site. ${CLUSTER_NOTE}`, type: 'gauge', samples: bySite(online) },
    { name: 'borne_help_calls_waiting', help: `Help calls waiting for a médiateur, by site. ${CLUSTER_NOTE}`, type: 'gauge', samples: bySite(waiting) },
  ];
}

function poolFamily(store: Store): MetricFamily {
  const use = store.pool
    ? { total: store.pool.totalCount, idle: store.pool.idleCount, waiting: store.pool.waitingCount }
    : sqliteConnectionUse();
  return {
    name: 'borne_db_pool_connections',
    help: `Database connections of this instance (${store.dialect}): total, idle, and waiting = queries queued for a connection.`,
    type: 'gauge',
    samples: (['total', 'idle', 'waiting'] as const).map((state) => ({ labels: { state }, value: use[state] })),
  };
}

/** Everything /metrics says, in one text. */
export async function collectMetrics(options: MetricsOptions): Promise<string> {
  let database: MetricFamily[] = [];
  let up = 1;
  try {
    database = await databaseFamilies(options);
  } catch {
    // A database that does not answer is itself the figure to alert on; the rest still reports.
    up = 0;
  }
  return writeExposition([
    { name: 'borne_instance_info', help: 'This server instance: its id (INSTANCE_ID, or host-pid) and version. Always 1.', type: 'gauge', samples: [{ labels: { instance: options.instance, version: options.version }, value: 1 }] },
    { name: 'borne_db_up', help: 'Whether the database answered the queries of this scrape (1) or not (0).', type: 'gauge', samples: [{ value: up }] },
    ...database,
    poolFamily(options.store),
    ...runtimeFamilies(),
    ...processFamilies(),
  ]);
}

/**
 * GET /metrics for Prometheus. Not public: the machine itself (loopback, no proxy in between)
 * or a scraper with METRICS_TOKEN; anyone else gets a 403 that says how to enable it.
 */
export function metricsRoutes(app: FastifyInstance, options: MetricsOptions): void {
  startEventLoopMonitor();
  app.get('/metrics', async (request, reply) => {
    if (!fromThisMachine(request) && !hasToken(request, options.token)) throw apiError('metrics_forbidden');
    return reply.header('content-type', EXPOSITION_CONTENT_TYPE).send(await collectMetrics(options));
  });
}
