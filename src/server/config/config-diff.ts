import { changedFields, flatten } from '../../core/site/settings';
import type { SiteConfig } from '../../core/site/site-config';
import { sameSite } from './config-files';

/** What `npm run config:import` would change, pôle by pôle and field by field, in lines IT can review. */

const show = (value: unknown): string => (value === undefined ? '(none)' : JSON.stringify(value));

function isIdList(value: unknown): value is { id: string }[] {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && typeof (v as { id?: unknown }).id === 'string');
}

/** One field's change: items added and removed for lists, "old → new" for the rest. */
function fieldLines(path: string, before: unknown, after: unknown): string[] {
  const primitives = (v: unknown): v is (string | number)[] => Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number');
  const a = before ?? [];
  const b = after ?? [];
  if (primitives(a) && primitives(b) && (Array.isArray(before) || Array.isArray(after))) {
    const added = b.filter((x) => !a.includes(x));
    const removed = a.filter((x) => !b.includes(x));
    if (!added.length && !removed.length) return [`  ${path}: order changed: ${show(b)}`];
    return [...added.map((x) => `  ${path}: + ${show(x)}`), ...removed.map((x) => `  ${path}: - ${show(x)}`)];
  }
  if ((isIdList(before) || isIdList(after)) && Array.isArray(a) && Array.isArray(b)) {
    const byId = (list: unknown[]) => new Map((list as { id: string }[]).map((x) => [x.id, x]));
    const was = byId(a);
    const now = byId(b);
    const lines: string[] = [];
    for (const [id, item] of now) {
      const old = was.get(id);
      if (!old) lines.push(`  ${path}: + ${show(item)}`);
      else if (JSON.stringify(old) !== JSON.stringify(item)) lines.push(`  ${path}: ${show(old)} → ${show(item)}`);
    }
    for (const [id, item] of was) if (!now.has(id)) lines.push(`  ${path}: - ${show(item)}`);
    return lines;
  }
  return [`  ${path}: ${show(before)} → ${show(after)}`];
}

function withoutSchema(site: SiteConfig): Omit<SiteConfig, '$schema'> {
  const { $schema: _schema, ...rest } = site;
  return rest;
}

/** The lines for one pôle; empty when the files say what the database holds. */
export function siteDiff(live: SiteConfig | undefined, next: SiteConfig): string[] {
  if (!live) {
    const fields = Object.keys(flatten(withoutSchema(next))).length;
    return [`+ new pôle ${next.id} (${next.name}): ${next.kiosks.length} kiosk(s), ${next.guides.length} guide(s), ${fields} field(s)`];
  }
  if (sameSite(live, next)) return [];
  const { before, after } = changedFields(withoutSchema(live), withoutSchema(next));
  const paths = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return [`~ ${next.id} (${next.name}):`, ...paths.flatMap((p) => fieldLines(p, before[p], after[p]))];
}

/** The pôles whose files differ from the live configuration (the start-up notice). */
export function driftedSites(files: ReadonlyMap<string, SiteConfig>, live: ReadonlyMap<string, SiteConfig>): string[] {
  return [...files.values()].filter((site) => {
    const current = live.get(site.id);
    return !current || !sameSite(current, site);
  }).map((s) => s.id);
}
