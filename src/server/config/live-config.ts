import type { SiteConfig } from '../../core/site/site-config';
import { versionConflict } from '../errors';
import type { Clock } from '../store/clock';
import type { Db } from '../store/db';
import { lockForTransaction } from '../store/locks';
import { notifyOnCommit } from '../store/notify';
import { appendEvent } from '../realtime/event.repository';
import { BUS_CHANNEL } from '../realtime/pg-transport';
import { encodeWire } from '../realtime/transport';
import { deepFreeze } from './site-loader';

/** What changed: one pôle's configuration, now at `version` (null: the pôle was removed). */
export interface ConfigChange {
  siteId: string;
  version: number | null;
}

/** Saves of the configuration, from any instance or `npm run config:import`, one at a time. */
const CONFIG_LOCK = 'borne.site-configs';

/**
 * A saved pôle configuration is announced in the same transaction: the consoles' `settings`
 * event (once, whoever saved: a server instance or the import command) and, on PostgreSQL, a
 * message that makes every instance re-read site_configs at once.
 */
async function announce(trx: Db, site: SiteConfig, at: string): Promise<void> {
  await appendEvent(trx, site.id, { type: 'settings', help: { ringIntervalSeconds: site.help.ringIntervalSeconds } }, new Date(at));
  await notifyOnCommit(trx, BUS_CHANNEL, encodeWire({ t: 'config', site: site.id }));
}

/** A pôle's configuration as stored, with the version a save must name. */
export interface VersionedSite {
  site: SiteConfig;
  version: number;
  updatedAt: string;
  updatedBy: string | null;
}

/** The stored form: the `$schema` pointer belongs to a file, not to the configuration. */
function stored(site: SiteConfig): string {
  const { $schema: _schema, ...rest } = site;
  return JSON.stringify(rest);
}

/**
 * The one truth of the pôles' configuration, read by every feature. The database holds it;
 * kiosk-config/ is its declaration, imported on the first start (and by `npm run config:import`).
 *
 * Features read `sites` (a live map: the same object always, its entries replaced on every
 * change) so a saved change is seen at once, without a restart; they hear of changes through
 * `onChange`. Every save names the version it was based on: a save of a stale copy is refused
 * with the current value, so nothing is overwritten silently. `refresh()` re-reads the store,
 * which is how another server instance's change will arrive.
 */
export class LiveConfig {
  private readonly map = new Map<string, SiteConfig>();
  private readonly meta = new Map<string, { version: number; updatedAt: string; updatedBy: string | null }>();
  private readonly listeners = new Set<(change: ConfigChange) => void>();

  private constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Opens the live configuration; on a first start (nothing stored yet) imports `declaration`. */
  static async open(db: Db, clock: Clock, declaration?: ReadonlyMap<string, SiteConfig>): Promise<LiveConfig> {
    const config = new LiveConfig(db, clock);
    const any = await db.selectFrom('site_configs').select('id').limit(1).executeTakeFirst();
    if (!any && declaration && declaration.size > 0) await config.replaceAll([...declaration.values()], null);
    await config.refresh();
    return config;
  }

  /** Every pôle, by id, as it is now. Do not keep a site object across awaits: read it again. */
  get sites(): ReadonlyMap<string, SiteConfig> {
    return this.map;
  }

  get(siteId: string): VersionedSite | undefined {
    const site = this.map.get(siteId);
    const meta = this.meta.get(siteId);
    return site && meta ? { site, ...meta } : undefined;
  }

  /** The site owning a kiosk id, if any. */
  siteOfKiosk(kioskId: string): SiteConfig | undefined {
    for (const site of this.map.values()) if (site.kiosks.some((k) => k.id === kioskId)) return site;
    return undefined;
  }

