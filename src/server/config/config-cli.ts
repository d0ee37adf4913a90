import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { changedFields } from '../../core/site/settings';
import type { SiteConfig } from '../../core/site/site-config';
import { recordStaffAction } from '../audit/staff-audit';
import { systemClock } from '../store/clock';
import { DEFAULT_DATABASE_URL, isStoreOpenError, openCheckedStore } from '../store/connect';
import { migrate, type Store } from '../store/db';
import { siteDiff } from './config-diff';
import { sameSite, siteFileText } from './config-files';
import { loadGuides } from './guide-loader';
import { LiveConfig } from './live-config';
import { ConfigError, crossSiteProblems, formatProblems, loadSites, type ConfigProblem } from './site-loader';

const USAGE = `Usage:
  npm run config:import [-- --config kiosk-config] [--yes]
      Checks every file of the set (sites and guides), shows what would change in the live
      configuration (the database), asks, then applies it at once; a running server picks it up
      within a second. An invalid set is refused whole: nothing changes.
  npm run config:export [-- --config kiosk-config]
      Writes the live configuration (with the console's changes) back to <config>/sites/<id>.json,
      in the files' own format, so it can be reviewed and committed.
  Both use DATABASE_URL (default sqlite:./data/borne.sqlite), like the server.`;

class UsageError extends Error {}

/** The store DATABASE_URL names (SQLite or PostgreSQL), like the server; a bad URL or an unreachable database is said plainly. */
async function openStore(): Promise<Store> {
  try {
    return await openCheckedStore(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  } catch (error) {
    if (isStoreOpenError(error)) throw new UsageError(error.message);
    throw error;
  }
}

/** Every problem of the set, sites and guides together, plus kiosk ids that clash with a pôle left as it is. */
function checkSet(dir: string, locales: string, live: ReadonlyMap<string, SiteConfig>): { sites?: ReadonlyMap<string, SiteConfig>; problems: ConfigProblem[] } {
  let sites: ReadonlyMap<string, SiteConfig> | undefined;
  const problems: ConfigProblem[] = [];
  try {
    sites = loadSites(dir);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  try {
    // Guides are checked even when a site file is broken, so one run lists everything to fix.
    loadGuides(dir, sites ?? new Map(), locales);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  if (sites) {
    const merged = [...[...live.values()].filter((s) => !sites!.has(s.id)), ...sites.values()];
    for (const p of crossSiteProblems(merged)) if (sites.has(p.siteId)) problems.push({ file: relative(process.cwd(), join(dir, 'sites', `${p.siteId}.json`)), field: p.field, message: p.message });
  }
  return problems.length ? { problems } : { sites: sites!, problems };
}

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: false });
  process.stdout.write(question);
  const answer = await new Promise<string>((resolve) => {
    rl.once('line', resolve);
    rl.once('close', () => resolve(''));
  });
  rl.close();
  return /^(y|yes|o|oui)$/i.test(answer.trim());
}

async function importSet(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string', default: 'kiosk-config' }, locales: { type: 'string', default: 'locales' }, yes: { type: 'boolean', default: false } }, strict: true });
  const store = await openStore();
  try {
    await migrate(store);
    const config = await LiveConfig.open(store.db, systemClock);
    const { sites, problems } = checkSet(values.config, values.locales, config.sites);
    if (!sites) {
      process.stderr.write(`${values.config} has ${problems.length} problem(s); nothing was imported:\n${formatProblems(problems)}\n`);
      return 1;
    }
    const lines = [...sites.values()].flatMap((site) => siteDiff(config.sites.get(site.id), site));
    const untouched = [...config.sites.keys()].filter((id) => !sites.has(id));
    if (untouched.length) lines.push(`(not in ${values.config}, left as they are: ${untouched.join(', ')})`);
    const changed = [...sites.values()].filter((s) => !config.sites.has(s.id) || !sameSite(config.sites.get(s.id)!, s));
    if (changed.length === 0) {
      process.stdout.write(`The live configuration already matches ${values.config}: nothing to import.\n`);
      return 0;
    }
    process.stdout.write(`Changes from ${values.config} to the live configuration:\n${lines.join('\n')}\n`);
    if (!values.yes && !(await confirm(`Apply these changes to ${changed.length} pôle(s)? [y/N] `))) {
      process.stdout.write('Nothing was imported.\n');
      return 1;
    }
    const before = new Map(changed.map((s) => [s.id, config.sites.get(s.id)]));
    const applied = await config.replaceAll(changed, null);
    const at = systemClock();
    for (const id of applied) {
      const diff = changedFields(before.get(id) ?? {}, config.sites.get(id));
      await recordStaffAction(store.db, { staffId: null, action: 'config_import', siteId: id, target: id, before: diff.before, after: diff.after, address: null, at });
    }
    process.stdout.write(`Imported: ${applied.join(', ')}. A running server applies it within a second.\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function exportSet(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { config: { type: 'string', default: 'kiosk-config' } }, strict: true });
  const store = await openStore();
  try {
    await migrate(store);
    const config = await LiveConfig.open(store.db, systemClock);
    if (config.sites.size === 0) {
      process.stderr.write('The database holds no configuration yet: start the server once (it imports kiosk-config/), or run npm run config:import.\n');
      return 1;
    }
    const dir = join(values.config, 'sites');
    mkdirSync(dir, { recursive: true });
    for (const site of [...config.sites.values()].sort((a, b) => a.id.localeCompare(b.id))) {
      const path = join(dir, `${site.id}.json`);
      const old = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
      let existing: unknown;
      try {
        existing = old === undefined ? undefined : JSON.parse(old);
      } catch {
        existing = undefined;
      }
      const text = siteFileText(site, existing);
      if (text === old) {
        process.stdout.write(`unchanged ${relative(process.cwd(), path) || path}\n`);
        continue;
      }
      writeFileSync(path, text);
      process.stdout.write(`${old === undefined ? 'wrote' : 'updated'} ${relative(process.cwd(), path) || path}\n`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'import') return await importSet(rest);
    if (command === 'export') return await exportSet(rest);
    throw new UsageError(command ? `unknown command "${command}": expected import or export` : 'a command is missing: expected import or export');
  } catch (error) {
    // A mistyped option is the person's mistake: say it plainly, no stack trace.
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`config: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
