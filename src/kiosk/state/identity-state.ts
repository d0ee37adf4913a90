import { batch, signal } from '@preact/signals';
import type { DossierView } from '../../core/dossier/dossier';
import { ApiRequestError } from '../../web/api-client';
import type { KioskApi } from '../api';

export type IdentifyError = 'identify_failed' | 'identify_locked' | 'dossier_blocked' | 'code_not_ours' | 'code_invalid' | 'code_expired' | 'network' | 'generic';

/** Which way in the last try used: the screen shows its progress and its error next to that way. */
export type IdentifyWay = 'number' | 'code';

const KNOWN: readonly IdentifyError[] = ['identify_failed', 'identify_locked', 'dossier_blocked', 'code_not_ours', 'code_invalid', 'code_expired', 'network'];

/**
 * When a lockout lifts, on this kiosk's clock: from the server's retryAfterSeconds (a duration,
 * so a kiosk whose clock is off still says the right number of minutes). Null if not given.
 */
function retryDeadline(e: ApiRequestError, now: number): number | null {
  const after = e.details?.['retryAfterSeconds'];
  return typeof after === 'number' && after > 0 ? now + after * 1000 : null;
}

/**
 * Who the usager is, for this session only. The session token and the dossier live in memory:
 * never in storage, never in a URL, so a reload or the back button cannot bring them back.
 */
export function createIdentityState(api: KioskApi, now: () => number = Date.now) {
  const dossier = signal<DossierView | null>(null);
  const error = signal<IdentifyError | null>(null);
  const way = signal<IdentifyWay | null>(null);
  /** While identification is paused (identify_locked): when it may be tried again. */
  const retryAt = signal<number | null>(null);
  const busy = signal(false);
  let token: string | null = null;

  function clearError(): void {
    batch(() => {
      error.value = null;
      way.value = null;
      retryAt.value = null;
    });
  }

  async function open(tried: IdentifyWay, attempt: () => Promise<{ token: string }>): Promise<boolean> {
    batch(() => {
      clearError();
      way.value = tried;
      busy.value = true;
    });
    try {
      token = (await attempt()).token;
      dossier.value = await api.dossier(token);
      return true;
    } catch (e) {
      const code = e instanceof ApiRequestError ? e.code : 'generic';
      batch(() => {
        error.value = (KNOWN as readonly string[]).includes(code) ? (code as IdentifyError) : 'generic';
        retryAt.value = code === 'identify_locked' && e instanceof ApiRequestError ? retryDeadline(e, now()) : null;
      });
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    dossier,
    error,
    way,
    retryAt,
    busy,
    byNumber: (dossierNumber: string, birthDate: string) => open('number', () => api.identify(dossierNumber, birthDate)),
    byCode: (code: string) => open('code', () => api.identifyByCode(code)),
    async refresh(): Promise<void> {
      if (token) dossier.value = await api.dossier(token).catch(() => dossier.value);
    },
    /** The live usager session, for the calls made on the usager's behalf (booking). */
    token: () => token,
    clearError,
    forget() {
      token = null;
      batch(() => {
        dossier.value = null;
        clearError();
        busy.value = false;
      });
    },
  };
}

export type IdentityState = ReturnType<typeof createIdentityState>;
