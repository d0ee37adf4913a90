import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { chromiumPolicy, originPattern } from '../../src/core/lockdown/policy';
import { extensionIdFromPrivateKey, generateExtensionKey } from '../../src/launcher/extension-key';

const run = promisify(execFile);
const TSX = join('node_modules', '.bin', 'tsx');
const SITE = { id: 'chatillon', allowedHosts: ['www.caf.fr', 'franceconnect.gouv.fr'], browser: { printing: true, downloads: false } };
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'borne-kiosk-cli-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the Chromium policy of a site', () => {
  it('blocks everything, internals included, but the server and the hosts the site allows', () => {
    const policy = chromiumPolicy({ site: SITE, serverUrl: 'http://10.0.0.5:8080' });
    expect(policy.URLBlocklist).toEqual(expect.arrayContaining(['*', 'chrome://*', 'devtools://*', 'file://*']));
    expect(policy.URLAllowlist).toEqual(['http://10.0.0.5:8080', 'https://.www.caf.fr', 'https://.franceconnect.gouv.fr', 'about:blank']);
  });

  it('turns off developer tools, incognito, guest mode, new profiles, sign-in, sync, passwords and autofill; blocks notifications and geolocation', () => {
    expect(chromiumPolicy({ site: SITE, serverUrl: 'https://borne.example.fr' })).toMatchObject({
      DeveloperToolsAvailability: 2,
      IncognitoModeAvailability: 1,
      BrowserGuestModeEnabled: false,
      BrowserAddProfileEnabled: false,
      BrowserSignin: 0,
      SyncDisabled: true,
      PasswordManagerEnabled: false,
      AutofillAddressEnabled: false,
      AutofillCreditCardEnabled: false,
      DefaultNotificationsSetting: 2,
      DefaultGeolocationSetting: 2,
    });
  });

  it('allows printing and downloads as the site says', () => {
    expect(chromiumPolicy({ site: SITE, serverUrl: 'http://10.0.0.5:8080' })).toMatchObject({ PrintingEnabled: true, DownloadRestrictions: 3 });
    expect(chromiumPolicy({ site: { ...SITE, browser: { printing: false, downloads: true } }, serverUrl: 'http://10.0.0.5:8080' })).toMatchObject({ PrintingEnabled: false, DownloadRestrictions: 0 });
  });

  it('forces the companion extension in from the server\'s update manifest, once it has a key', () => {
    expect(chromiumPolicy({ site: SITE, serverUrl: 'http://10.0.0.5:8080' }).ExtensionSettings).toBeUndefined();
    const policy = chromiumPolicy({ site: SITE, serverUrl: 'http://10.0.0.5:8080', extension: { id: 'abcdefghijklmnopabcdefghijklmnop' } });
    expect(policy.ExtensionSettings).toEqual({ abcdefghijklmnopabcdefghijklmnop: expect.objectContaining({ installation_mode: 'force_installed', update_url: 'http://10.0.0.5:8080/extension/updates.xml' }) });
  });

  it('writes the server as an exact origin: a dot before host names, none before IP addresses, the port always', () => {
    expect(originPattern(new URL('https://borne.example.fr'))).toBe('https://.borne.example.fr:443');
    expect(originPattern(new URL('http://127.0.0.1:8080'))).toBe('http://127.0.0.1:8080');
  });
});

describe('the extension key', () => {
  it('gives a Chromium extension id: 32 letters a–p, the same for the same key, another for another key', () => {
    const key = generateExtensionKey();
    const id = extensionIdFromPrivateKey(key);
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(extensionIdFromPrivateKey(key)).toBe(id);
    expect(extensionIdFromPrivateKey(generateExtensionKey())).not.toBe(id);
  });
});

