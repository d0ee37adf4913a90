/**
 * Who may do what, decided in one place. Routes and services ask `decide()` (the server turns a
 * refusal into its API error) and screens ask `can()` to show only what will be accepted, so a
 * rule changes here once instead of drifting apart in each feature.
 *
 * Three roles. A médiateur answers calls and watches the kiosks of the pôles they belong to,
 * where they marked themselves on duty. An admin de pôle runs their pôles: kiosks, fleet,
 * accounts, référents, motifs, settings. An admin département runs every pôle.
 */
export const STAFF_ROLES = ['mediateur', 'admin_pole', 'admin_departement'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Actor {
  role: StaffRole;
  /** The pôles the person belongs to (an admin département acts on every pôle whatever this says). */
  siteIds: readonly string[];
  /** The site the person marked themselves on duty at, or null. */
  dutySiteId: string | null;
}

export type StaffAction =
  /** Mark oneself on duty at a site (scope.siteId null: off duty). */
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
  /** Open « Administration » (scope.siteId null: any pôle at all). */
  | 'admin.open'
  /** « Parc des bornes »: every kiosk of the pôle, and its alerts. */
  | 'fleet.watch'
  | 'fleet.alert.handle'
  /** « Ajouter une borne », a new enrolment code, « Retirer la borne ». */
  | 'kiosk.enrol'
  | 'kiosk.revoke'
  /** « Recharger », « Mettre hors service », « Remettre en service ». */
  | 'kiosk.command'
  /** « Comptes »: scope.siteIds are the pôles of the account before and after the change. */
  | 'account.manage'
  /** Make or keep someone admin département: only an admin département may. */
  | 'account.grantDepartement'
  | 'referent.manage'
  | 'referent.hours.change'
  | 'referent.absence.change'
  | 'motif.manage'
  /** « Réglages du pôle ». */
  | 'settings.read'
  | 'settings.change'
  /** Create a pôle, or act on the département as a whole (config import and export). */
  | 'departement.manage';

export interface Scope {
  /** The site the action is about (the référent's site for référent changes). */
  siteId: string | null;
  /** For an action on several pôles at once (an account's pôles): each must be allowed. */
  siteIds?: readonly string[];
}

/** The reasons a refusal gives; they are codes of the API error catalogue. */
export type Refusal = 'staff_forbidden' | 'not_on_duty_here' | 'site_not_yours';
export type Decision = { allowed: true } | { allowed: false; reason: Refusal };

type Rule =
  /** Any signed-in staff member; for 'site.duty', at one of their pôles. */
  | 'memberOrNone'
  /** Admins of the pôle; a médiateur of the pôle once on duty there. */
  | 'onDutyHere'
  /** Admins of the pôle (an admin de pôle for their pôles, an admin département everywhere). */
  | 'adminHere'
  | 'departement';

const RULES: Record<StaffAction, Rule> = {
  'site.duty': 'memberOrNone',
  'site.watch': 'onDutyHere',
  'site.agenda.read': 'onDutyHere',
  'site.outbox.read': 'onDutyHere',
  'site.guideStats.read': 'onDutyHere',
  'help.claim': 'onDutyHere',
  'help.resolve': 'onDutyHere',
  'kiosk.reset': 'onDutyHere',
  'admin.open': 'adminHere',
  'fleet.watch': 'adminHere',
  'fleet.alert.handle': 'adminHere',
  'kiosk.enrol': 'adminHere',
  'kiosk.revoke': 'adminHere',
  'kiosk.command': 'adminHere',
  'account.manage': 'adminHere',
  'account.grantDepartement': 'departement',
  'referent.manage': 'adminHere',
  'referent.hours.change': 'adminHere',
  'referent.absence.change': 'adminHere',
  'motif.manage': 'adminHere',
  'settings.read': 'adminHere',
  'settings.change': 'adminHere',
  'departement.manage': 'departement',
};

const ALLOWED: Decision = { allowed: true };
const FORBIDDEN: Decision = { allowed: false, reason: 'staff_forbidden' };
const NOT_YOURS: Decision = { allowed: false, reason: 'site_not_yours' };

export function isAdmin(role: StaffRole): boolean {
  return role === 'admin_pole' || role === 'admin_departement';
}

/** The pôles a scope names: its site and its sites. */
function scopeSites(scope: Scope): string[] {
  return [...(scope.siteId !== null ? [scope.siteId] : []), ...(scope.siteIds ?? [])];
}

export function decide(actor: Actor, action: StaffAction, scope: Scope): Decision {
  const rule = RULES[action];
  const sites = scopeSites(scope);
  const member = sites.every((s) => actor.siteIds.includes(s));
  if (rule === 'memberOrNone') return actor.role === 'admin_departement' || member ? ALLOWED : NOT_YOURS;
  if (actor.role === 'admin_departement') return ALLOWED;
  if (rule === 'departement') return FORBIDDEN;
  if (rule === 'adminHere') {
    if (actor.role !== 'admin_pole') return FORBIDDEN;
    // With no pôle named, the question is "may this person administer anything at all".
    return sites.length === 0 ? (actor.siteIds.length > 0 ? ALLOWED : NOT_YOURS) : member ? ALLOWED : NOT_YOURS;
  }
  // onDutyHere: the action is about one pôle, which must be the person's.
  if (sites.length === 0 || !member) return NOT_YOURS;
  if (actor.role === 'admin_pole') return ALLOWED;
  // A médiateur acts where they said they are on duty, and nowhere else.
  return actor.dutySiteId === scope.siteId ? ALLOWED : { allowed: false, reason: 'not_on_duty_here' };
}

export function can(actor: Actor, action: StaffAction, scope: Scope): boolean {
  return decide(actor, action, scope).allowed;
}

/** Whether the rule of an action needs to know where the person is on duty (saves a lookup). */
export function needsDuty(actor: Pick<Actor, 'role'>, action: StaffAction): boolean {
  return actor.role === 'mediateur' && RULES[action] === 'onDutyHere';
}

/** The pôles a person may act on, out of all of them: an admin département, all; others, theirs. */
export function visibleSites<T extends { id: string }>(actor: Pick<Actor, 'role' | 'siteIds'>, sites: Iterable<T>): T[] {
  return [...sites].filter((s) => actor.role === 'admin_departement' || actor.siteIds.includes(s.id));
}
