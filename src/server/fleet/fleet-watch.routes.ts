import type { FastifyInstance } from 'fastify';
import { fleetKioskState, fleetQuerySchema, type FleetEvent, type FleetSnapshot } from '../../core/fleet/fleet-view';
import { visibleSites } from '../../core/auth/policy';
import type { StaffUser } from '../auth/staff.repository';
import { authorize } from '../auth/policy';
import type { AppContext } from '../context';
import { apiError } from '../errors';
import { listOpenBySite } from '../help/help.repository';
import { defineRoute, type Authenticators } from '../http/route';
import type { BusMessage } from '../realtime/bus';
import { lastEventId } from '../realtime/event.repository';
import { openSse, type SseChannel } from '../realtime/sse';
import { observeDelivery, trackStream } from '../observability/metrics';
import type { FleetService } from './fleet.service';

/**
 * « Parc des bornes »: every kiosk of the admin's pôles (an admin de pôle, theirs; an admin
 * département, all), as one answer and as one live stream, so a console watching 500 kiosks
 * opens one connection, not one per pôle. `?siteId=` narrows to one pôle, which must be theirs.
 */
export function fleetWatchRoutes(app: FastifyInstance, authn: Authenticators, ctx: AppContext, fleet: FleetService, openStreams: Set<SseChannel>): void {
  /** The pôles this request covers, after the policy said yes (the same rule as the screen's). */
  async function sitesOf(staff: StaffUser, siteId: string | undefined): Promise<string[]> {
    if (siteId !== undefined && !ctx.sites.has(siteId)) throw apiError('site_unknown');
    await authorize(ctx.db, staff, 'fleet.watch', { siteId: siteId ?? null });
    return siteId !== undefined ? [siteId] : visibleSites(staff, ctx.sites.values()).map((s) => s.id);
  }

  async function snapshot(siteIds: readonly string[]): Promise<FleetSnapshot> {
    const sites: FleetSnapshot['sites'] = [];
    const kiosks: FleetSnapshot['kiosks'] = [];
    for (const siteId of siteIds) {
      const site = ctx.sites.get(siteId);
      if (!site) continue;
      sites.push({ id: site.id, name: site.name });
      const [statuses, calls] = await Promise.all([fleet.statuses(siteId), listOpenBySite(ctx.db, siteId)]);
      const waiting = new Set(calls.filter((c) => c.status === 'waiting').map((c) => c.kioskId));
      for (const k of statuses) kiosks.push({ ...k, waiting: waiting.has(k.id), state: fleetKioskState(k, waiting.has(k.id)) });
    }
    return { sites, kiosks, serverTime: ctx.clock().toISOString() };
  }

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/fleet',
    summary: "« Parc des bornes »: every kiosk of the admin's pôles with its presence, state, screen, guide, app version, uptime, last error and camera",
    auth: 'staff',
    query: fleetQuerySchema,
    handler: async ({ query, staff }) => snapshot(await sitesOf(staff, query.siteId)),
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/fleet/stream',
    summary: "Live « Parc des bornes » (SSE) over all the admin's pôles: a snapshot on every (re)connection, then each kiosk's changes",
    auth: 'staff',
    query: fleetQuerySchema,
    handler: async ({ query, staff, request, reply }) => {
      let siteIds = await sitesOf(staff, query.siteId);
      if (request.method === 'HEAD') {
        reply.code(200).header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-store');
        return '';
      }
      // Subscribe before reading the snapshot, so nothing that happens meanwhile is missed.
      const buffered: BusMessage[] = [];
      let live: ((m: BusMessage) => void) | null = null;
      let watched = new Set(siteIds);
      const unsubscribe = ctx.bus.subscribe((m) => {
        if (!watched.has(m.siteId)) return;
        if (live) live(m);
        else buffered.push(m);
      });
      const lastSeen = Number(request.headers['last-event-id'] ?? 0) || 0;
      let sentUpTo = Math.max(await lastEventId(ctx.db), lastSeen);
      const first = await snapshot(siteIds);
      const channel = openSse(request, reply);
      openStreams.add(channel);
      channel.onClose(trackStream('fleet'));
      // Kiosks added or removed, a pôle created: the simplest true answer is a new snapshot.
      let resending = Promise.resolve();
      const unsubscribeConfig = ctx.config.onChange(() => {
        resending = resending.then(async () => {
          if (channel.closed) return;
          if (query.siteId === undefined) siteIds = visibleSites(staff, ctx.sites.values()).map((s) => s.id);
          watched = new Set(siteIds);
          const id = await lastEventId(ctx.db);
          sentUpTo = Math.max(sentUpTo, id);
          channel.send('snapshot', { type: 'snapshot', snapshot: await snapshot(siteIds) } satisfies FleetEvent, id);
        }).catch((error: unknown) => ctx.log.warn({ err: error }, 'fleet snapshot failed'));
      });
      // The bus lost messages: the console reconnects and gets a new snapshot.
      const unsubscribeResync = ctx.bus.onResync(() => channel.end());
      channel.onClose(() => {
        unsubscribe();
        unsubscribeResync();
        unsubscribeConfig();
        openStreams.delete(channel);
      });
      const send = (m: BusMessage) => {
        if (m.id <= sentUpTo) return;
        const event = toFleetEvent(m);
        if (event) {
          channel.send(event.type, event, m.id);
          observeDelivery(m);
        }
      };
      channel.send('snapshot', { type: 'snapshot', snapshot: first } satisfies FleetEvent, sentUpTo);
      buffered.forEach(send);
      live = send;
    },
  });
}

/** Only what the fleet shows travels: a kiosk's status, and whether a call waits at it. */
function toFleetEvent(m: BusMessage): FleetEvent | null {
  if (m.event.type === 'kiosk') return { type: 'kiosk', kiosk: m.event.kiosk };
  if (m.event.type === 'call') return { type: 'waiting', kioskId: m.event.call.kioskId, siteId: m.siteId, waiting: m.event.call.status === 'waiting' };
  // The remote actions' states and the offline alerts, for their components on this screen.
  if (m.event.type === 'kioskCommand' || m.event.type === 'fleetAlert') return m.event;
  return null;
}