describe('npm run kiosk', () => {
  const kiosk = (...args: string[]) =>
    run(TSX, ['src/launcher/kiosk-cli.ts', ...args]).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  it('writes the policy of a site, with the extension forced in when a key is given', async () => {
    const dir = tempDir();
    const key = join(dir, 'key.pem');
    const made = await kiosk('keygen', '--out', key);
    expect(made.code).toBe(0);
    const id = extensionIdFromPrivateKey(readFileSync(key, 'utf8'));
    expect(made.stdout).toContain(`extension id: ${id}`);
    const out = join(dir, 'policy.json');
    const written = await kiosk('policy', '--site', 'chatillon', '--server', 'http://10.0.0.5:8080', '--out', out, '--extension-key', key);
    expect(written.code).toBe(0);
    expect(written.stdout).toContain('/etc/chromium/policies/managed/borne.json');
    const policy = JSON.parse(readFileSync(out, 'utf8')) as { URLAllowlist: string[]; ExtensionSettings: Record<string, unknown> };
    expect(policy.URLAllowlist).toContain('https://.www.caf.fr');
    expect(Object.keys(policy.ExtensionSettings)).toEqual([id]);
  }, 30_000);

  it('refuses bad arguments with what is wrong and how to fix it', async () => {
    const missing = await kiosk('policy', '--server', 'http://10.0.0.5:8080');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--site is missing');
    const unknown = await kiosk('policy', '--site', 'paris', '--server', 'http://10.0.0.5:8080');
    expect(unknown.stderr).toMatch(/there is no site "paris" .*expected one of .*chatillon/);
    const badServer = await kiosk('policy', '--site', 'chatillon', '--server', 'ftp://x');
    expect(badServer.stderr).toContain('--server must start with http:// or https://');
    const badOption = await kiosk('policy', '--site', 'chatillon', '--server', 'http://x', '--colour', 'red');
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toMatch(/Unknown option '--colour'/);
    expect((await kiosk('launch-rockets')).stderr).toContain('unknown command "launch-rockets"');
  }, 30_000);

  it('notes a kiosk the files do not have yet (added in the console), and refuses to launch without its token', async () => {
    const consoleKiosk = await kiosk('launch', '--site', 'chatillon', '--kiosk', 'chatillon-9', '--server', 'http://10.0.0.5:8080', '--token-file', join(tempDir(), 'none'), '--chromium', process.execPath);
    expect(consoleKiosk.code).toBe(2);
    expect(consoleKiosk.stderr).toContain('Note: kiosk "chatillon-9" is not in kiosk-config/sites/chatillon.json (added in the console?)');
    const noToken = await kiosk('launch', '--site', 'chatillon', '--kiosk', 'chatillon-1', '--server', 'http://10.0.0.5:8080', '--token-file', join(tempDir(), 'none'), '--chromium', process.execPath);
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('no kiosk token: put the token given at enrolment in');
    const noChromium = await kiosk('launch', '--site', 'chatillon', '--kiosk', 'chatillon-1', '--server', 'http://10.0.0.5:8080', '--chromium', '/nowhere/chromium');
    expect(noChromium.stderr).toContain('Chromium is not at /nowhere/chromium: install it with "apt-get install -y chromium"');
    const noExtension = await kiosk('launch', '--site', 'chatillon', '--kiosk', 'chatillon-1', '--server', 'http://10.0.0.5:8080', '--chromium', process.execPath, '--extension', tempDir());
    expect(noExtension.code).toBe(2);
    expect(noExtension.stderr).toContain('no manifest.json there. Build the extension with "npm run build"');
  }, 30_000);

  it('never replaces an extension key without --force: a new key is a new extension id', async () => {
    const key = join(tempDir(), 'key.pem');
    await kiosk('keygen', '--out', key);
    const before = readFileSync(key, 'utf8');
    const again = await kiosk('keygen', '--out', key);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Pass --force to replace it');
    expect(readFileSync(key, 'utf8')).toBe(before);
    expect(existsSync(key)).toBe(true);
  }, 30_000);
});
