import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { z } from 'zod';
import type { FieldIssue } from '../../core/site/settings';
import { siteConfigSchema, type SiteConfig } from '../../core/site/site-config';

export interface ConfigProblem {
  file: string;
  field: string;
  message: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(formatProblems(problems));
  }
}

export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.field}: ${p.message}`).join('\n');
}

/** Where a JSON.parse error points, as line:column, so an admin can open the file there. */
function jsonErrorLocation(text: string, error: Error): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return '';
  const upTo = text.slice(0, Number(match[1]));
  const line = upTo.split('\n').length;
  const column = upTo.length - upTo.lastIndexOf('\n');
  return ` at line ${line}, column ${column}`;
}

function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/**
 * Checks a site's value with the config files' schema, field by field: the console's
 * « Réglages du pôle » and the files say the same thing about the same mistake.
 */
export function validateSite(raw: unknown): { site?: SiteConfig; problems: { field: string; message: string; issue?: FieldIssue }[] } {
  const result = siteConfigSchema.safeParse(raw);
  if (result.success) return { site: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => {
      const field = issue.path.length ? issue.path.join('.') : '(root)';
      if (issue.code === 'unrecognized_keys') {
        return { field, message: `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove them or check their spelling` };
      }
      const kind = issueKind(issue);
      return { field, message: `${issue.message} (got ${describeValue(valueAt(raw, issue.path))})`, ...(kind ? { issue: kind } : {}) };
    }),
  };
}

/** The kind of mistake and its limit, so the console can say it in the admin's language. */
function issueKind(issue: z.core.$ZodIssue): FieldIssue | undefined {
  if (issue.code === 'too_small' && issue.origin === 'number') return { kind: 'too_small', limit: Number(issue.minimum), inclusive: issue.inclusive !== false };
  if (issue.code === 'too_small' && issue.origin === 'string') return { kind: 'required' };
  if (issue.code === 'too_big' && issue.origin === 'number') return { kind: 'too_big', limit: Number(issue.maximum), inclusive: issue.inclusive !== false };
  if (issue.code === 'invalid_type') return { kind: issue.expected === 'int' ? 'not_integer' : issue.expected === 'number' ? 'not_number' : 'wrong_format' };
  if (issue.code === 'invalid_format') return { kind: 'wrong_format' };
  return undefined;
}

/** Rules across pôles: a kiosk id names one kiosk of the whole département. */
export function crossSiteProblems(sites: Iterable<SiteConfig>): { siteId: string; field: string; message: string }[] {
  const owner = new Map<string, string>();
  const problems: { siteId: string; field: string; message: string }[] = [];
  for (const site of sites) {
    site.kiosks.forEach((k, i) => {
      const other = owner.get(k.id);
      if (other && other !== site.id) problems.push({ siteId: site.id, field: `kiosks.${i}.id`, message: `kiosk id "${k.id}" is already used by site "${other}": kiosk ids are unique across sites` });
      owner.set(k.id, site.id);
    });
  }
  return problems;
}

export function parseSiteFile(file: string, text: string, displayName = file): { site?: SiteConfig; problems: ConfigProblem[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { problems: [{ file: displayName, field: '(file)', message: `not valid JSON${jsonErrorLocation(text, error as Error)}: ${(error as Error).message}` }] };
  }
  const result = validateSite(raw);
  if (!result.site) return { problems: result.problems.map((p) => ({ file: displayName, ...p })) };
  const expectedId = basename(file, '.json');
  if (result.site.id !== expectedId) {
    return { problems: [{ file: displayName, field: 'id', message: `expected "${expectedId}", the file's name without .json (got "${result.site.id}")` }] };
  }
  return { site: result.site, problems: [] };
}

/** Reads every site of a config folder. Throws a ConfigError listing every problem found. */
export function loadSites(configDir: string): ReadonlyMap<string, SiteConfig> {
  const dir = join(configDir, 'sites');
  if (!existsSync(dir)) {
    throw new ConfigError([{ file: dir, field: '(folder)', message: 'expected a folder of site files (sites/<id>.json); create it or pass the right --config folder' }]);
  }
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const problems: ConfigProblem[] = [];
  const sites = new Map<string, SiteConfig>();
  const kioskOwner = new Map<string, string>();
  for (const name of files) {
    const path = join(dir, name);
    const display = relative(process.cwd(), path) || path;
    const parsed = parseSiteFile(path, readFileSync(path, 'utf8'), display);
    problems.push(...parsed.problems);
    if (!parsed.site) continue;
    parsed.site.kiosks.forEach((k, i) => {
      const owner = kioskOwner.get(k.id);
      if (owner) problems.push({ file: display, field: `kiosks.${i}.id`, message: `kiosk id "${k.id}" is already used by site "${owner}": kiosk ids are unique across sites` });
      kioskOwner.set(k.id, parsed.site!.id);
    });
    sites.set(parsed.site.id, deepFreeze(parsed.site));
  }
  if (files.length === 0) problems.push({ file: dir, field: '(folder)', message: 'no site file found: add sites/<id>.json' });
  if (problems.length) throw new ConfigError(problems);
  return sites;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
