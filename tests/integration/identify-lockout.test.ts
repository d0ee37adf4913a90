import { createHash, createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signCourrierCode } from '../../src/server/identity/courrier-token';
import { fixedClock, kioskAuth, startTestServer, type TestServer } from '../support/server';

/**
 * The courrier code and the keypad share one set of rules: a blocked dossier stays blocked,
 * every failed or refused attempt counts (5 on a dossier from any kiosk, 10 on one kiosk), and a
 * locked kiosk refuses codes too. The answer says when to try again.
 */
let server: TestServer;
const clock = fixedClock('2026-11-23T09:00:00.000Z');
const FUTURE = new Date('2027-01-01T00:00:00Z');
const PAST = new Date('2026-11-01T00:00:00Z');

beforeEach(async () => {
  clock.set('2026-11-23T09:00:00.000Z');
  server = await startTestServer({ clock });
});
afterEach(() => server.close());

type ErrorBody = { error: { code: string; message: string; details?: { retryAt?: string; retryAfterSeconds?: number } } };
const identify = (kioskId: string, dossierNumber: string, birthDate: string) =>
  server.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(server, kioskId), payload: { dossierNumber, birthDate } });
const byCode = (kioskId: string, code: string) => server.app.inject({ method: 'POST', url: '/api/kiosk/identify/code', headers: kioskAuth(server, kioskId), payload: { code } });
const secret = () => server.app.borne.identity.instanceSecret();
const codeFor = async (dossierId: string, expiresAt = FUTURE) => signCourrierCode(await secret(), dossierId, expiresAt);
const errorCode = async (res: Promise<{ json(): unknown }>) => ((await res).json() as ErrorBody).error.code;

describe('the courrier code obeys the keypad rules', () => {
  it('refuses a genuine code for a dossier staff have blocked, as the keypad does', async () => {
    const res = await byCode('chatillon-1', await codeFor('dos-4'));
    expect(res.statusCode).toBe(403);
    expect((res.json() as ErrorBody).error.code).toBe('dossier_blocked');
    const rows = await server.store.db.selectFrom('usager_sessions').selectAll().execute();
    expect(rows).toEqual([]);
  });

  it('stops showing a dossier that staff block while its session is open', async () => {
    const { token } = (await byCode('chatillon-1', await codeFor('dos-1'))).json() as { token: string };
    const view = () => server.app.inject({ method: 'GET', url: '/api/kiosk/dossier', headers: { ...kioskAuth(server, 'chatillon-1'), 'x-usager-session': token } });
    expect((await view()).statusCode).toBe(200);
    await server.store.db.updateTable('dossiers').set({ kiosk_access: 'blocked' }).where('id', '=', 'dos-1').execute();
    const res = await view();
    expect(res.statusCode).toBe(403);
    expect((res.json() as ErrorBody).error.code).toBe('dossier_blocked');
  });

  it('counts bad, forged and expired codes toward the kiosk lockout, and a locked kiosk refuses a genuine code', async () => {
    const bad = ['3017620422003', signCourrierCode('another-instance', 'dos-1', FUTURE), await codeFor('dos-2', PAST)];
    for (let i = 0; i < 10; i++) expect((await byCode('chatillon-1', bad[i % 3]!)).statusCode).toBe(i < 9 ? 400 : 423);
    const refused = await byCode('chatillon-1', await codeFor('dos-1'));
    expect(refused.statusCode).toBe(423);
    expect((refused.json() as ErrorBody).error.code).toBe('identify_locked');
    expect(await errorCode(identify('chatillon-1', '10000001', '1985-03-14'))).toBe('identify_locked');
    // The kiosk next to it is not locked.
    expect((await byCode('chatillon-2', await codeFor('dos-1'))).statusCode).toBe(201);
    clock.advance(15 * 60_000 + 1000);
    expect((await byCode('chatillon-1', await codeFor('dos-1'))).statusCode).toBe(201);
  });

  it('locks a dossier for the code once the keypad has failed 5 times on it, from other kiosks', async () => {
    for (const kiosk of ['chatillon-1', 'chatillon-2', 'chatillon-3', 'chatillon-1', 'chatillon-2']) await identify(kiosk, '10000001', '1985-03-15');
    expect(await errorCode(byCode('chatillon-4', await codeFor('dos-1')))).toBe('identify_locked');
    // Another dossier opens from the same kiosk: only that dossier is paused.
    expect((await byCode('chatillon-4', await codeFor('dos-2'))).statusCode).toBe(201);
  });

  it('counts an expired code of a dossier toward that dossier', async () => {
    for (let i = 0; i < 4; i++) await identify(`chatillon-${i + 1}`, '10000001', '1985-03-15');
    expect(await errorCode(byCode('issy-les-moulineaux-1', await codeFor('dos-1', PAST)))).toBe('identify_locked');
    expect(await errorCode(identify('issy-les-moulineaux-2', '10000001', '1985-03-14'))).toBe('identify_locked');
  });

  it('counts refusals of a blocked dossier, by code and by keypad, toward its lockout', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) answers.push(await errorCode(byCode(`chatillon-${i + 1}`, await codeFor('dos-4'))));
    for (let i = 0; i < 3; i++) answers.push(await errorCode(identify(`chatillon-${i + 1}`, '10000004', '1969-01-30')));
    expect(answers).toEqual(['dossier_blocked', 'dossier_blocked', 'dossier_blocked', 'dossier_blocked', 'identify_locked', 'identify_locked']);
  });
});

