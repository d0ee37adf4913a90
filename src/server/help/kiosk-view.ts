import type { HelpCall, KioskHelpView } from '../../core/help/help-call';
import { estimateWait, queuePosition, type ServiceHistory } from '../../core/help/wait-estimate';

/** How long the kiosk keeps showing how its last call ended (the client shows only its own call). */
export const ENDED_VISIBLE_MS = 10 * 60_000;
/** Service times older than this no longer say much about today's wait. */
export const HISTORY_WINDOW_MS = 14 * 24 * 3600_000;

/**
 * What a kiosk's help view needs to know of its pôle, read once per pôle and per event and
 * shared by all its kiosks: who is on duty, and (only when some kiosk waits) the queue and the
 * recent service times.
 */
export interface SiteHelpFacts {
  onDutyCount: number;
  /** The pôle's waiting calls, or null when no kiosk of those asking has a waiting call. */
  waiting: readonly HelpCall[] | null;
  history: ServiceHistory | null;
}

/** A call the kiosk still shows: open, or ended less than ENDED_VISIBLE_MS ago. */
export function visibleCall(call: HelpCall | null | undefined, now: Date): HelpCall | null {
  if (!call) return null;
  if (call.endedAt === null) return call;
  return Date.parse(call.endedAt) >= now.getTime() - ENDED_VISIBLE_MS ? call : null;
}

/** The kiosk's view of its own call, from the call and its pôle's facts (no query). */
export function kioskViewOf(current: HelpCall | null | undefined, facts: SiteHelpFacts, now: Date): KioskHelpView {
  const call = visibleCall(current, now);
  if (!call) return { call: null, onDutyCount: facts.onDutyCount, position: null, estimatedWait: null };
  const view: KioskHelpView = {
    call: {
      id: call.id,
      status: call.status,
      createdAt: call.createdAt,
      claimedByFirstName: call.claimedBy?.firstName ?? null,
      escalated: call.escalatedAt !== null,
      outcome: call.outcome,
    },
    onDutyCount: facts.onDutyCount,
    position: null,
    estimatedWait: null,
  };
  if (call.status !== 'waiting' || !facts.waiting) return view;
  const position = queuePosition(facts.waiting, call.id);
  const history = facts.history ?? { responseSeconds: [], handlingSeconds: [] };
  return { ...view, position, estimatedWait: position ? estimateWait({ position, onDuty: facts.onDutyCount, history }) : null };
}
