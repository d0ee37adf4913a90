import type { FastifyInstance, FastifyReply } from 'fastify';
import { siteParamsSchema } from '../../core/fleet/kiosk-state';
import type { KioskEvent, StaffEvent } from '../../core/realtime/events';
import { can } from '../../core/auth/policy';
import { authorize } from '../auth/policy';
import type { AppContext } from '../context';
import { apiError } from '../errors';
import type { FleetService } from '../fleet/fleet.service';
import { redeliverCommands } from '../fleet/commands.service';
import type { HelpService } from '../help/help.service';
import { defineRoute, type Authenticators } from '../http/route';
import type { BusMessage } from './bus';
import { lastEventId } from './event.repository';
import { openSse, type SseChannel } from './sse';
import { observeDelivery, trackStream } from '../observability/metrics';

/**
 * Fastify answers HEAD with the GET handler (exposeHeadRoutes). For a stream that would hold the
 * request open forever, so HEAD gets the stream's headers at once and no body.
 */
function headOnly(reply: FastifyReply): string {
  reply.code(200).header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-store');
  return '';
}

/** Returns the set of open streams, so a shutdown can end them instead of waiting on them. */
export function streamRoutes(app: FastifyInstance, authn: Authenticators, ctx: AppContext, help: HelpService, fleet: FleetService): Set<SseChannel> {
  const openStreams = new Set<SseChannel>();
  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/sites/:siteId/stream',
    summary: 'Live events of a site (SSE): a snapshot on every (re)connection, then events with increasing ids',
    auth: 'staff',
    params: siteParamsSchema,
    handler: async ({ params, staff, request, reply }) => {
      if (!ctx.sites.has(params.siteId)) throw apiError('site_unknown');
      // The same rule as the site's agenda, outbox and calls: a médiateur watches where they are on duty.
      await authorize(ctx.db, staff, 'site.watch', { siteId: params.siteId });
      if (request.method === 'HEAD') return headOnly(reply);
      // Subscribe before reading the snapshot, so nothing that happens meanwhile is missed.
      const buffered: BusMessage[] = [];
      let live: ((m: BusMessage) => void) | null = null;
      const unsubscribe = ctx.bus.subscribeSite(params.siteId, (m) => {
        if (live) live(m);
        else buffered.push(m);
      });
      const lastSeen = Number(request.headers['last-event-id'] ?? 0) || 0;
      const snapshotId = await lastEventId(ctx.db);
      const snapshot = await help.snapshot(params.siteId);
      const channel = openSse(request, reply);
      openStreams.add(channel);
      channel.onClose(trackStream('staff'));
      // A disabled account (or one whose role or pôles changed) loses its stream at once.
      const unsubscribeAccess = ctx.bus.onStaffAccessChange(staff.id, () => channel.end());
      // The bus lost messages (its PostgreSQL connection was cut): the console reconnects at once
      // and resumes from its Last-Event-ID, under the access rule of now.
      const unsubscribeResync = ctx.bus.onResync(() => channel.end());
      channel.onClose(() => {
        unsubscribe();
        unsubscribeAccess();
        unsubscribeResync();
        openStreams.delete(channel);
      });
      const send = (m: BusMessage) => {
        if (m.id > Math.max(snapshotId, lastSeen)) {
          channel.send(m.event.type, m.event satisfies StaffEvent, m.id);
          observeDelivery(m);
        }
        // Being on duty here is what lets a médiateur watch: when their duty here ends, so does the
        // stream (a reconnect is then refused like any other request of the site).
        if (m.event.type === 'duty') {
          const dutySiteId = m.event.onDuty.some((d) => d.staffId === staff.id) ? params.siteId : null;
          if (!can({ role: staff.role, siteIds: staff.siteIds, dutySiteId }, 'site.watch', { siteId: params.siteId })) channel.end();
        }
      };
      channel.send('snapshot', { type: 'snapshot', snapshot } satisfies StaffEvent, snapshotId);
      buffered.forEach(send);
      live = send;
    },
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/kiosk/stream',
    summary: "Live view of the kiosk's help call (SSE); the kiosk is online while it is open",
    auth: 'kiosk',
    handler: async ({ kiosk, request, reply }) => {
      // A HEAD opens nothing: no stream to wait on, and the kiosk is not counted online for it.
      if (request.method === 'HEAD') return headOnly(reply);
      const channel = openSse(request, reply);
      openStreams.add(channel);
      channel.onClose(trackStream('kiosk'));
      // Alive first: whoever sees this kiosk's first help view (the kiosk, a test, a console's
      // next read) finds its presence already stored.
      await fleet.streamOpened(kiosk);
      // The help view: its first one, then each change (computed once per pôle and event for all its kiosks).
      const unsubscribe = help.views.watch(kiosk, (view) => channel.send('help', { type: 'help', view } satisfies KioskEvent));
      const unsubscribeCommands = ctx.bus.onKioskCommand(kiosk.id, (command) => channel.send('command', { type: 'command', command } satisfies KioskEvent));
      const unsubscribeAgenda = ctx.bus.onAgendaChange(kiosk.siteId, () => channel.send('agenda', { type: 'agenda' } satisfies KioskEvent));
      // A revoked kiosk loses its stream at once; its reconnection is refused (token gone).
      const unsubscribeRevoked = ctx.bus.onKioskRevoked(kiosk.id, () => channel.end());
      // The bus lost messages: the kiosk reconnects at once, is authenticated again (a revoked
      // token is refused), and gets its view, its pending remote actions and a fresh site view.
      const unsubscribeResync = ctx.bus.onResync(() => channel.end());
      // The pôle's settings changed (console or config:import): the kiosk reads its site view again.
      const unsubscribeSite = ctx.config.onChange((change) => {
        if (change.siteId === kiosk.siteId) channel.send('site', { type: 'site' } satisfies KioskEvent);
      });
      channel.onClose(() => {
        unsubscribeResync();
        unsubscribeSite();
        unsubscribeRevoked();
        unsubscribe();
        unsubscribeCommands();
        unsubscribeAgenda();
        openStreams.delete(channel);
        // Presence is not touched: the kiosk page closes its stream on its way to an official
        // site, where the extension renews the lease; a kiosk really gone shows offline when it ends.
      });
      // A remote action sent while the kiosk was away reaches it now, unless it expired.
      await redeliverCommands(ctx, kiosk);
    },
  });
  return openStreams;
}
