import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountWithSetup, SetupInfo } from '../../src/core/api/accounts';
import { DUMMY_HASH, verifyPassword } from '../../src/server/auth/password';
import { SETUP_FAILURES_MAX } from '../../src/server/auth/accounts.service';
import { errorCode, onDuty } from '../support/help';
import { fixedClock, staffCookie, startTestServer, type TestServer } from '../support/server';
import { openSse, type SseClient } from '../support/sse';

/** « Comptes »: the one-time setup link, disabling and forcing a new password (issue 10 item 6). */
vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer;
const clock = fixedClock('2026-11-23T09:00:00.000Z');
const verified: string[] = [];
const clients: SseClient[] = [];

beforeEach(async () => {
  clock.set('2026-11-23T09:00:00.000Z');
  verified.length = 0;
  server = await startTestServer({ clock, signIn: { verifyPassword: (password, stored) => (verified.push(stored), verifyPassword(password, stored)) } });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  server.app.server.closeAllConnections();
  await server.close();
});

const PASSWORD = 'un mot de passe long';
const signIn = (username: string, password: string) => server.app.inject({ method: 'POST', url: '/api/staff/session', payload: { username, password } });
const setupInfo = (code: string) => server.app.inject({ method: 'GET', url: `/api/staff/setup/${encodeURIComponent(code)}` });
const setup = (code: string, password = PASSWORD) => server.app.inject({ method: 'POST', url: '/api/staff/setup', payload: { code, password } });

