import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import type { AccountView, AccountWithSetup } from '../../src/core/api/accounts';
import { listStaffActions } from '../../src/server/audit/staff-audit';
import { addStaff, errorCode } from '../support/help';
import { fixedClock, staffCookie, startTestServer, type TestServer } from '../support/server';

/** « Comptes » (issue 10 item 6): every route for every role, through the one policy. */
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer;
const clock = fixedClock('2026-11-23T09:00:00.000Z');
type Cookie = { cookie: string };
let admin: Cookie, nadia: Cookie, karim: Cookie;

beforeAll(async () => {
  server = await startTestServer({ clock });
  [admin, nadia, karim] = await Promise.all([staffCookie(server.app, 'admin'), staffCookie(server.app, 'adminpole'), staffCookie(server.app)]);
});
afterAll(() => server.close());
beforeEach(() => clock.set('2026-11-23T09:00:00.000Z'));

const inject = (cookie: Cookie | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) =>
  server.app.inject({ method, url, headers: cookie ?? {}, ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}) });
const list = async (cookie: Cookie) => (await inject(cookie, 'GET', '/api/staff/accounts')).json<AccountView[]>();
const byName = async (username: string) => (await list(admin)).find((a) => a.username === username)!;
let n = 0;
/** A fresh médiateur made by the admin département, at `siteIds`. */
async function made(siteIds: string[], role: AccountView['role'] = 'mediateur'): Promise<AccountView> {
  const res = await inject(admin, 'POST', '/api/staff/accounts', { username: `agent.${++n}`, firstName: 'Inès', role, siteIds });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AccountWithSetup>().account;
}
const put = (cookie: Cookie, a: AccountView, change: Partial<Pick<AccountView, 'firstName' | 'role' | 'siteIds'>>) =>
  inject(cookie, 'PUT', `/api/staff/accounts/${a.id}`, { firstName: a.firstName, role: a.role, siteIds: a.siteIds, version: a.version, ...change });
const refusal = (res: LightMyRequestResponse) => `${res.statusCode} ${errorCode(res)}`;

