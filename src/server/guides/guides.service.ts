import { sql } from 'kysely';
import { authorize } from '../auth/policy';
import type { StaffUser } from '../auth/staff.repository';
import type { AppContext } from '../context';
import { apiError } from '../errors';
import type { AuthenticatedKiosk } from '../fleet/fleet.service';

export interface GuideStats {
  guideId: string;
  opened: number;
  completed: number;
  /** Help calls made from a step of this guide: step number → calls. */
  helpAtSteps: { step: number; calls: number }[];
}

/** How long the console's guide counts look back. */
const STATS_DAYS = 90;

/**
 * Anonymous use of the guides: how often each is opened and completed, and at which step people
 * called for help. Counts only: no kiosk, no time of day, nothing about who.
 */
export class GuidesService {
  constructor(private readonly ctx: AppContext) {}

  /** The guide must exist and be offered at the kiosk's site. */
  checkOffered(siteId: string, guideId: string): void {
    if (!this.ctx.guides.has(guideId) || !this.ctx.sites.get(siteId)?.guides.includes(guideId)) throw apiError('guide_not_offered');
  }

  async record(kiosk: AuthenticatedKiosk, guideId: string, event: 'opened' | 'completed'): Promise<void> {
    this.checkOffered(kiosk.siteId, guideId);
    const day = this.ctx.clock().toISOString().slice(0, 10);
    await this.ctx.db
      .insertInto('guide_stats')
      .values({ site_id: kiosk.siteId, guide_id: guideId, day, opened: event === 'opened' ? 1 : 0, completed: event === 'completed' ? 1 : 0 })
      .onConflict((oc) =>
        oc.columns(['site_id', 'guide_id', 'day']).doUpdateSet(event === 'opened' ? { opened: sql<number>`guide_stats.opened + 1` } : { completed: sql<number>`guide_stats.completed + 1` }),
      )
      .execute();
  }

  async stats(staff: StaffUser, siteId: string): Promise<GuideStats[]> {
    const site = this.ctx.sites.get(siteId);
    if (!site) throw apiError('site_unknown');
    await authorize(this.ctx.db, staff, 'site.guideStats.read', { siteId });
    const since = new Date(this.ctx.clock().getTime() - STATS_DAYS * 86_400_000);
    const counts = await this.ctx.db
      .selectFrom('guide_stats')
      .select(['guide_id', (eb) => eb.fn.sum<number>('opened').as('opened'), (eb) => eb.fn.sum<number>('completed').as('completed')])
      .where('site_id', '=', siteId)
      .where('day', '>=', since.toISOString().slice(0, 10))
      .groupBy('guide_id')
      .execute();
    const help = await this.ctx.db
      .selectFrom('help_calls')
      .select(['guide_id', 'step', (eb) => eb.fn.countAll<number>().as('calls')])
      .where('site_id', '=', siteId)
      .where('guide_id', 'is not', null)
      .where('created_at', '>=', since.toISOString())
      .groupBy(['guide_id', 'step'])
      .execute();
    return site.guides.map((guideId) => {
      const c = counts.find((r) => r.guide_id === guideId);
      return {
        guideId,
        opened: Number(c?.opened ?? 0),
        completed: Number(c?.completed ?? 0),
        helpAtSteps: help
          .filter((h) => h.guide_id === guideId)
          .map((h) => ({ step: Number(h.step ?? 0), calls: Number(h.calls) }))
          .sort((a, b) => a.step - b.step),
      };
    });
  }
}
