import { describe, expect, it } from 'vitest';
import { can, decide, visibleSites, type Actor, type StaffAction } from '../../src/core/auth/policy';

const departement: Actor = { role: 'admin_departement', siteIds: [], dutySiteId: null };
const adminChatillon: Actor = { role: 'admin_pole', siteIds: ['chatillon'], dutySiteId: null };
const atChatillon: Actor = { role: 'mediateur', siteIds: ['chatillon', 'issy-les-moulineaux'], dutySiteId: 'chatillon' };
const offDuty: Actor = { role: 'mediateur', siteIds: ['chatillon'], dutySiteId: null };

const SITE_ACTIONS: StaffAction[] = ['site.watch', 'site.agenda.read', 'site.outbox.read', 'site.guideStats.read', 'help.claim', 'help.resolve', 'kiosk.reset'];
const ADMIN_ACTIONS: StaffAction[] = [
  'admin.open', 'fleet.watch', 'fleet.alert.handle', 'kiosk.enrol', 'kiosk.revoke', 'kiosk.command', 'account.manage',
  'referent.manage', 'referent.hours.change', 'referent.absence.change', 'motif.manage', 'settings.read', 'settings.change',
];

describe('the staff policy', () => {
  it.each(SITE_ACTIONS)('%s: an admin département anywhere, an admin de pôle at their pôles, a médiateur only where on duty', (action) => {
    expect(can(departement, action, { siteId: 'issy-les-moulineaux' })).toBe(true);
    expect(can(adminChatillon, action, { siteId: 'chatillon' })).toBe(true);
    expect(decide(adminChatillon, action, { siteId: 'issy-les-moulineaux' })).toEqual({ allowed: false, reason: 'site_not_yours' });
    expect(can(atChatillon, action, { siteId: 'chatillon' })).toBe(true);
    // One of the médiateur's pôles, but not where they are on duty.
    expect(decide(atChatillon, action, { siteId: 'issy-les-moulineaux' })).toEqual({ allowed: false, reason: 'not_on_duty_here' });
    expect(decide(atChatillon, action, { siteId: 'villeneuve-la-garenne' })).toEqual({ allowed: false, reason: 'site_not_yours' });
    expect(decide(offDuty, action, { siteId: 'chatillon' })).toEqual({ allowed: false, reason: 'not_on_duty_here' });
    // No site named is no site the médiateur is on duty at.
    expect(can(atChatillon, action, { siteId: null })).toBe(false);
  });

  it.each(ADMIN_ACTIONS)('%s: admins of the pôle only, never a médiateur', (action) => {
    expect(can(departement, action, { siteId: 'chatillon' })).toBe(true);
    expect(can(departement, action, { siteId: null })).toBe(true);
    expect(can(adminChatillon, action, { siteId: 'chatillon' })).toBe(true);
    expect(decide(adminChatillon, action, { siteId: 'issy-les-moulineaux' })).toEqual({ allowed: false, reason: 'site_not_yours' });
    expect(decide(atChatillon, action, { siteId: 'chatillon' })).toEqual({ allowed: false, reason: 'staff_forbidden' });
    expect(decide(atChatillon, action, { siteId: null })).toEqual({ allowed: false, reason: 'staff_forbidden' });
  });

  it('checks every pôle of a multi-pôle scope (an account moved between pôles)', () => {
    expect(can(adminChatillon, 'account.manage', { siteId: null, siteIds: ['chatillon'] })).toBe(true);
    expect(decide(adminChatillon, 'account.manage', { siteId: null, siteIds: ['chatillon', 'issy-les-moulineaux'] })).toEqual({ allowed: false, reason: 'site_not_yours' });
    expect(can(departement, 'account.manage', { siteId: null, siteIds: ['chatillon', 'issy-les-moulineaux'] })).toBe(true);
  });

  it('leaves the département-wide actions to admins département', () => {
    for (const action of ['account.grantDepartement', 'departement.manage'] as const) {
      expect(can(departement, action, { siteId: null })).toBe(true);
      expect(decide(adminChatillon, action, { siteId: 'chatillon' })).toEqual({ allowed: false, reason: 'staff_forbidden' });
      expect(can(atChatillon, action, { siteId: null })).toBe(false);
    }
  });

  it('lets staff go on duty at their own pôles only, and off duty always', () => {
    expect(can(offDuty, 'site.duty', { siteId: 'chatillon' })).toBe(true);
    expect(can(atChatillon, 'site.duty', { siteId: 'issy-les-moulineaux' })).toBe(true);
    expect(decide(offDuty, 'site.duty', { siteId: 'issy-les-moulineaux' })).toEqual({ allowed: false, reason: 'site_not_yours' });
    expect(can(offDuty, 'site.duty', { siteId: null })).toBe(true);
    expect(can(departement, 'site.duty', { siteId: 'issy-les-moulineaux' })).toBe(true);
  });

  it('shows each person only their pôles', () => {
    const sites = [{ id: 'chatillon' }, { id: 'issy-les-moulineaux' }, { id: 'villeneuve-la-garenne' }];
    expect(visibleSites(departement, sites).map((s) => s.id)).toEqual(['chatillon', 'issy-les-moulineaux', 'villeneuve-la-garenne']);
    expect(visibleSites(adminChatillon, sites).map((s) => s.id)).toEqual(['chatillon']);
    expect(visibleSites(atChatillon, sites).map((s) => s.id)).toEqual(['chatillon', 'issy-les-moulineaux']);
  });
});
