import { NO_HELP, type HelpSessionState } from '../../core/help/help-session';
import type { KioskContext } from '../../core/lockdown/bridge';

/**
 * What the background worker remembers, in chrome.storage.session: memory only, gone when the
 * browser stops, and kept when Chromium puts the worker to sleep between events. Borne's origin is
 * locked to the first kiosk page that spoke: an official site cannot pose as the kiosk afterwards.
 */
export interface StoredState {
  borneOrigin: string | null;
  context: KioskContext | null;
  /** The help call of the session, kept by the protocol shared with the kiosk page (src/core/help/help-session.ts). */
  help: HelpSessionState;
  lastActivity: number;
  /** Set by the bar's previous/next while the usager is away; handed to the kiosk page on return. */
  guideStep: { id: string; step: number } | null;
}

const EMPTY: StoredState = { borneOrigin: null, context: null, help: NO_HELP, lastActivity: 0, guideStep: null };
const KEY = 'borne';

export async function readState(): Promise<StoredState> {
  const got = (await chrome.storage.session.get(KEY))[KEY] as Partial<StoredState> | undefined;
  const state = { ...EMPTY, ...(got ?? {}) };
  // A state kept by an older version of the extension had another help shape: start from none.
  return typeof state.help === 'object' && state.help !== null && 'request' in state.help ? state : { ...state, help: NO_HELP };
}

let queue: Promise<unknown> = Promise.resolve();

/** Read-modify-write, one at a time: messages arrive together (activity, step, help). */
export function updateState(change: (s: StoredState) => StoredState | void): Promise<StoredState> {
  const next = queue.then(async () => {
    const current = await readState();
    const updated = change(current) ?? current;
    await chrome.storage.session.set({ [KEY]: updated });
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** The kiosk's context once its session is over: the kiosk is still known, nothing of the usager. */
function endedContext(context: KioskContext): KioskContext {
  return { ...context, inSession: false, guide: null };
}

/** Forgets everything of the session that ended (help call, guide step); returns the kiosk's context. */
export async function forgetSession(): Promise<KioskContext | null> {
  const state = await updateState((s) => ({ ...s, context: s.context ? endedContext(s.context) : null, help: NO_HELP, guideStep: null }));
  return state.context;
}
