import type { Db } from './db';

/**
 * Groups many small writes into one transaction: one commit, so one sync of the log, for all of
 * them. For writes whose caller can wait a few milliseconds and that are cheap to redo, like a
 * kiosk's heartbeat (5,000 kiosks beat 333 times a second; with a sync per commit the heartbeats
 * alone would take a quarter of the event loop). Not for a booking or a help call: those commit
 * on their own, at once.
 */
export class WriteBatch<T, R> {
  private pending: { item: T; resolve(r: R): void; reject(e: unknown): void }[] = [];
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly db: Db,
    private readonly write: (trx: Db, item: T) => Promise<R>,
    private readonly options: { delayMs: number; max: number },
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.options.max) void this.flush();
      else this.timer ??= setTimeout(() => void this.flush(), this.options.delayMs);
    });
  }

  /** Writes what waits now (also at shutdown, so no caller is left hanging). */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return Promise.resolve();
    return this.db
      .transaction()
      .execute(async (trx) => {
        const results: R[] = [];
        for (const entry of batch) results.push(await this.write(trx, entry.item));
        return results;
      })
      .then(
        (results) => batch.forEach((entry, i) => entry.resolve(results[i]!)),
        (error: unknown) => batch.forEach((entry) => entry.reject(error)),
      );
  }
}
