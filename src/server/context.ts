import type { FastifyBaseLogger } from 'fastify';
import type { Guide } from '../core/guides/guide';
import type { SiteConfig } from '../core/site/site-config';
import type { StaffEvent } from '../core/realtime/events';
import type { LiveConfig } from './config/live-config';
import type { EventBus } from './realtime/bus';
import { appendEvent } from './realtime/event.repository';
import type { Clock } from './store/clock';
import type { Db } from './store/db';

/** What every feature service needs; built once in build(). */
export interface AppContext {
  db: Db;
  clock: Clock;
  /** The live configuration: who reads a pôle's settings reads them here, fresh each time. */
  config: LiveConfig;
  /** The same as config.sites: every pôle as it is now (a live map, never a copy). */
  sites: ReadonlyMap<string, SiteConfig>;
  guides: ReadonlyMap<string, Guide>;
  bus: EventBus;
  log: FastifyBaseLogger;
  /** How long periodic heartbeats wait to commit together (ms; tests set it). */
  heartbeatBatchMs?: number;
}

/** Stores an event (durable id, in commit order) then hands it to the live streams of its site, on every instance. */
export async function publish(ctx: AppContext, siteId: string, event: StaffEvent): Promise<void> {
  const id = await appendEvent(ctx.db, siteId, event, ctx.clock());
  ctx.bus.appended({ id, siteId, event });
}
