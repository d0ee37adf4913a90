import { parseArgs } from 'node:util';
import { loadGuides } from './guide-loader';
import { ConfigError, formatProblems, loadSites } from './site-loader';

/** `npm run config:check [-- --config DIR]`: validates kiosk-config and says what to fix. */
function main(): number {
  let dir: string;
  let locales: string;
  try {
    ({ config: dir, locales } = parseArgs({ args: process.argv.slice(2), options: { config: { type: 'string', default: 'kiosk-config' }, locales: { type: 'string', default: 'locales' } }, strict: true }).values);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: npm run config:check -- [--config kiosk-config] [--locales locales]\n`);
    return 2;
  }
  try {
    const sites = loadSites(dir);
    const { guides, warnings } = loadGuides(dir, sites, locales);
    const kiosks = [...sites.values()].reduce((n, s) => n + s.kiosks.length, 0);
    if (warnings.length) process.stderr.write(`${warnings.length} warning(s):\n${formatProblems(warnings)}\n`);
    process.stdout.write(`${dir}: ${sites.size} site(s), ${kiosks} kiosk(s), ${guides.size} guide(s): all valid.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${dir} has ${error.problems.length} problem(s):\n${error.message}\n`);
    return 1;
  }
}

process.exitCode = main();
