import { describe, expect, it } from 'vitest';
import { can, decide, type Actor, type StaffAction } from '../../src/core/auth/policy';

const admin: Actor = { role: 'admin', dutySiteId: null };
const atChatillon: Actor = { role: 'mediateur', dutySiteId: 'chatillon' };
const offDuty: Actor = { role: 'mediateur', dutySiteId: null };

const SITE_ACTIONS: StaffAction[] = ['site.watch', 'site.agenda.read', 'site.outbox.read', 'site.guideStats.read', 'help.claim', 'help.resolve', 'kiosk.reset'];
const ADMIN_ACTIONS: StaffAction[] = ['referent.hours.change', 'referent.absence.change'];

describe('the staff policy', () => {
  it.each(SITE_ACTIONS)('%s: an admin anywhere, a médiateur only at the site they are on duty at', (action) => {
    expect(can(admin, action, { siteId: 'issy-les-moulineaux' })).toBe(true);
    expect(can(atChatillon, action, { siteId: 'chatillon' })).toBe(true);
    expect(decide(atChatillon, action, { siteId: 'issy-les-moulineaux' })).toEqual({ allowed: false, reason: 'not_on_duty_here' });
    expect(decide(offDuty, action, { siteId: 'chatillon' })).toEqual({ allowed: false, reason: 'not_on_duty_here' });
    // No site named is no site the médiateur is on duty at.
    expect(can(atChatillon, action, { siteId: null })).toBe(false);
  });

  it.each(ADMIN_ACTIONS)('%s: admins only, whatever the duty', (action) => {
    expect(can(admin, action, { siteId: 'chatillon' })).toBe(true);
    expect(can(admin, action, { siteId: null })).toBe(true);
    expect(decide(atChatillon, action, { siteId: 'chatillon' })).toEqual({ allowed: false, reason: 'staff_forbidden' });
  });

  it('lets any staff member mark themselves on duty', () => {
    expect(can(offDuty, 'site.duty', { siteId: 'chatillon' })).toBe(true);
    expect(can(atChatillon, 'site.duty', { siteId: 'issy-les-moulineaux' })).toBe(true);
  });
});
