import type { KioskStateBody } from '../../core/fleet/kiosk-state';
import type { KioskScreen } from '../../core/help/help-call';
import type { Language } from '../../core/i18n/languages';
import type { KioskStatus } from '../../core/realtime/events';
import { hashToken } from '../auth/tokens';
import { publish, type AppContext } from '../context';
import { readSetting, writeSetting } from '../store/settings';
import { apiError } from '../errors';
import type { HeartbeatBody } from '../../core/fleet/heartbeat';
import { NO_HEALTH } from '../../core/fleet/heartbeat';
import { isOnline, leaseEndedWindow } from '../../core/fleet/presence';
import { WriteBatch } from '../store/write-batch';
import { beatKiosk, type BeatResult, findKiosk, findKioskByTokenHash, kiosksSeenIn, listKiosks, saveKioskState, type KioskRow } from './kiosk.repository';

export interface AuthenticatedKiosk {
  id: string;
  siteId: string;
}

/** Where the presence sweep stopped (settings table), and how far back a first sweep after a long stop looks. */
const PRESENCE_WATERMARK = 'presence.swept_until';
const MAX_PRESENCE_WINDOW_MS = 24 * 3600_000;

export class FleetService {
  /**
   * When the sweep last looked. It publishes the kiosks whose lease ended since then: a rule on
   * stored times only, so every console hears each change once, whatever each snapshot showed.
   */
  private lastSweep: number;

  /** Heartbeats commit together, within 50 ms: one sync of the log for hundreds of them. */
  private readonly beats: WriteBatch<{ id: string; at: Date; body: HeartbeatBody }, BeatResult | undefined>;

  constructor(private readonly ctx: AppContext) {
    this.beats = new WriteBatch(ctx.db, (trx, b) => beatKiosk(trx, b.id, b.at, b.body), { delayMs: ctx.heartbeatBatchMs ?? 50, max: 500 });
    this.lastSweep = ctx.clock().getTime();
  }

  async authenticate(authorization: string | undefined): Promise<AuthenticatedKiosk> {
    const token = /^Bearer ([A-Za-z0-9_-]{20,128})$/.exec(authorization ?? '')?.[1];
    if (!token) throw apiError('kiosk_unknown');
    const kiosk = await findKioskByTokenHash(this.ctx.db, hashToken(token));
    const site = kiosk && this.ctx.sites.get(kiosk.siteId);
    // A kiosk removed from the config is refused too: it has no site to belong to.
    if (!kiosk || !site || !site.kiosks.some((k) => k.id === kiosk.id)) throw apiError('kiosk_unknown');
    return { id: kiosk.id, siteId: kiosk.siteId };
  }

  async reportState(kiosk: AuthenticatedKiosk, state: KioskStateBody): Promise<void> {
    if (state.guide && !(this.ctx.guides.has(state.guide.id) && this.ctx.sites.get(kiosk.siteId)?.guides.includes(state.guide.id))) throw apiError('guide_not_offered');
    await saveKioskState(this.ctx.db, kiosk.id, state, this.ctx.clock());
    await this.publishKiosk(kiosk);
  }

  /**
   * A kiosk that opens its stream is alive at that moment; staying open does not renew the lease.
   * Like a heartbeat, it is told to the consoles only when it changes what they show (the lease
   * had lapsed): after a server restart, 5,000 kiosks reconnect within their lease, and each
   * « still online » would have been one more stored event and one more line to every console.
   */
  async streamOpened(kiosk: AuthenticatedKiosk): Promise<void> {
    // The first sign of life commits at once (the console shows the kiosk online when its stream is up).
    await this.heartbeat(kiosk);
  }

  /** Commits the heartbeats still waiting (at shutdown, before the store closes). */
  flushHeartbeats(): Promise<void> {
    return this.beats.flush();
  }

