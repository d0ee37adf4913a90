/**
 * The Chromium managed policy of a kiosk, derived from its site's config: everything blocked but
 * the Borne server and the official sites the site allows, no way into the browser's internals,
 * nothing remembered, the companion extension forced in. Pure: the CLI writes it, tests load it.
 * Values follow the Chromium managed-policy documentation (chromeenterprise policy list).
 */
/** The launcher's loopback control on the kiosk PC: POST /reset asks for the hard reset. */
export const LAUNCHER_CONTROL_PORT = 7777;
export const LAUNCHER_CONTROL_URL = `http://127.0.0.1:${LAUNCHER_CONTROL_PORT}`;

/** Where Chromium on Linux reads machine-wide managed policies. */
export const MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';

export interface PolicyInput {
  site: { id: string; allowedHosts: readonly string[]; browser: { printing: boolean; downloads: boolean } };
  /** Where the kiosks reach Borne, as they will type it: "http://10.0.0.5:8080". */
  serverUrl: string;
  /** The companion extension, when its key exists (npm run kiosk -- keygen). */
  extension?: { id: string } | undefined;
}

export type ChromiumPolicy = Record<string, unknown>;

/** "http://127.0.0.1:8080" → the allow-list entry for exactly that origin. */
export function originPattern(url: URL): string {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const isIp = /^[\d.]+$/.test(url.hostname) || url.hostname.startsWith('[');
  // A leading dot means "this host only, no subdomain"; IP literals take no dot.
  return `${url.protocol}//${isIp ? '' : '.'}${url.hostname}:${port}`;
}

/** Where the server serves the extension's update manifest (and the packed extension it names). */
export function extensionUpdateUrl(serverUrl: string): string {
  return new URL('/extension/updates.xml', serverUrl).toString();
}

export function chromiumPolicy(input: PolicyInput): ChromiumPolicy {
  const server = new URL(input.serverUrl);
  return {
    // Everything is blocked, internals included, but what the allow-list names.
    URLBlocklist: ['*', 'chrome://*', 'chrome-untrusted://*', 'devtools://*', 'view-source:*', 'file://*'],
    URLAllowlist: [originPattern(server), ...input.site.allowedHosts.map((host) => `https://.${host}`), 'about:blank'],
    DeveloperToolsAvailability: 2,
    IncognitoModeAvailability: 1,
    BrowserGuestModeEnabled: false,
    BrowserAddProfileEnabled: false,
    BrowserSignin: 0,
    SyncDisabled: true,
    PasswordManagerEnabled: false,
    AutofillAddressEnabled: false,
    AutofillCreditCardEnabled: false,
    SearchSuggestEnabled: false,
    TranslateEnabled: false,
    DefaultNotificationsSetting: 2,
    DefaultGeolocationSetting: 2,
    PrintingEnabled: input.site.browser.printing,
    DownloadRestrictions: input.site.browser.downloads ? 0 : 3,
    // Belt and braces: the launcher deletes the whole profile at every session end anyway.
    ClearBrowsingDataOnExitList: ['browsing_history', 'download_history', 'cookies_and_other_site_data', 'cached_images_and_files', 'password_signin', 'autofill', 'site_settings', 'hosted_app_data'],
    ...(input.extension
      ? { ExtensionSettings: { [input.extension.id]: { installation_mode: 'force_installed', update_url: extensionUpdateUrl(input.serverUrl), toolbar_pin: 'force_pinned' } } }
      : {}),
  };
}
