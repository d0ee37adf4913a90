import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context';

/**
 * Keeps this instance's live configuration in step with the database.
 *
 * - A save announces itself in its own transaction (live-config.ts): the consoles' `settings`
 *   event is in the event log once, whoever saved, and on PostgreSQL a `config` message makes
 *   every instance re-read site_configs at once.
 * - A cheap poll of the versions (one small SELECT a second) catches what no message announced:
 *   `npm run config:import` next to a server on SQLite, or a message lost while the bus
 *   reconnected. It also wakes the bus, which then reads the settings events such a change wrote.
 */
export function watchConfig(app: FastifyInstance, ctx: AppContext, pollMs = 1000): void {
  let polling = false;
  let again = false;
  const poll = async () => {
    if (polling) {
      again = true;
      return;
    }
    polling = true;
    try {
      const rows = await ctx.db.selectFrom('site_configs').select(['id', 'version']).execute();
      const differs = rows.length !== ctx.sites.size || rows.some((r) => ctx.config.get(r.id)?.version !== Number(r.version));
      if (differs) {
        await ctx.config.refresh();
        ctx.bus.wake();
      }
    } catch (error) {
      ctx.log.warn({ err: error }, 'configuration poll failed');
    } finally {
      polling = false;
      if (again) {
        again = false;
        void poll();
      }
    }
  };
  // A change seen here (saved here, or re-read): the settings events it wrote go out now.
  const stopChanges = ctx.config.onChange(() => ctx.bus.wake());
  const stopMessages = ctx.bus.onConfigMessage(() => void poll());
  const stopResync = ctx.bus.onResync(() => void poll());
  const timer = pollMs > 0 ? setInterval(() => void poll(), pollMs) : undefined;
  timer?.unref();
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    stopChanges();
    stopMessages();
    stopResync();
  });
}
