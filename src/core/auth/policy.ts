import type { StaffMe } from '../api/staff-auth';

/**
 * Who may do what, decided in one place. Routes and services ask `decide()` (the server turns a
 * refusal into its API error) and screens ask `can()` to show only what will be accepted, so a
 * rule changes here once instead of drifting apart in each feature.
 *
 * Today a staff member is a médiateur or an admin, and a médiateur works at the site they marked
 * themselves on duty at. When staff belong to pôles (mediateur / admin-pole / admin-departement),
 * the Actor gains its pôles and the rules below change; the callers do not.
 */
export type StaffRole = StaffMe['role'];

export interface Actor {
  role: StaffRole;
  /** The site the person marked themselves on duty at, or null. */
  dutySiteId: string | null;
}

export type StaffAction =
  /** Mark oneself on duty at a site (or off duty). */
  | 'site.duty'
  /** Open the site's live stream: calls, kiosks, who is on duty. */
  | 'site.watch'
  | 'site.agenda.read'
  | 'site.outbox.read'
  | 'site.guideStats.read'
  | 'help.claim'
  | 'help.resolve'
  /** End a kiosk's usager session remotely. */
  | 'kiosk.reset'
  | 'referent.hours.change'
  | 'referent.absence.change';

export interface Scope {
  /** The site the action is about (the référent's site for référent changes). */
  siteId: string | null;
}

/** The reasons a refusal gives; they are codes of the API error catalogue. */
export type Refusal = 'staff_forbidden' | 'not_on_duty_here';
export type Decision = { allowed: true } | { allowed: false; reason: Refusal };

type Rule = 'anyStaff' | 'adminOrOnDutyHere' | 'admin';

const RULES: Record<StaffAction, Rule> = {
  'site.duty': 'anyStaff',
  'site.watch': 'adminOrOnDutyHere',
  'site.agenda.read': 'adminOrOnDutyHere',
  'site.outbox.read': 'adminOrOnDutyHere',
  'site.guideStats.read': 'adminOrOnDutyHere',
  'help.claim': 'adminOrOnDutyHere',
  'help.resolve': 'adminOrOnDutyHere',
  'kiosk.reset': 'adminOrOnDutyHere',
  'referent.hours.change': 'admin',
  'referent.absence.change': 'admin',
};

const ALLOWED: Decision = { allowed: true };

export function decide(actor: Actor, action: StaffAction, scope: Scope): Decision {
  const rule = RULES[action];
  if (rule === 'anyStaff' || actor.role === 'admin') return ALLOWED;
  if (rule === 'admin') return { allowed: false, reason: 'staff_forbidden' };
  // A médiateur acts where they said they are on duty, and nowhere else.
  return scope.siteId !== null && actor.dutySiteId === scope.siteId ? ALLOWED : { allowed: false, reason: 'not_on_duty_here' };
}

export function can(actor: Actor, action: StaffAction, scope: Scope): boolean {
  return decide(actor, action, scope).allowed;
}

/** Whether the rule of an action needs to know where the person is on duty (saves a lookup). */
export function needsDuty(actor: Pick<Actor, 'role'>, action: StaffAction): boolean {
  return actor.role !== 'admin' && RULES[action] === 'adminOrOnDutyHere';
}