async function create(username = 'ines.m', siteIds = ['chatillon']): Promise<AccountWithSetup> {
  const res = await server.app.inject({ method: 'POST', url: '/api/staff/accounts', headers: await staffCookie(server.app, 'admin'), payload: { username, firstName: 'Inès', role: 'mediateur', siteIds } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<AccountWithSetup>();
}

describe('the setup link', () => {
  it('is shown once, opens the right account once, and lets the person sign in with the password they chose', async () => {
    const { account, setup: link } = await create();
    expect(link.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(link.url).toBe(`http://localhost/staff/#/setup/${link.code}`);
    expect(link.expiresAt).toBe('2026-11-26T09:00:00.000Z');
    expect(account).toMatchObject({ hasPassword: false, setupExpiresAt: link.expiresAt });

    // No password yet: refused like a wrong one, after the same (dummy) hash.
    expect(errorCode(await signIn('ines.m', ''.padEnd(12, 'x')))).toBe('staff_bad_credentials');
    expect(verified).toContain(DUMMY_HASH);

    const info = await setupInfo(link.code.toLowerCase().replaceAll('-', ''));
    expect(info.statusCode, info.body).toBe(200);
    expect(info.json<SetupInfo>()).toEqual({ username: 'ines.m', firstName: 'Inès', expiresAt: link.expiresAt });

    const short = await setup(link.code, 'court');
    expect(short.statusCode).toBe(400);
    expect(short.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields).toEqual([{ path: 'password', message: 'a password has at least 10 characters' }]);

    const done = await setup(link.code);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ username: 'ines.m' });
    expect((await signIn('ines.m', PASSWORD)).statusCode).toBe(200);

    // Used: the same answer as an unknown code, for reading and for setting.
    const again = await setup(link.code, 'un autre mot de passe');
    expect(errorCode(again)).toBe('setup_code_invalid');
    expect(again.statusCode).toBe(404);
    expect(errorCode(await setupInfo(link.code))).toBe('setup_code_invalid');
    expect((await signIn('ines.m', PASSWORD)).statusCode).toBe(200);
  });

  it('expires after 72 hours with the same message as an unknown code', async () => {
    const { setup: link } = await create();
    clock.advance(72 * 3600_000 - 1000);
    expect((await setupInfo(link.code)).statusCode).toBe(200);
    clock.advance(1000);
    const expired = await setupInfo(link.code);
    const unknown = await setupInfo('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(expired.statusCode).toBe(404);
    expect(expired.json()).toEqual(unknown.json());
    expect(errorCode(await setup(link.code))).toBe('setup_code_invalid');
  });

  it('is stored only as a keyed hash: nothing in the database gives the code back', async () => {
    const { account, setup: link } = await create();
    const rows = await server.store.db.selectFrom('account_setup_codes').selectAll().execute();
    expect(rows).toEqual([expect.objectContaining({ staff_id: account.id, used_at: null })]);
    expect(rows[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    await setup(link.code);
    const tables = ['account_setup_codes', 'staff_users', 'staff_audit', 'staff_sessions', 'events', 'settings'] as const;
    const plain = link.code.replaceAll('-', '');
    for (const table of tables) {
      const dump = JSON.stringify(await server.store.db.selectFrom(table).selectAll().execute());
      expect(dump, table).not.toContain(link.code);
      expect(dump, table).not.toContain(plain);
      expect(dump, table).not.toContain(PASSWORD);
    }
  });

  it('is rate-limited per address: after too many wrong codes, even a right one waits (429)', async () => {
    const { setup: link } = await create();
    for (let i = 0; i < SETUP_FAILURES_MAX; i++) expect(errorCode(await setupInfo(`WRONG-${i}`))).toBe('setup_code_invalid');
    const limited = await setup(link.code);
    expect(limited.statusCode).toBe(429);
    expect(limited.json<{ error: { details: { retryAfterSeconds: number } } }>().error.details.retryAfterSeconds).toBe(15 * 60);
    expect(errorCode(await setupInfo(link.code))).toBe('rate_limited');
    clock.advance(15 * 60_000);
    expect((await setup(link.code)).statusCode).toBe(200);
  });
});

describe('disabling and forcing a new password', () => {
  it("ends a disabled person's session, duty and stream at once; they cannot sign in until re-enabled", async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const karim = await onDuty(server, 'chatillon');
    const nadia = await staffCookie(server.app, 'adminpole');
    const streams = [await openSse(`${base}/api/staff/sites/chatillon/stream`, karim), await openSse(`${base}/api/staff/sites/chatillon/stream`, nadia)];
    clients.push(...streams);
    for (const s of streams) await s.next((m) => m.type === 'snapshot');
    const admin = await staffCookie(server.app, 'admin');
    const accounts = (await server.app.inject({ method: 'GET', url: '/api/staff/accounts', headers: admin })).json<{ id: string; username: string }[]>();
    for (const username of ['mediateur', 'adminpole']) {
      const id = accounts.find((a) => a.username === username)!.id;
      expect((await server.app.inject({ method: 'POST', url: `/api/staff/accounts/${id}/disable`, headers: admin })).statusCode).toBe(200);
    }
    const stayedOpen = new Promise((_, reject) => setTimeout(() => reject(new Error('a stream stayed open')), 3000));
    await Promise.race([Promise.all(streams.map((s) => s.ended)), stayedOpen]);
    for (const cookie of [karim, nadia]) expect(errorCode(await server.app.inject({ method: 'GET', url: '/api/staff/me', headers: cookie }))).toBe('staff_unauthenticated');
    expect(await server.store.db.selectFrom('staff_duty').selectAll().execute()).toEqual([]);
    expect(errorCode(await signIn('mediateur', 'mediateur'))).toBe('staff_bad_credentials');

    const id = accounts.find((a) => a.username === 'mediateur')!.id;
    expect((await server.app.inject({ method: 'POST', url: `/api/staff/accounts/${id}/enable`, headers: admin })).statusCode).toBe(200);
    expect((await signIn('mediateur', 'mediateur')).statusCode).toBe(200);
  });

  it('« Forcer un nouveau mot de passe »: the old one stops working, sessions end, the new link works once', async () => {
    const karim = await staffCookie(server.app);
    const admin = await staffCookie(server.app, 'admin');
    const id = (await server.app.inject({ method: 'GET', url: '/api/staff/accounts', headers: admin })).json<{ id: string; username: string }[]>().find((a) => a.username === 'mediateur')!.id;
    const res = await server.app.inject({ method: 'POST', url: `/api/staff/accounts/${id}/password-reset`, headers: admin });
    expect(res.statusCode, res.body).toBe(200);
    const { account, setup: link } = res.json<AccountWithSetup>();
    expect(account.hasPassword).toBe(false);
    expect(errorCode(await server.app.inject({ method: 'GET', url: '/api/staff/me', headers: karim }))).toBe('staff_unauthenticated');
    expect(errorCode(await signIn('mediateur', 'mediateur'))).toBe('staff_bad_credentials');
    // A second reset replaces the first link.
    const second = (await server.app.inject({ method: 'POST', url: `/api/staff/accounts/${id}/password-reset`, headers: admin })).json<AccountWithSetup>();
    expect(errorCode(await setup(link.code))).toBe('setup_code_invalid');
    expect((await setup(second.setup.code)).statusCode).toBe(200);
    expect((await signIn('mediateur', PASSWORD)).statusCode).toBe(200);
    // A disabled account's link stops working too.
    const third = (await server.app.inject({ method: 'POST', url: `/api/staff/accounts/${id}/password-reset`, headers: admin })).json<AccountWithSetup>();
    await server.app.inject({ method: 'POST', url: `/api/staff/accounts/${id}/disable`, headers: admin });
    expect(errorCode(await setupInfo(third.setup.code))).toBe('setup_code_invalid');
    expect(errorCode(await server.app.inject({ method: 'POST', url: `/api/staff/accounts/${id}/password-reset`, headers: admin }))).toBe('account_disabled');
  });
});
