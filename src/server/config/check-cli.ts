import { parseArgs } from 'node:util';
import { ConfigError, loadSites } from './site-loader';

/** `npm run config:check [-- --config DIR]`: validates kiosk-config and says what to fix. */
function main(): number {
  let dir: string;
  try {
    dir = parseArgs({ args: process.argv.slice(2), options: { config: { type: 'string', default: 'kiosk-config' } }, strict: true }).values.config;
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\nUsage: npm run config:check -- [--config kiosk-config]\n`);
    return 2;
  }
  try {
    const sites = loadSites(dir);
    const kiosks = [...sites.values()].reduce((n, s) => n + s.kiosks.length, 0);
    process.stdout.write(`${dir}: ${sites.size} site(s), ${kiosks} kiosk(s): all valid.\n`);
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${dir} has ${error.problems.length} problem(s):\n${error.message}\n`);
    return 1;
  }
}

process.exitCode = main();
