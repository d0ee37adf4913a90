import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPolicy, MANAGED_POLICY_DIR } from '../../core/lockdown/policy';
import { ConfigError, loadSites } from '../config/site-loader';
import { extensionIdFromPrivateKey, generateExtensionKey } from './extension-key';

const DEFAULT_KEY = 'data/extension-key.pem';

const USAGE = `Usage:
  npm run kiosk -- policy --site <site id> --server <url> [--out FILE | --install] [--extension-key FILE] [--config DIR]
      Writes the Chromium managed policy of the site's kiosks (stdout unless --out or --install).
      --install writes it to ${MANAGED_POLICY_DIR}/borne.json (needs root).
  npm run kiosk -- keygen [--out FILE] [--force]
      Creates the companion extension's private key (default ${DEFAULT_KEY}) and prints its id.`;

class UsageError extends Error {}

function fail(message: string, code = 2): number {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  return code;
}

function policy(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: { site: { type: 'string' }, server: { type: 'string' }, out: { type: 'string' }, install: { type: 'boolean', default: false }, 'extension-key': { type: 'string' }, config: { type: 'string', default: 'kiosk-config' } },
    strict: true,
  });
  if (!values.site) throw new UsageError('--site is missing: give the id of a site of kiosk-config/sites, for example --site chatillon');
  if (!values.server) throw new UsageError('--server is missing: give the address kiosks use to reach Borne, for example --server http://10.0.0.5:8080');
  let server: URL;
  try {
    server = new URL(values.server);
  } catch {
    throw new UsageError(`--server "${values.server}" is not an address: expected http:// or https://, a host and maybe a port, for example http://10.0.0.5:8080`);
  }
  if (server.protocol !== 'http:' && server.protocol !== 'https:') throw new UsageError(`--server must start with http:// or https:// (got "${server.protocol}")`);
  if (values.out && values.install) throw new UsageError('give --out or --install, not both');
  const sites = loadSites(values.config);
  const site = sites.get(values.site);
  if (!site) throw new UsageError(`there is no site "${values.site}" in ${values.config}/sites: expected one of ${[...sites.keys()].join(', ')}`);

  const keyFile = values['extension-key'] ?? (existsSync(DEFAULT_KEY) ? DEFAULT_KEY : undefined);
  if (values['extension-key'] && !existsSync(values['extension-key'])) throw new UsageError(`--extension-key ${values['extension-key']}: no such file (create one with npm run kiosk -- keygen)`);
  const extension = keyFile ? { id: extensionIdFromPrivateKey(readFileSync(keyFile, 'utf8')) } : undefined;
  const json = `${JSON.stringify(chromiumPolicy({ site, serverUrl: server.toString(), extension }), null, 2)}\n`;
  if (!extension) process.stderr.write('Note: no extension key, so the companion extension is not forced in. Create one with: npm run kiosk -- keygen\n');

  const target = values.install ? join(MANAGED_POLICY_DIR, 'borne.json') : values.out;
  if (!target) {
    process.stdout.write(json);
    return 0;
  }
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, json, { mode: 0o644 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return fail(`cannot write ${target}: permission denied. Run it as root (sudo), or use --out and install the file yourself.`, 1);
    throw error;
  }
  process.stdout.write(`wrote ${target}${values.install ? '' : `\nInstall it on the kiosk PC: sudo install -D -m 644 ${target} ${MANAGED_POLICY_DIR}/borne.json`}\n`);
  return 0;
}

function keygen(args: string[]): number {
  const { values } = parseArgs({ args, options: { out: { type: 'string', default: DEFAULT_KEY }, force: { type: 'boolean', default: false } }, strict: true });
  if (existsSync(values.out) && !values.force) {
    throw new UsageError(`${values.out} exists already: it is the extension's identity, and a new key gives a new extension id. Pass --force to replace it.`);
  }
  const pem = generateExtensionKey();
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, pem, { mode: 0o600 });
  process.stdout.write(`wrote ${values.out} (keep it private; it is not committed)\nextension id: ${extensionIdFromPrivateKey(pem)}\n`);
  return 0;
}

function main(): number {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'policy') return policy(rest);
    if (command === 'keygen') return keygen(rest);
    return fail(command ? `unknown command "${command}": expected policy or keygen` : 'a command is missing: expected policy or keygen');
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    if (error instanceof ConfigError) return fail(`the configuration has problems:\n${error.message}`, 1);
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return fail((error as Error).message);
    throw error;
  }
}

process.exitCode = main();
