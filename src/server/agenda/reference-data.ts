import type { Motif } from '../../core/agenda/motif';
import type { AppContext } from '../context';
import type { AgendaReferent, AgendaSource } from './agenda-source';

/**
 * Motifs and référents (with their opening hours) change rarely and are read on every slot search
 * and booking: they are kept in memory per site. What is kept of a site is dropped on every agenda
 * notice of the site, which the bus brings to every instance (a change made through another
 * instance shows here at once), and at once when Borne itself changes them. The TTL is only a
 * backstop for a connector whose data changes outside Borne, which sends no notice.
 */
const REFERENCE_DATA_TTL_MS = 30_000;

export class AgendaReferenceData {
  private readonly motifCache = new Map<string, { at: number; value: Motif[] }>();
  private readonly referentCache = new Map<string, { at: number; value: AgendaReferent[] }>();
  private readonly watched = new Set<string>();

  constructor(
    private readonly ctx: AppContext,
    private readonly source: AgendaSource,
  ) {}

  motifs(siteId: string): Promise<Motif[]> {
    return this.kept(this.motifCache, siteId, () => this.source.motifs(siteId));
  }

  referents(siteId: string): Promise<AgendaReferent[]> {
    return this.kept(this.referentCache, siteId, () => this.source.referents(siteId));
  }

  /** The site's value while fresh, else loaded again and kept; one rule for motifs and référents. */
  private async kept<T>(cache: Map<string, { at: number; value: T }>, siteId: string, load: () => Promise<T>): Promise<T> {
    this.watch(siteId);
    const now = Date.now();
    const cached = cache.get(siteId);
    if (cached && now - cached.at < REFERENCE_DATA_TTL_MS) return cached.value;
    const value = await load();
    cache.set(siteId, { at: now, value });
    return value;
  }

  forget(siteId: string): void {
    this.motifCache.delete(siteId);
    this.referentCache.delete(siteId);
  }

  private watch(siteId: string): void {
    if (this.watched.has(siteId)) return;
    this.watched.add(siteId);
    this.ctx.bus.onAgendaChange(siteId, () => this.forget(siteId));
  }
}
