import { siteConfigSchema, type SiteConfig } from '../../core/site/site-config';

/**
 * How the live configuration is written back to kiosk-config/ (`npm run config:export`) and
 * compared with it (`config:import`, the start-up notice). The goal is a quiet git diff: a
 * round trip through the database changes no byte of a file nobody edited.
 */

export const SITE_SCHEMA_POINTER = '../schema/site.schema.json';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** JSON with sorted keys: two values are the same configuration when these are equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v));
}

/** The configuration a site means, without the file's `$schema` pointer. */
function meaning(site: SiteConfig): string {
  const { $schema: _schema, ...rest } = site;
  return canonical(rest);
}

export function sameSite(a: SiteConfig, b: SiteConfig): boolean {
  return meaning(a) === meaning(b);
}

/** `value`'s keys in `like`'s order first (the existing file's), then its own order (the schema's). */
function ordered(value: Json, like: Json | undefined): Json {
  if (Array.isArray(value)) return value.map((v, i) => ordered(v, Array.isArray(like) ? like[i] : undefined));
  if (!isObject(value)) return value;
  const own = Object.keys(value);
  const keys = isObject(like) ? Object.keys(like).filter((k) => k in value) : [];
  // A key the file lacks goes after the key that precedes it in the schema's order.
  own.forEach((k, i) => {
    if (keys.includes(k)) return;
    const before = own.slice(0, i).reverse().find((p) => keys.includes(p));
    keys.splice(before === undefined ? 0 : keys.indexOf(before) + 1, 0, k);
  });
  return Object.fromEntries(keys.map((k) => [k, ordered(value[k]!, isObject(like) ? like[k] : undefined)]));
}

/**
 * Leaves out the fields the existing file does not write and whose value is the schema's
 * default (help.claimedPauseMinutes, booking…): reading the file back gives the same site.
 * A field the file writes, or a value that differs from the default, is always written.
 */
function withoutDefaults(out: Record<string, Json>, like: Json | undefined, live: SiteConfig): void {
  const walk = (node: Record<string, Json>, likeNode: Json | undefined) => {
    for (const key of Object.keys(node)) {
      if (key === '$schema') continue;
      const inFile = isObject(likeNode) && key in likeNode;
      if (!inFile) {
        const keys = Object.keys(node);
        const value = node[key]!;
        delete node[key];
        const parsed = siteConfigSchema.safeParse(out);
        if (parsed.success && sameSite(parsed.data, live)) continue;
        // Needed after all: put it back where it was.
        node[key] = value;
        for (const k of keys) {
          const v = node[k]!;
          delete node[k];
          node[k] = v;
        }
      }
      const child = node[key];
      if (isObject(child)) walk(child, isObject(likeNode) ? likeNode[key] : undefined);
    }
  };
  walk(out, like);
}

/**
 * The file text of a site: "$schema" first, 2-space JSON, a final newline, the key order and the
 * omitted defaults of `existing` (the file as it is now) when there is one.
 */
export function siteFileText(live: SiteConfig, existing?: unknown): string {
  const { $schema: _schema, ...rest } = live;
  const body = JSON.parse(JSON.stringify(rest)) as Record<string, Json>;
  const like = isObject(existing) ? (existing as Json) : undefined;
  const out = { $schema: (isObject(existing) && typeof existing.$schema === 'string' ? existing.$schema : SITE_SCHEMA_POINTER) as Json, ...(ordered(body, like) as Record<string, Json>) };
  if (like) withoutDefaults(out, like, live);
  return `${JSON.stringify(out, null, 2)}\n`;
}
