import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../store/db';
import { notifyNow } from '../store/notify';
import { PgNotifyTransport } from './pg-transport';
import { InProcessTransport, type BusTransport } from './transport';

/** The bus transport a store calls for: in-process on SQLite (one server), LISTEN/NOTIFY on PostgreSQL. */
export function createTransport(store: Store, log: FastifyBaseLogger): BusTransport {
  if (store.dialect !== 'postgres') return new InProcessTransport();
  if (!store.url) throw new Error('a PostgreSQL store needs its connection string for the bus listener');
  return new PgNotifyTransport({ url: store.url, notify: (channel, payload) => notifyNow(store.db, channel, payload), log });
}