describe('who may manage accounts', () => {
  it('refuses every route to a médiateur (403) and to nobody signed in (401)', async () => {
    const target = await made(['chatillon']);
    const routes: [string, 'GET' | 'POST' | 'PUT', string, unknown?][] = [
      ['list', 'GET', '/api/staff/accounts'],
      ['create', 'POST', '/api/staff/accounts', { username: 'x.new', firstName: 'X', role: 'mediateur', siteIds: ['chatillon'] }],
      ['update', 'PUT', `/api/staff/accounts/${target.id}`, { firstName: 'Y', role: 'mediateur', siteIds: ['chatillon'], version: target.version }],
      ['disable', 'POST', `/api/staff/accounts/${target.id}/disable`],
      ['enable', 'POST', `/api/staff/accounts/${target.id}/enable`],
      ['reset', 'POST', `/api/staff/accounts/${target.id}/password-reset`],
    ];
    for (const [name, method, url, payload] of routes) {
      expect(`${name} ${refusal(await inject(karim, method, url, payload))}`).toBe(`${name} 403 staff_forbidden`);
      expect(`${name} ${refusal(await inject(null, method, url, payload))}`).toBe(`${name} 401 staff_unauthenticated`);
    }
    expect(await byName(target.username)).toEqual(target);
  });

  it("refuses an admin de pôle another pôle's accounts (403 site_not_yours), and hides them", async () => {
    const issy = await made(['issy-les-moulineaux']);
    expect((await list(nadia)).some((a) => a.id === issy.id)).toBe(false);
    expect(refusal(await put(nadia, issy, { firstName: 'Autre' }))).toBe('403 site_not_yours');
    expect(refusal(await put(nadia, issy, { siteIds: ['chatillon'] }))).toBe('403 site_not_yours');
    for (const action of ['disable', 'enable', 'password-reset']) {
      expect(`${action} ${refusal(await inject(nadia, 'POST', `/api/staff/accounts/${issy.id}/${action}`))}`).toBe(`${action} 403 site_not_yours`);
    }
    const create = await inject(nadia, 'POST', '/api/staff/accounts', { username: 'issy.agent', firstName: 'Lou', role: 'mediateur', siteIds: ['chatillon', 'issy-les-moulineaux'] });
    expect(refusal(create)).toBe('403 site_not_yours');
    expect(await byName(issy.username)).toEqual(issy);
  });

  it('lets an admin de pôle run the accounts of their pôle, but never grant admin département', async () => {
    const created = await inject(nadia, 'POST', '/api/staff/accounts', { username: 'Sami.R', firstName: ' Sami ', role: 'mediateur', siteIds: ['chatillon'] });
    expect(created.statusCode, created.body).toBe(201);
    const { account } = created.json<AccountWithSetup>();
    expect(account).toMatchObject({ username: 'sami.r', firstName: 'Sami', role: 'mediateur', siteIds: ['chatillon'], disabled: false, hasPassword: false, version: 1 });
    expect((await list(nadia)).map((a) => a.username)).toContain('sami.r');

    const renamed = await put(nadia, account, { firstName: 'Samir', role: 'admin_pole' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<AccountView>()).toMatchObject({ firstName: 'Samir', role: 'admin_pole', version: 2 });
    expect(refusal(await put(nadia, renamed.json<AccountView>(), { role: 'admin_departement' }))).toBe('403 staff_forbidden');
    const grant = await inject(nadia, 'POST', '/api/staff/accounts', { username: 'chef', firstName: 'Chef', role: 'admin_departement', siteIds: [] });
    expect(refusal(grant)).toBe('403 staff_forbidden');

    for (const action of ['disable', 'enable', 'password-reset']) {
      expect(`${action} ${(await inject(nadia, 'POST', `/api/staff/accounts/${account.id}/${action}`)).statusCode}`).toBe(`${action} 200`);
    }
    // An admin département's account is not theirs to touch either.
    const claire = await byName('admin');
    expect(refusal(await inject(nadia, 'POST', `/api/staff/accounts/${claire.id}/disable`))).toBe('403 site_not_yours');
  });

  it("shows an admin de pôle only their pôles of a shared account; they change those, not the person's name", async () => {
    const shared = await made(['chatillon', 'issy-les-moulineaux']);
    const seen = (await list(nadia)).find((a) => a.id === shared.id)!;
    expect(seen.siteIds).toEqual(['chatillon']);
    expect(refusal(await put(nadia, seen, { firstName: 'Renamed' }))).toBe('403 site_not_yours');
    expect(refusal(await inject(nadia, 'POST', `/api/staff/accounts/${shared.id}/disable`))).toBe('403 site_not_yours');
    // Taking them off Châtillon leaves Issy as it was: she never saw it.
    const removed = await put(nadia, seen, { siteIds: [] });
    expect(removed.statusCode, removed.body).toBe(200);
    expect((await byName(shared.username)).siteIds).toEqual(['issy-les-moulineaux']);
    expect((await list(nadia)).some((a) => a.id === shared.id)).toBe(false);
  });

  it('lets an admin département do everything, everywhere, audited before and after without secrets', async () => {
    const a = await made(['issy-les-moulineaux']);
    const up = await put(admin, a, { role: 'admin_departement', siteIds: [] });
    expect(up.statusCode, up.body).toBe(200);
    for (const action of ['password-reset', 'disable', 'enable']) {
      expect(`${action} ${(await inject(admin, 'POST', `/api/staff/accounts/${a.id}/${action}`)).statusCode}`).toBe(`${action} 200`);
    }
    const audit = (await listStaffActions(server.store.db)).filter((r) => r.target === a.id).reverse();
    expect(audit.map((r) => r.action)).toEqual(['account_create', 'account_update', 'account_password_reset', 'account_disable', 'account_enable']);
    expect(audit[1]).toMatchObject({ before: { role: 'mediateur', siteIds: ['issy-les-moulineaux'] }, after: { role: 'admin_departement', siteIds: [] } });
    expect(audit[3]).toMatchObject({ before: { disabled: false }, after: { disabled: true } });
    expect(JSON.stringify(audit)).not.toMatch(/password_hash|scrypt|code/);
    // Back to médiateur: the last-admin test counts the admins département.
    expect((await put(admin, await byName(a.username), { role: 'mediateur', siteIds: ['chatillon'] })).statusCode).toBe(200);
  });
});

describe('account rules', () => {
  it('refuses bad input field by field (400), never a 500', async () => {
    const post = (body: unknown) => inject(admin, 'POST', '/api/staff/accounts', body);
    const fields = async (res: LightMyRequestResponse) => {
      expect(res.statusCode, res.body).toBe(400);
      return res.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path);
    };
    expect(await fields(await post({ username: 'a b', firstName: '', role: 'boss', siteIds: 'x' }))).toEqual(['username', 'firstName', 'role', 'siteIds']);
    expect(await fields(await post({ username: 'ok.name', firstName: 'Ok', role: 'mediateur', siteIds: ['chatillon', 'nowhere'] }))).toEqual(['siteIds.1']);
    const twice = await post({ username: 'twice', firstName: 'Deux', role: 'mediateur', siteIds: ['chatillon', 'chatillon'] });
    expect(twice.statusCode, twice.body).toBe(201);
    expect(twice.json<AccountWithSetup>().account.siteIds).toEqual(['chatillon']);
    expect(await fields(await post({ username: 'ok.name', firstName: 'Ok', role: 'admin_pole', siteIds: [] }))).toEqual(['siteIds']);
    expect(await fields(await post({ username: 'ok.name', firstName: 'Ok', role: 'mediateur', siteIds: ['chatillon'], password: 'x' }))).toEqual(['(body)']);
    const a = await made(['chatillon']);
    expect(await fields(await inject(admin, 'PUT', `/api/staff/accounts/${a.id}`, { firstName: 'Ok', role: 'mediateur', siteIds: ['chatillon'] }))).toEqual(['version']);
    expect(refusal(await inject(admin, 'PUT', '/api/staff/accounts/nobody', { firstName: 'Ok', role: 'mediateur', siteIds: ['chatillon'], version: 1 }))).toBe('404 account_not_found');
    expect(refusal(await inject(admin, 'POST', '/api/staff/accounts/nobody/disable'))).toBe('404 account_not_found');
    expect((await server.app.inject({ method: 'POST', url: '/api/staff/accounts', headers: { ...admin, 'content-type': 'application/json' }, payload: '{' })).statusCode).toBe(400);
  });

  it('refuses a username already taken, even by a disabled account (409, on the field)', async () => {
    const a = await made(['chatillon']);
    await inject(admin, 'POST', `/api/staff/accounts/${a.id}/disable`);
    for (const username of ['mediateur', a.username, a.username.toUpperCase()]) {
      const res = await inject(admin, 'POST', '/api/staff/accounts', { username, firstName: 'Bis', role: 'mediateur', siteIds: ['chatillon'] });
      expect(refusal(res)).toBe('409 username_taken');
      expect(res.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe('username');
    }
  });

  it('refuses a save based on an old version (409) with the account as it is now', async () => {
    const a = await made(['chatillon']);
    expect((await put(admin, a, { firstName: 'Premier' })).statusCode).toBe(200);
    const stale = await put(nadia, a, { firstName: 'Second' });
    expect(stale.statusCode).toBe(409);
    const body = stale.json<{ error: { code: string; current: AccountView; details: { version: number } } }>().error;
    expect(body).toMatchObject({ code: 'version_conflict', current: { firstName: 'Premier', version: 2 }, details: { version: 2 } });
    expect((await byName(a.username)).firstName).toBe('Premier');
  });

  it('keeps the last active admin département, and nobody disables or demotes themselves', async () => {
    const claire = await byName('admin');
    expect(refusal(await inject(admin, 'POST', `/api/staff/accounts/${claire.id}/disable`))).toBe('409 last_admin_departement');
    expect(refusal(await put(admin, claire, { role: 'admin_pole', siteIds: ['chatillon'] }))).toBe('409 last_admin_departement');
    await addStaff(server, 'second.admin', 'Paul', 'admin_departement', []);
    expect(refusal(await inject(admin, 'POST', `/api/staff/accounts/${claire.id}/disable`))).toBe('409 account_self');
    expect(refusal(await put(admin, claire, { role: 'mediateur', siteIds: ['chatillon'] }))).toBe('409 account_self');
    expect(refusal(await inject(admin, 'POST', `/api/staff/accounts/${claire.id}/password-reset`))).toBe('409 account_self');
    const paul = await staffCookie(server.app, 'second.admin');
    expect((await inject(paul, 'POST', `/api/staff/accounts/${claire.id}/disable`)).statusCode).toBe(200);
    // Paul is now the last one: Claire (disabled) does not count.
    const paulAccount = await byNameAs(paul, 'second.admin');
    expect(refusal(await put(paul, paulAccount, { role: 'admin_pole', siteIds: ['chatillon'] }))).toBe('409 last_admin_departement');
    expect((await inject(paul, 'POST', `/api/staff/accounts/${claire.id}/enable`)).statusCode).toBe(200);
    admin = await staffCookie(server.app, 'admin');
    expect((await put(admin, await byName('admin'), { firstName: 'Claire-Marie' })).statusCode).toBe(200);
  });
});

async function byNameAs(cookie: Cookie, username: string): Promise<AccountView> {
  return (await list(cookie)).find((a) => a.username === username)!;
}
