import type { Language } from '../i18n/languages';
import type { HelpContext } from './help-call.schema';

export type { CreateHelpCallBody, HelpContext } from './help-call.schema';

/** waiting → claimed → resolved, or cancelled by the usager, or expired when nobody came. */
export const HELP_CALL_STATUSES = ['waiting', 'claimed', 'resolved', 'cancelled', 'expired'] as const;
export type HelpCallStatus = (typeof HELP_CALL_STATUSES)[number];
export const OPEN_STATUSES: readonly HelpCallStatus[] = ['waiting', 'claimed'];

/** How a médiateur closes a call; feeds the usage statistics. */
export const HELP_OUTCOMES = ['helped', 'redirected_accueil', 'appointment_offered', 'usager_left', 'other'] as const;
export type HelpOutcome = (typeof HELP_OUTCOMES)[number];

/** Screens a kiosk can report; the console translates them. Unknown screens are refused. */
export const KIOSK_SCREENS = ['home', 'help', 'identify', 'dossier', 'booking', 'guides', 'guide'] as const;
export type KioskScreen = (typeof KIOSK_SCREENS)[number];

export interface HelpCall {
  id: string;
  siteId: string;
  kioskId: string;
  status: HelpCallStatus;
  context: HelpContext;
  createdAt: string;
  escalatedAt: string | null;
  claimedAt: string | null;
  claimedBy: { staffId: string; firstName: string } | null;
  endedAt: string | null;
  outcome: HelpOutcome | null;
}

export type HelpAction =
  | { type: 'claim'; staffId: string; firstName: string }
  | { type: 'resolve'; outcome: HelpOutcome }
  | { type: 'cancel' }
  | { type: 'escalate' }
  | { type: 'expire' };

export type TransitionResult = { ok: true; call: HelpCall } | { ok: false; reason: 'already_claimed' | 'not_open' | 'not_claimed' };

export function isOpen(call: Pick<HelpCall, 'status'>): boolean {
  return OPEN_STATUSES.includes(call.status);
}

/** The only place that decides which change a call may take; the repository persists the result. */
export function transition(call: HelpCall, action: HelpAction, now: Date): TransitionResult {
  const at = now.toISOString();
  switch (action.type) {
    case 'claim':
      if (call.status === 'claimed') return { ok: false, reason: 'already_claimed' };
      if (call.status !== 'waiting') return { ok: false, reason: 'not_open' };
      return { ok: true, call: { ...call, status: 'claimed', claimedAt: at, claimedBy: { staffId: action.staffId, firstName: action.firstName } } };
    case 'resolve':
      if (call.status === 'waiting') return { ok: false, reason: 'not_claimed' };
      if (call.status !== 'claimed') return { ok: false, reason: 'not_open' };
      return { ok: true, call: { ...call, status: 'resolved', endedAt: at, outcome: action.outcome } };
    case 'cancel':
      if (!isOpen(call)) return { ok: false, reason: 'not_open' };
      return { ok: true, call: { ...call, status: 'cancelled', endedAt: at } };
    case 'escalate':
      if (call.status !== 'waiting' || call.escalatedAt) return { ok: false, reason: 'not_open' };
      return { ok: true, call: { ...call, escalatedAt: at } };
    case 'expire':
      if (call.status !== 'waiting') return { ok: false, reason: 'not_open' };
      return { ok: true, call: { ...call, status: 'expired', endedAt: at } };
  }
}

/** Which timed change, if any, is due for a waiting call at `now`. */
export function dueTimedAction(call: HelpCall, now: Date, policy: { escalationMinutes: number; expiryMinutes: number }): 'escalate' | 'expire' | null {
  if (call.status !== 'waiting') return null;
  const waitedMs = now.getTime() - Date.parse(call.createdAt);
  if (waitedMs >= policy.expiryMinutes * 60_000) return 'expire';
  if (!call.escalatedAt && waitedMs >= policy.escalationMinutes * 60_000) return 'escalate';
  return null;
}

/** What the kiosk shows while its call is open: honest, and nothing about other usagers. */
export interface KioskHelpView {
  call: { id: string; status: HelpCallStatus; createdAt: string; claimedByFirstName: string | null; escalated: boolean; outcome: HelpOutcome | null } | null;
  onDutyCount: number;
  position: number | null;
  estimatedWait: { minMinutes: number; maxMinutes: number } | null;
}

export function languageOf(call: HelpCall): Language {
  return call.context.language;
}
