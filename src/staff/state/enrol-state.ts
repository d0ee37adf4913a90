import { computed, effect, signal } from '@preact/signals';
import type { EnrolKioskView, EnrolmentCodeView } from '../../core/fleet/enrolment';
import { enrolApi, type EnrolApi } from '../enrol-api';
import { formRefusal, type FormRefusal } from './form-errors';
import type { StaffState } from './staff-state';

/** A code on screen: why it was made (the add form shows it in place, a kiosk's button in a dialog). */
export interface ShownCode {
  view: EnrolmentCodeView;
  reason: 'added' | 'newCode';
}

/**
 * Enrolment in the console: the « Ajouter une borne » form's save, a new code for a kiosk, and
 * « Retirer la borne ». A code is shown to the admin who asked for it, counts down to its expiry
 * (server time), and leaves the screen when dismissed or on sign-out: it is never fetched again.
 */
export function createEnrolState(deps: { staff: StaffState; api?: EnrolApi; now?: () => number }) {
  const api = deps.api ?? enrolApi;
  const now = deps.now ?? Date.now;
  const shown = signal<ShownCode | null>(null);
  const busy = signal(false);
  /** The last refusal of an action on one kiosk (new code, revoke), shown next to its button. */
  const kioskError = signal<{ kioskId: string; refusal: FormRefusal } | null>(null);
  /** The kiosk just revoked, for the screen to say so (and the fleet view to drop it). */
  const revoked = signal<EnrolKioskView | null>(null);
  const clock = signal(now());
  let ticking: ReturnType<typeof setInterval> | undefined;

  /** Seconds left on the shown code, by the server's clock (staff.serverOffsetMs); 0 when expired. */
  const secondsLeft = computed(() => {
    const code = shown.value;
    if (!code) return 0;
    return Math.max(0, Math.ceil((Date.parse(code.view.expiresAt) - (clock.value + deps.staff.serverOffsetMs.value)) / 1000));
  });

  function show(code: ShownCode | null): void {
    shown.value = code;
    clock.value = now();
    if (ticking) clearInterval(ticking);
    ticking = undefined;
    if (code) {
      ticking = setInterval(() => {
        clock.value = now();
        if (secondsLeft.value === 0 && ticking) {
          clearInterval(ticking);
          ticking = undefined;
        }
      }, 1000);
    }
  }

  // Signing out leaves no code on screen.
  effect(() => {
    if (deps.staff.me.value === null) {
      show(null);
      kioskError.value = null;
      revoked.value = null;
    }
  });

  async function run<T>(action: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; refusal: FormRefusal }> {
    busy.value = true;
    try {
      return { ok: true, value: await action() };
    } catch (error) {
      return { ok: false, refusal: formRefusal(error) };
    } finally {
      busy.value = false;
    }
  }

  return {
    shown,
    busy,
    secondsLeft,
    kioskError,
    revoked,
    /** « Ajouter une borne »: null when added (the code is then shown), else what the form shows. */
    async add(siteId: string, label: string): Promise<FormRefusal | null> {
      const result = await run(() => api.addKiosk(siteId, label));
      if (!result.ok) return result.refusal;
      revoked.value = null;
      show({ view: result.value, reason: 'added' });
      return null;
    },
    async newCode(kiosk: EnrolKioskView): Promise<void> {
      kioskError.value = null;
      const result = await run(() => api.newCode(kiosk.id));
      if (result.ok) show({ view: result.value, reason: 'newCode' });
      else kioskError.value = { kioskId: kiosk.id, refusal: result.refusal };
    },
    /** « Retirer la borne », once confirmed; true when done. */
    async revoke(kiosk: EnrolKioskView): Promise<boolean> {
      kioskError.value = null;
      const result = await run(() => api.revoke(kiosk.id));
      if (!result.ok) {
        kioskError.value = { kioskId: kiosk.id, refusal: result.refusal };
        return false;
      }
      if (shown.value?.view.kiosk.id === kiosk.id) show(null);
      revoked.value = kiosk;
      // The calls view's kiosk list drops it at once (no event says "removed").
      deps.staff.kiosks.value = deps.staff.kiosks.value.filter((k) => k.id !== kiosk.id);
      return true;
    },
    dismiss(): void {
      show(null);
    },
  };
}

export type EnrolState = ReturnType<typeof createEnrolState>;
