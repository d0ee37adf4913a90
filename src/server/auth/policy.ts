import { decide, needsDuty, type Scope, type StaffAction } from '../../core/auth/policy';
import { apiError } from '../errors';
import { dutyOf } from '../fleet/duty.repository';
import type { Db } from '../store/db';
import type { StaffUser } from './staff.repository';

/**
 * The server's side of the policy (src/core/auth/policy.ts): reads what the rule needs (where
 * the person is on duty) and throws the refusal as an API error. Every staff route and service
 * asks this before acting; none writes its own role or duty check.
 */
export async function authorize(db: Db, staff: StaffUser, action: StaffAction, scope: Scope): Promise<void> {
  const dutySiteId = needsDuty(staff, action) ? ((await dutyOf(db, staff.id)) ?? null) : null;
  const decision = decide({ role: staff.role, siteIds: staff.siteIds, dutySiteId }, action, scope);
  if (!decision.allowed) throw apiError(decision.reason);
}