describe('the lockout answer says when to try again', () => {
  it('gives the retry time in the error details, from the oldest failure that keeps the lock', async () => {
    for (let i = 0; i < 4; i++) {
      await identify('chatillon-1', '10000001', '1985-03-15');
      clock.advance(60_000);
    }
    const res = await identify('chatillon-2', '10000001', '1985-03-15');
    expect(res.statusCode).toBe(423);
    // The first failure was at 09:00: the lock lifts 15 minutes after it.
    expect((res.json() as ErrorBody).error.details).toEqual({ retryAt: '2026-11-23T09:15:00.000Z', retryAfterSeconds: 11 * 60 });
    clock.advance(60_000);
    const again = await byCode('chatillon-3', await codeFor('dos-1'));
    expect((again.json() as ErrorBody).error.details).toEqual({ retryAt: '2026-11-23T09:15:00.000Z', retryAfterSeconds: 10 * 60 });
    const kiosk = server.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(server, 'chatillon-1'), payload: { dossierNumber: '10000002', birthDate: '1990-07-02' } });
    expect((await kiosk).statusCode).toBe(201);
  });

  it('a locked kiosk says 15 minutes after 10 failures in a row', async () => {
    for (let i = 0; i < 10; i++) await identify('chatillon-1', `2000000${i}`, '1990-01-01');
    const res = await byCode('chatillon-1', await codeFor('dos-1'));
    expect((res.json() as ErrorBody).error.details).toEqual({ retryAt: '2026-11-23T09:15:00.000Z', retryAfterSeconds: 900 });
  });
});

describe('typed dossier numbers are kept in a form only this instance can link', () => {
  const attemptKeys = async (s: TestServer) => (await s.store.db.selectFrom('identification_attempts').select('dossier_key').execute()).map((r) => r.dossier_key);

  it('stores a keyed hash: not sha256 of the number, and another instance stores another key', async () => {
    await identify('chatillon-1', '20000001', '1990-01-01');
    const [key] = await attemptKeys(server);
    const plain = ['20000001', 'dossier:20000001'].map((v) => createHash('sha256').update(v).digest('hex'));
    expect(key).toBeDefined();
    expect(plain).not.toContain(key);
    // Without the secret, no fixed key recomputes it (the empty key, the number itself).
    for (const k of ['', '20000001', 'borne']) expect(createHmac('sha256', k).update('20000001').digest('hex')).not.toBe(key);
    const other = await startTestServer({ clock });
    try {
      await other.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(other, 'chatillon-1'), payload: { dossierNumber: '20000001', birthDate: '1990-01-01' } });
      expect(await attemptKeys(other)).toHaveLength(1);
      expect((await attemptKeys(other))[0]).not.toBe(key);
    } finally {
      await other.close();
    }
    // The same instance links two tries of the same number (that is what the lockout counts).
    await identify('chatillon-2', '20000001', '1990-01-02');
    expect(new Set(await attemptKeys(server)).size).toBe(1);
  });

  it('purges attempts once the lockout window has passed', async () => {
    await identify('chatillon-1', '20000001', '1990-01-01');
    await byCode('chatillon-1', 'not a code');
    clock.advance(10 * 60_000);
    await identify('chatillon-2', '20000002', '1990-01-01');
    clock.advance(5 * 60_000 + 1);
    await server.app.borne.sweep();
    expect(await attemptKeys(server)).toHaveLength(1);
    clock.advance(10 * 60_000);
    await server.app.borne.sweep();
    expect(await attemptKeys(server)).toEqual([]);
  });

  it('migration 006 deletes the attempts stored with unkeyed hashes', async () => {
    const { keyedAttempts } = await import('../../src/server/store/migrations/006-keyed-attempts');
    const old = createHash('sha256').update('dossier:10000001').digest('hex');
    await server.store.db.insertInto('identification_attempts').values({ id: 'old-1', kiosk_id: 'chatillon-1', dossier_key: old, success: 0, at: clock().toISOString() }).execute();
    await keyedAttempts().up(server.store.db);
    expect(await attemptKeys(server)).toEqual([]);
  });
});
