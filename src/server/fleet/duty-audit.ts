import type { FastifyRequest } from 'fastify';
import { clientAddress, recordStaffAction } from '../audit/staff-audit';
import type { StaffUser } from '../auth/staff.repository';
import type { AppContext } from '../context';

/**
 * Keeps who went on or off duty where, when and from which address: kiosks tell usagers how many
 * médiateurs see their call, so a duty is a fact the pôle may need to check afterwards.
 * Moving from one site to another is kept as going on duty at the new one (`before`: the old).
 */
export async function auditDutyChange(ctx: AppContext, staff: StaffUser, before: string | null, after: string | null, request: Pick<FastifyRequest, 'ip'>): Promise<void> {
  if (before === after) return;
  const entry = { staffId: staff.id, before: { siteId: before }, after: { siteId: after }, address: clientAddress(request), at: ctx.clock() };
  if (after === null) await recordStaffAction(ctx.db, { ...entry, action: 'duty_off', siteId: before });
  else await recordStaffAction(ctx.db, { ...entry, action: 'duty_on', siteId: after });
}
