import { batch, signal } from '@preact/signals';
import type { DossierView } from '../../core/dossier/dossier';
import { ApiRequestError } from '../../web/api-client';
import type { KioskApi } from '../api';

export type IdentifyError = 'identify_failed' | 'identify_locked' | 'dossier_blocked' | 'code_not_ours' | 'code_invalid' | 'code_expired' | 'network' | 'generic';

const KNOWN: readonly IdentifyError[] = ['identify_failed', 'identify_locked', 'dossier_blocked', 'code_not_ours', 'code_invalid', 'code_expired', 'network'];

/**
 * Who the usager is, for this session only. The session token and the dossier live in memory:
 * never in storage, never in a URL, so a reload or the back button cannot bring them back.
 */
export function createIdentityState(api: KioskApi) {
  const dossier = signal<DossierView | null>(null);
  const error = signal<IdentifyError | null>(null);
  const busy = signal(false);
  let token: string | null = null;

  async function open(attempt: () => Promise<{ token: string }>): Promise<boolean> {
    busy.value = true;
    error.value = null;
    try {
      token = (await attempt()).token;
      dossier.value = await api.dossier(token);
      return true;
    } catch (e) {
      const code = e instanceof ApiRequestError ? e.code : 'generic';
      error.value = (KNOWN as readonly string[]).includes(code) ? (code as IdentifyError) : 'generic';
      return false;
    } finally {
      busy.value = false;
    }
  }

  return {
    dossier,
    error,
    busy,
    byNumber: (dossierNumber: string, birthDate: string) => open(() => api.identify(dossierNumber, birthDate)),
    byCode: (code: string) => open(() => api.identifyByCode(code)),
    async refresh(): Promise<void> {
      if (token) dossier.value = await api.dossier(token).catch(() => dossier.value);
    },
    /** The live usager session, for the calls made on the usager's behalf (booking). */
    token: () => token,
    clearError() {
      error.value = null;
    },
    forget() {
      token = null;
      batch(() => {
        dossier.value = null;
        error.value = null;
        busy.value = false;
      });
    },
  };
}

export type IdentityState = ReturnType<typeof createIdentityState>;
