/**
 * The kiosk's device identity. The enrolment URL carries the token in its fragment
 * (`/kiosk/#kiosk=…`), which never reaches a server log; it is kept in localStorage, the only
 * thing this origin keeps between sessions, and is not personal data.
 */
const KEY = 'borne.kioskToken';

export function readDeviceToken(location: Location = window.location, storage: Storage = window.localStorage, history: History = window.history): string | null {
  const fromUrl = /(?:^#|&)kiosk=([A-Za-z0-9_-]{20,128})/.exec(location.hash)?.[1];
  if (fromUrl) {
    storage.setItem(KEY, fromUrl);
    // Keep the token out of the address bar and of anything a usager could copy.
    history.replaceState(null, '', location.pathname + location.search);
    return fromUrl;
  }
  return storage.getItem(KEY);
}

/** A token just given by enrolment (src/kiosk/enrol.ts): kept where #kiosk= puts it. */
export function keepDeviceToken(token: string, storage: Storage = window.localStorage): void {
  storage.setItem(KEY, token);
}

export function forgetDeviceToken(storage: Storage = window.localStorage): void {
  storage.removeItem(KEY);
}
