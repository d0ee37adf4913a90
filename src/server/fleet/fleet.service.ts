import type { KioskStateBody } from '../../core/fleet/kiosk-state';
import type { KioskScreen } from '../../core/help/help-call';
import type { Language } from '../../core/i18n/languages';
import type { KioskStatus } from '../../core/realtime/events';
import { hashToken } from '../auth/tokens';
import { publish, type AppContext } from '../context';
import { apiError } from '../errors';
import { findKioskByTokenHash, listKiosks, saveKioskState, type KioskRow } from './kiosk.repository';


/** A kiosk with no stream and no heartbeat for this long is shown offline (RustDesk uses 30 s). */
const OFFLINE_AFTER_MS = 30_000;

export interface AuthenticatedKiosk {
  id: string;
  siteId: string;
}

export class FleetService {
  /** Live kiosk streams, by kiosk id: a kiosk with a stream open is online. */
  private readonly liveStreams = new Map<string, number>();

  constructor(private readonly ctx: AppContext) {}

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

  async streamOpened(kiosk: AuthenticatedKiosk): Promise<void> {
    this.liveStreams.set(kiosk.id, (this.liveStreams.get(kiosk.id) ?? 0) + 1);
    await this.publishKiosk(kiosk);
  }

  async streamClosed(kiosk: AuthenticatedKiosk): Promise<void> {
    const n = (this.liveStreams.get(kiosk.id) ?? 1) - 1;
    if (n <= 0) this.liveStreams.delete(kiosk.id);
    else this.liveStreams.set(kiosk.id, n);
    await this.publishKiosk(kiosk);
  }

  async statuses(siteId: string): Promise<KioskStatus[]> {
    const site = this.ctx.sites.get(siteId);
    if (!site) return [];
    const rows = new Map((await listKiosks(this.ctx.db, siteId)).map((r) => [r.id, r]));
    return site.kiosks.map((k) => this.toStatus(siteId, k.id, k.label, rows.get(k.id)));
  }

  private toStatus(siteId: string, id: string, label: string, row: KioskRow | undefined): KioskStatus {
    const now = this.ctx.clock().getTime();
    const recent = row?.lastSeenAt ? now - Date.parse(row.lastSeenAt) < OFFLINE_AFTER_MS : false;
    const online = this.liveStreams.has(id) || recent;
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
