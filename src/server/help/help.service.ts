import { randomUUID } from 'node:crypto';
import {
  dueTimedAction,
  transition,
  type CreateHelpCallBody,
  type HelpAction,
  type HelpCall,
  type HelpOutcome,
  type KioskHelpView,
} from '../../core/help/help-call';
import { parisDate, parisMidnight } from '../../core/agenda/paris-time';
import { offlineCallExpired } from '../../core/fleet/presence';
import type { StaffSnapshot } from '../../core/realtime/events';
import { authorize } from '../auth/policy';
import type { StaffUser } from '../auth/staff.repository';
import { publish, type AppContext } from '../context';
import { apiError } from '../errors';
import { listDuty } from '../fleet/duty.repository';
import type { AuthenticatedKiosk, FleetService } from '../fleet/fleet.service';
import { findByRequest, findCall, findCurrentByKiosk, findOpenByKiosk, insertCall, listBySiteSince, listOpen, listOpenBySite, recentServiceTimes, updateCallFrom } from './help.repository';
import { KioskViewHub } from './kiosk-view-hub';
import { ENDED_VISIBLE_MS, HISTORY_WINDOW_MS, kioskViewOf, type SiteHelpFacts } from './kiosk-view';

export class HelpService {
  /** The help views of the kiosks streaming here, computed once per pôle and event (kiosk-view-hub.ts). */
  readonly views: KioskViewHub;

  constructor(
    private readonly ctx: AppContext,
    private readonly fleet: FleetService,
  ) {
    this.views = new KioskViewHub(ctx, this);
  }

  /**
   * Creates the kiosk's call. Pressing again, or a retry after a lost answer, returns the open
   * call instead of queueing the usager twice.
   */
  async create(kiosk: AuthenticatedKiosk, body: CreateHelpCallBody): Promise<HelpCall> {
    // Pressing the button is a sign of life too: the call starts with the kiosk online.
    await this.fleet.heartbeat(kiosk);
    const replay = await findByRequest(this.ctx.db, kiosk.id, body.requestId);
    if (replay) return replay;
    const open = await findOpenByKiosk(this.ctx.db, kiosk.id);
    if (open) return open;
    const call: HelpCall = {
      id: randomUUID(),
      siteId: kiosk.siteId,
      kioskId: kiosk.id,
      status: 'waiting',
      context: body.context,
      createdAt: this.ctx.clock().toISOString(),
      escalatedAt: null,
      claimedAt: null,
      claimedBy: null,
      endedAt: null,
      outcome: null,
    };
    try {
      await insertCall(this.ctx.db, call, body.requestId);
    } catch (error) {
      // Two presses racing: the unique index kept one; hand back that one.
      const winner = (await findByRequest(this.ctx.db, kiosk.id, body.requestId)) ?? (await findOpenByKiosk(this.ctx.db, kiosk.id));
      if (winner) return winner;
      throw error;
    }
    await publish(this.ctx, call.siteId, { type: 'call', call });
    return call;
  }

  async cancelByKiosk(kiosk: AuthenticatedKiosk, id: string): Promise<HelpCall> {
    const call = await findCall(this.ctx.db, id);
    if (!call || call.kioskId !== kiosk.id) throw apiError('call_not_found');
    if (call.status === 'cancelled') return call;
    return this.apply(call, { type: 'cancel' });
  }

  /** The session ended («Terminer», idle, remote reset): nobody is left to help. */
  async endSession(kiosk: AuthenticatedKiosk): Promise<void> {
    const open = await findOpenByKiosk(this.ctx.db, kiosk.id);
    if (open) await this.apply(open, { type: 'cancel' });
  }

  async claim(staff: StaffUser, id: string): Promise<HelpCall> {
    const call = await this.staffCall(staff, 'help.claim', id);
    return this.apply(call, { type: 'claim', staffId: staff.id, firstName: staff.firstName });
  }

  async resolve(staff: StaffUser, id: string, outcome: HelpOutcome): Promise<HelpCall> {
    const call = await this.staffCall(staff, 'help.resolve', id);
    return this.apply(call, { type: 'resolve', outcome });
  }

