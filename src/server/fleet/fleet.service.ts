import type { KioskStateBody } from '../../core/fleet/kiosk-state';
import type { KioskScreen } from '../../core/help/help-call';
import type { Language } from '../../core/i18n/languages';
import type { KioskStatus } from '../../core/realtime/events';
import { hashToken } from '../auth/tokens';
import { publish, type AppContext } from '../context';
import { apiError } from '../errors';
import { isOnline, leaseEnd } from '../../core/fleet/presence';
import { findKiosk, findKioskByTokenHash, listKiosks, saveKioskState, touchKiosk, type KioskRow } from './kiosk.repository';

export interface AuthenticatedKiosk {
  id: string;
  siteId: string;
}

export class FleetService {
  /**
   * When the sweep last looked. It publishes the kiosks whose lease ended since then: a rule on
   * stored times only, so every console hears each change once, whatever each snapshot showed.
   */
  private lastSweep: number;

  constructor(private readonly ctx: AppContext) {
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

  /** A kiosk that opens its stream is alive at that moment; staying open does not renew the lease. */
  async streamOpened(kiosk: AuthenticatedKiosk): Promise<void> {
    await this.heartbeat(kiosk, true);
  }

  /** Renews the kiosk's lease; tells the consoles only when it comes back (no event every 15 s). */
  async heartbeat(kiosk: AuthenticatedKiosk, alwaysPublish = false): Promise<void> {
    const now = this.ctx.clock();
    const before = await findKiosk(this.ctx.db, kiosk.id);
    await touchKiosk(this.ctx.db, kiosk.id, now);
    if (alwaysPublish || !before || !isOnline(before.lastSeenAt, now)) await this.publishKiosk(kiosk);
  }

  /** Shows offline the kiosks whose lease ran out since the last look. Run by the app's sweep. */
  async sweepPresence(): Promise<void> {
    const now = this.ctx.clock().getTime();
    const since = this.lastSweep;
    this.lastSweep = now;
    for (const siteId of this.ctx.sites.keys()) {
      for (const status of await this.statuses(siteId)) {
        const end = leaseEnd(status.lastSeenAt);
        if (!status.online && end !== null && end > since && end <= now) await publish(this.ctx, siteId, { type: 'kiosk', kiosk: status });
      }
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
    };
  }

  private async publishKiosk(kiosk: AuthenticatedKiosk): Promise<void> {
    const status = (await this.statuses(kiosk.siteId)).find((k) => k.id === kiosk.id);
    if (status) await publish(this.ctx, kiosk.siteId, { type: 'kiosk', kiosk: status });
  }
}
