import type { HelpSessionState } from '../core/help/help-session';
import type { KioskContext } from '../core/lockdown/bridge';

/** Between the content scripts and the background worker (chrome.runtime messages and the bar's port). */

/** One-off messages from a content script. */
export type RuntimeRequest =
  | { type: 'where' }
  | { type: 'kiosk-context'; context: KioskContext }
  | { type: 'kiosk-session-ended' };

export interface WhereAnswer {
  /** "kiosk": this page is the Borne kiosk app; "bar": an official site under a kiosk session; "none": neither. */
  role: 'kiosk' | 'bar' | 'none';
  /** On the kiosk page: the guide step changed from the bar while the usager was away. */
  guideStep: { id: string; step: number } | null;
}

/** What the bar shows: the kiosk context, the help call, and when the usager last did something. */
export interface BarState {
  context: KioskContext;
  help: HelpSessionState;
  lastActivity: number;
  ending: boolean;
}

/** From the bar to the background worker, over the port named BAR_PORT. */
export type BarRequest =
  | { type: 'ping' }
  | { type: 'activity' }
  | { type: 'step'; step: number }
  | { type: 'help' }
  | { type: 'cancel-help' }
  | { type: 'back-to-kiosk' }
  | { type: 'end-session'; why: 'terminer' | 'idle' };

export type BarUpdate = { type: 'state'; state: BarState };

export const BAR_PORT = 'borne-bar';