  /** Escalates and expires calls nobody took in time. Run every few seconds. */
  async sweep(): Promise<void> {
    const now = this.ctx.clock();
    const lastSeen = new Map<string, string | null>();
    for (const call of await listOpen(this.ctx.db)) {
      const site = this.ctx.sites.get(call.siteId);
      if (!site) continue;
      if (!lastSeen.has(call.kioskId)) lastSeen.set(call.kioskId, await this.fleet.lastSeenAt(call.kioskId));
      // A waiting call whose kiosk went away (browser closed, PC off) has nobody left to help.
      const gone = call.status === 'waiting' && offlineCallExpired(lastSeen.get(call.kioskId) ?? null, call.createdAt, now, site.help.offlineExpiryMinutes);
      const due = gone ? 'expire' : dueTimedAction(call, now, site.help);
      if (due) await this.apply(call, { type: due }).catch(() => undefined);
    }
  }

  /** One kiosk's view, read for it alone (the answer to its own requests). */
  async kioskView(kiosk: AuthenticatedKiosk): Promise<KioskHelpView> {
    const current = await this.currentCall(kiosk);
    return kioskViewOf(current, await this.siteFacts(kiosk.siteId, current?.status === 'waiting'), this.ctx.clock());
  }

  /** The kiosk's open call, or else its last one if it ended less than ENDED_VISIBLE_MS ago. */
  currentCall(kiosk: AuthenticatedKiosk): Promise<HelpCall | undefined> {
    return findCurrentByKiosk(this.ctx.db, kiosk.id, new Date(this.ctx.clock().getTime() - ENDED_VISIBLE_MS));
  }

  /** What every kiosk of a pôle shares in its view; the queue and service times only when a kiosk waits. */
  async siteFacts(siteId: string, withQueue: boolean): Promise<SiteHelpFacts> {
    const onDutyCount = (await listDuty(this.ctx.db, siteId)).length;
    if (!withQueue) return { onDutyCount, waiting: null, history: null };
    const waiting = (await listOpenBySite(this.ctx.db, siteId)).filter((c) => c.status === 'waiting');
    const history = await recentServiceTimes(this.ctx.db, siteId, new Date(this.ctx.clock().getTime() - HISTORY_WINDOW_MS));
    return { onDutyCount, waiting, history };
  }

  /**
   * « Appels du jour »: every call of the site since Paris midnight, with how it ended. Whoever
   * may watch the site's live stream may read it (the same rule: it is what the stream showed).
   */
  async today(staff: StaffUser, siteId: string): Promise<HelpCall[]> {
    if (!this.ctx.sites.has(siteId)) throw apiError('site_unknown');
    await authorize(this.ctx.db, staff, 'site.watch', { siteId });
    const since = parisMidnight(parisDate(this.ctx.clock().getTime()));
    return listBySiteSince(this.ctx.db, siteId, new Date(since));
  }

  async snapshot(siteId: string): Promise<StaffSnapshot> {
    const [calls, kiosks, onDuty] = await Promise.all([listOpenBySite(this.ctx.db, siteId), this.fleet.statuses(siteId), listDuty(this.ctx.db, siteId)]);
    const ringIntervalSeconds = this.ctx.sites.get(siteId)?.help.ringIntervalSeconds ?? 30;
    return { siteId, calls, kiosks, onDuty, serverTime: this.ctx.clock().toISOString(), help: { ringIntervalSeconds } };
  }

  private async staffCall(staff: StaffUser, action: 'help.claim' | 'help.resolve', id: string): Promise<HelpCall> {
    const call = await findCall(this.ctx.db, id);
    if (!call) throw apiError('call_not_found');
    await authorize(this.ctx.db, staff, action, { siteId: call.siteId });
    return call;
  }

  private async apply(call: HelpCall, action: HelpAction): Promise<HelpCall> {
    const result = transition(call, action, this.ctx.clock());
    if (!result.ok) {
      throw apiError(result.reason === 'already_claimed' ? 'call_already_claimed' : result.reason === 'not_claimed' ? 'call_not_claimed' : 'call_not_open');
    }
    if (!(await updateCallFrom(this.ctx.db, call, result.call))) {
      // Someone changed it between our read and our write: judge again against what is stored now.
      const fresh = await findCall(this.ctx.db, call.id);
      if (!fresh) throw apiError('call_not_found');
      return this.apply(fresh, action);
    }
    await publish(this.ctx, result.call.siteId, { type: 'call', call: result.call });
    return result.call;
  }
}
