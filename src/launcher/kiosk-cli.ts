import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromiumPolicy, LAUNCHER_CONTROL_PORT, MANAGED_POLICY_DIR } from '../core/lockdown/policy';
import { ConfigError, loadSites } from '../server/config/site-loader';
import { extensionIdFromPrivateKey, generateExtensionKey } from './extension-key';
import { enrol } from './enrol';
import { KioskLauncher, startControl } from './launcher';

const DEFAULT_KEY = 'data/extension-key.pem';
const DEFAULT_TOKEN_FILE = '/etc/borne/kiosk-token';
const DEFAULT_CONTROL_PORT = LAUNCHER_CONTROL_PORT;

const USAGE = `Usage:
  npm run kiosk -- policy --site <site id> --server <url> [--out FILE | --install] [--extension-key FILE] [--config DIR]
      Writes the Chromium managed policy of the site's kiosks (stdout unless --out or --install).
      --install writes it to ${MANAGED_POLICY_DIR}/borne.json (needs root).
  npm run kiosk -- keygen [--out FILE] [--force]
      Creates the companion extension's private key (default ${DEFAULT_KEY}) and prints its id.
  npm run kiosk -- enrol --server <url> --code <code> [--token-file FILE]
      Gives this PC its kiosk token with the one-time code of « Ajouter une borne » (console,
      « Parc des bornes »); writes it to the token file (default ${DEFAULT_TOKEN_FILE}, mode 600).
  npm run kiosk -- launch --site <site id> --kiosk <kiosk id> --server <url> [--token-file FILE]
                          [--chromium PATH] [--profile-root DIR] [--control-port PORT] [--extension DIR]
      Runs Chromium full screen on the kiosk, on a throwaway profile copied from a warm template
      (the kiosk app precached, nothing personal; rebuilt when Borne is updated); POST
      http://127.0.0.1:PORT/reset (default ${DEFAULT_CONTROL_PORT}) kills it, deletes the profile and
      starts clean on a new copy.
      --extension dist/extension: development mode, loads the companion extension unpacked
      (without the policy's forced install).`;

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
  const server = parseServer(values.server);
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

function parseServer(value: string | undefined): URL {
  if (!value) throw new UsageError('--server is missing: give the address kiosks use to reach Borne, for example --server http://10.0.0.5:8080');
  let server: URL;
  try {
    server = new URL(value);
  } catch {
    throw new UsageError(`--server "${value}" is not an address: expected http:// or https://, a host and maybe a port, for example http://10.0.0.5:8080`);
  }
  if (server.protocol !== 'http:' && server.protocol !== 'https:') throw new UsageError(`--server must start with http:// or https:// (got "${server.protocol}")`);
  return server;
}

async function launch(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      site: { type: 'string' },
      kiosk: { type: 'string' },
      server: { type: 'string' },
      'token-file': { type: 'string', default: DEFAULT_TOKEN_FILE },
      chromium: { type: 'string', default: '/usr/bin/chromium' },
      'profile-root': { type: 'string', default: existsSync('/dev/shm') ? '/dev/shm' : tmpdir() },
      'control-port': { type: 'string', default: String(DEFAULT_CONTROL_PORT) },
      config: { type: 'string', default: 'kiosk-config' },
      extension: { type: 'string' },
    },
    strict: true,
  });
  if (!values.site) throw new UsageError('--site is missing: give the id of the kiosk\'s site, for example --site chatillon');
  if (!values.kiosk) throw new UsageError('--kiosk is missing: give the kiosk\'s id, for example --kiosk chatillon-1');
  const server = parseServer(values.server);
  const sites = loadSites(values.config);
  const site = sites.get(values.site);
  if (!site) throw new UsageError(`there is no site "${values.site}" in ${values.config}/sites: expected one of ${[...sites.keys()].join(', ')}`);
  // A kiosk added in the console (« Ajouter une borne ») is in the live configuration, not yet in
  // the files: the server, which checks the token, is the judge; the files may lag behind.
  if (!site.kiosks.some((k) => k.id === values.kiosk)) process.stderr.write(`Note: kiosk "${values.kiosk}" is not in ${values.config}/sites/${site.id}.json (added in the console?); run npm run config:export to write it there.\n`);
  if (!existsSync(values.chromium)) throw new UsageError(`Chromium is not at ${values.chromium}: install it with "apt-get install -y chromium", or give --chromium PATH`);
  const extensionDir = values.extension === undefined ? undefined : resolve(values.extension);
  if (extensionDir && !existsSync(join(extensionDir, 'manifest.json'))) {
    throw new UsageError(`--extension ${values.extension}: no manifest.json there. Build the extension with "npm run build" and give its folder, for example --extension dist/extension`);
  }
  const port = Number(values['control-port']);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--control-port must be a port number from 1 to 65535 (got "${values['control-port']}")`);
  const token = process.env.BORNE_KIOSK_TOKEN ?? (existsSync(values['token-file']) ? readFileSync(values['token-file'], 'utf8').trim() : '');
  if (!token) throw new UsageError(`no kiosk token: put the token given at enrolment in ${values['token-file']} (readable by the launcher only), or set BORNE_KIOSK_TOKEN`);

  // One JSON line an event, for journald; never the token, never anything about a usager.
  const log = (event: string, details: Record<string, string | number> = {}) => process.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), kiosk: values.kiosk, event, ...details })}\n`);
  const launcher = new KioskLauncher({
    chromiumPath: values.chromium,
    kioskUrl: new URL(`/kiosk/#kiosk=${encodeURIComponent(token)}`, server).toString(),
    profileRoot: values['profile-root'],
    extraArgs: [...(site.browser.printing ? ['--kiosk-printing'] : []), ...(extensionDir ? [`--load-extension=${extensionDir}`] : [])],
    log,
  });
  if (extensionDir) log('development mode: companion extension loaded unpacked');
  // The profile template first (a few seconds at boot, and after each update of Borne), then the session.
  void launcher.start();
  const control = await startControl(launcher, port);
  log('control listening', { port: control.port });
  const stop = async () => {
    control.server.close();
    await launcher.stop();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
  return new Promise<number>(() => undefined);
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  try {
    if (command === 'policy') return policy(rest);
    if (command === 'keygen') return keygen(rest);
    if (command === 'launch') return await launch(rest);
    if (command === 'enrol') return await enrol(rest, { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) });
    return fail(command ? `unknown command "${command}": expected policy, keygen, enrol or launch` : 'a command is missing: expected policy, keygen, enrol or launch');
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    if (error instanceof ConfigError) return fail(`the configuration has problems:\n${error.message}`, 1);
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) return fail((error as Error).message);
    throw error;
  }
}

void main().then((code) => (process.exitCode = code));