  onChange(listener: (change: ConfigChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Saves one pôle's new configuration (already validated by the caller with the site schema).
   * `expectedVersion` is the version the person started from; null creates a new pôle.
   * Returns the new version; throws version_conflict with the current value when it moved on.
   */
  async save(next: SiteConfig, expectedVersion: number | null, by: string | null): Promise<number> {
    const at = this.clock().toISOString();
    const version = await this.db.transaction().execute(async (trx) => {
      await lockForTransaction(trx, CONFIG_LOCK);
      const row = await trx.selectFrom('site_configs').select(['json', 'version']).where('id', '=', next.id).executeTakeFirst();
      const currentVersion = row ? Number(row.version) : null;
      if (currentVersion !== expectedVersion) {
        throw versionConflict(row ? JSON.parse(row.json) : null, currentVersion ?? 0);
      }
      const nextVersion = (currentVersion ?? 0) + 1;
      if (row) {
        // The version in the WHERE makes the check and the write one step, whatever else runs.
        const result = await trx.updateTable('site_configs').set({ json: stored(next), version: nextVersion, updated_at: at, updated_by: by }).where('id', '=', next.id).where('version', '=', currentVersion!).executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw versionConflict(JSON.parse(row.json), currentVersion!);
      } else {
        await trx.insertInto('site_configs').values({ id: next.id, json: stored(next), version: nextVersion, updated_at: at, updated_by: by }).execute();
      }
      await announce(trx, next, at);
      return nextVersion;
    });
    this.apply(next.id, JSON.parse(stored(next)) as SiteConfig, { version, updatedAt: at, updatedBy: by });
    return version;
  }

  /**
   * Applies a whole reviewed set (the config files): pôles whose content changed get a new
   * version, pôles not in the set are left alone. One transaction: all or nothing.
   */
  async replaceAll(sites: readonly SiteConfig[], by: string | null): Promise<string[]> {
    const at = this.clock().toISOString();
    const changed: { site: SiteConfig; version: number }[] = [];
    await this.db.transaction().execute(async (trx) => {
      // Two instances starting together on an empty database both import: the second, once the
      // first has committed, finds every pôle already there and changes nothing.
      await lockForTransaction(trx, CONFIG_LOCK);
      for (const site of sites) {
        const row = await trx.selectFrom('site_configs').select(['json', 'version']).where('id', '=', site.id).executeTakeFirst();
        const json = stored(site);
        if (row && row.json === json) continue;
        const version = row ? Number(row.version) + 1 : 1;
        if (row) await trx.updateTable('site_configs').set({ json, version, updated_at: at, updated_by: by }).where('id', '=', site.id).execute();
        else await trx.insertInto('site_configs').values({ id: site.id, json, version, updated_at: at, updated_by: by }).execute();
        changed.push({ site: JSON.parse(json) as SiteConfig, version });
        await announce(trx, site, at);
      }
    });
    for (const c of changed) this.apply(c.site.id, c.site, { version: c.version, updatedAt: at, updatedBy: by });
    return changed.map((c) => c.site.id);
  }

  /** Re-reads the stored configuration and announces what differs from what this process had. */
  async refresh(): Promise<void> {
    const rows = await this.db.selectFrom('site_configs').selectAll().orderBy('id').execute();
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.id);
      if (this.meta.get(row.id)?.version === Number(row.version)) continue;
      this.apply(row.id, JSON.parse(row.json) as SiteConfig, { version: Number(row.version), updatedAt: row.updated_at, updatedBy: row.updated_by });
    }
    for (const id of [...this.map.keys()]) {
      if (seen.has(id)) continue;
      this.map.delete(id);
      this.meta.delete(id);
      this.emit({ siteId: id, version: null });
    }
  }

  private apply(siteId: string, site: SiteConfig, meta: { version: number; updatedAt: string; updatedBy: string | null }): void {
    this.map.set(siteId, deepFreeze(site));
    this.meta.set(siteId, meta);
    this.emit({ siteId, version: meta.version });
  }

  private emit(change: ConfigChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A listener's failure must not stop the others from hearing of the change.
      }
    }
  }
}