  /**
   * Renews the kiosk's lease in one UPDATE, which also says whether the lease had lapsed and
   * whether the details changed; the consoles hear of it only then (no event every 15 s).
   * Only the periodic beats (`batched`) commit in batches, one sync of the log for hundreds of
   * kiosks; a sign of life on the way to something else (a help call) never waits for a batch.
   */
  async heartbeat(kiosk: AuthenticatedKiosk, body: HeartbeatBody = {}, batched = false): Promise<void> {
    const now = this.ctx.clock();
    const beat = batched ? await this.beats.submit({ id: kiosk.id, at: now, body }) : await beatKiosk(this.ctx.db, kiosk.id, now, body);
    if (!beat || beat.healthChanged || !isOnline(beat.previousSeenAt, now)) await this.publishKiosk(kiosk);
  }

  /**
   * Shows offline the kiosks whose lease ran out since the last look. Run by the app's sweep:
   * it reads only the kiosks last seen in that window (an index), not every kiosk every 2 s.
   */
  async sweepPresence(): Promise<void> {
    const now = this.ctx.clock();
    // The window starts where the last sweep stopped, whichever instance ran it (the leader can
    // change): stored, so a kiosk is shown offline once, never twice and never not at all.
    const stored = Number(await readSetting(this.ctx.db, PRESENCE_WATERMARK));
    const since = Number.isFinite(stored) && stored > 0 ? Math.max(stored, now.getTime() - MAX_PRESENCE_WINDOW_MS) : this.lastSweep;
    this.lastSweep = now.getTime();
    if (since >= now.getTime()) return;
    await writeSetting(this.ctx.db, PRESENCE_WATERMARK, String(now.getTime()));
    for (const row of await kiosksSeenIn(this.ctx.db, leaseEndedWindow(since, now.getTime()))) {
      const declared = this.ctx.sites.get(row.siteId)?.kiosks.find((k) => k.id === row.id);
      if (!declared) continue;
      const status = this.toStatus(row.siteId, row.id, declared.label, row);
      // presence.ts decides: the window is the lease's end, the status says it again.
      if (!status.online) await publish(this.ctx, row.siteId, { type: 'kiosk', kiosk: status });
    }
  }

  async lastSeenAt(kioskId: string): Promise<string | null> {
    return (await findKiosk(this.ctx.db, kioskId))?.lastSeenAt ?? null;
  }

  async statuses(siteId: string): Promise<KioskStatus[]> {
    const site = this.ctx.sites.get(siteId);
    if (!site) return [];
    const rows = new Map((await listKiosks(this.ctx.db, siteId)).map((r) => [r.id, r]));
    return site.kiosks.map((k) => this.toStatus(siteId, k.id, k.label, rows.get(k.id)));
  }

  private toStatus(siteId: string, id: string, label: string, row: KioskRow | undefined): KioskStatus {
    const online = isOnline(row?.lastSeenAt ?? null, this.ctx.clock());
    return {
      id,
      siteId,
      label,
      online,
      inSession: online && (row?.inSession ?? false),
      screen: (row?.screen as KioskScreen | null) ?? null,
      language: (row?.language as Language | null) ?? null,
      guide: online && row?.inSession ? (row.guide ?? null) : null,
      lastSeenAt: row?.lastSeenAt ?? null,
      outOfService: row?.outOfService ?? false,
      health: row?.health ?? NO_HEALTH,
    };
  }

  /** One kiosk's status, read alone (publishing it must not read the whole pôle's kiosks). */
  async status(kiosk: AuthenticatedKiosk): Promise<KioskStatus | undefined> {
    const declared = this.ctx.sites.get(kiosk.siteId)?.kiosks.find((k) => k.id === kiosk.id);
    return declared && this.toStatus(kiosk.siteId, kiosk.id, declared.label, await findKiosk(this.ctx.db, kiosk.id));
  }

  private async publishKiosk(kiosk: AuthenticatedKiosk): Promise<void> {
    const status = await this.status(kiosk);
    if (status) await publish(this.ctx, kiosk.siteId, { type: 'kiosk', kiosk: status });
  }
}
