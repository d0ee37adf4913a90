import type { FastifyInstance } from 'fastify';
import { publish, type AppContext } from '../context';

/**
 * Keeps this process's live configuration in step with the database and tells the consoles.
 *
 * - Another process may change site_configs (`npm run config:import`, later another server
 *   instance): a cheap poll of the versions (one small SELECT a second) calls config.refresh()
 *   when any differs, and LiveConfig announces the change as if it were made here.
 * - Every change, wherever it came from, reaches the pôle's consoles as a `settings` event
 *   (how often they ring again); the kiosks hear of it on their own stream (stream.routes.ts).
 */
export function watchConfig(app: FastifyInstance, ctx: AppContext, pollMs = 1000): void {
  const stopListening = ctx.config.onChange((change) => {
    const site = change.version === null ? undefined : ctx.sites.get(change.siteId);
    if (!site) return;
    void publish(ctx, change.siteId, { type: 'settings', help: { ringIntervalSeconds: site.help.ringIntervalSeconds } }).catch((error: unknown) => ctx.log.warn({ err: error }, 'settings event not published'));
  });

  let polling = false;
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      const rows = await ctx.db.selectFrom('site_configs').select(['id', 'version']).execute();
      const differs = rows.length !== ctx.sites.size || rows.some((r) => ctx.config.get(r.id)?.version !== Number(r.version));
      if (differs) await ctx.config.refresh();
    } catch (error) {
      ctx.log.warn({ err: error }, 'configuration poll failed');
    } finally {
      polling = false;
    }
  };
  const timer = pollMs > 0 ? setInterval(() => void poll(), pollMs) : undefined;
  timer?.unref();
  app.addHook('onClose', async () => {
    if (timer) clearInterval(timer);
    stopListening();
  });
}
