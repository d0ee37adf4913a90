import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signCourrierCode } from '../../src/server/identity/courrier-token';
import { fixedClock, kioskAuth, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
const clock = fixedClock('2026-11-23T09:00:00.000Z');

beforeEach(async () => {
  clock.set('2026-11-23T09:00:00.000Z');
  server = await startTestServer({ clock });
});
afterEach(() => server.close());

const identify = (kioskId: string, dossierNumber: string, birthDate: string) =>
  server.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(server, kioskId), payload: { dossierNumber, birthDate } });
const byCode = (kioskId: string, code: string) => server.app.inject({ method: 'POST', url: '/api/kiosk/identify/code', headers: kioskAuth(server, kioskId), payload: { code } });
const dossier = (kioskId: string, token?: string) =>
  server.app.inject({ method: 'GET', url: '/api/kiosk/dossier', headers: { ...kioskAuth(server, kioskId), ...(token ? { 'x-usager-session': token } : {}) } });

describe('identification by dossier number and date of birth', () => {
  it('opens a session bound to the kiosk; the dossier is refused anywhere else', async () => {
    const res = await identify('chatillon-1', '10000001', '1985-03-14');
    expect(res.statusCode).toBe(201);
    const { token } = res.json<{ token: string }>();
    const view = await dossier('chatillon-1', token);
    expect(view.statusCode).toBe(200);
    expect(view.json().referent.firstName).toBe('Sophie');
    expect((await dossier('chatillon-2', token)).json().error.code).toBe('usager_session_invalid');
    expect((await dossier('chatillon-1')).statusCode).toBe(401);
  });

  it('gets a kind refusal for a wrong date, then locks the dossier after 5 failures, on every kiosk', async () => {
    for (let i = 0; i < 4; i++) expect((await identify('chatillon-1', '10000001', '1985-03-15')).json().error.code).toBe('identify_failed');
    expect((await identify('chatillon-2', '10000001', '1985-03-15')).json().error.code).toBe('identify_locked');
    const locked = await identify('chatillon-3', '10000001', '1985-03-14');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().error.message).toContain('médiateur');
    clock.advance(16 * 60_000);
    expect((await identify('chatillon-3', '10000001', '1985-03-14')).statusCode).toBe(201);
  });

  it('locks a kiosk that tries many dossiers, but not the kiosk next to it', async () => {
    for (let i = 0; i < 10; i++) await identify('chatillon-1', `2000000${i}`, '1990-01-01');
    expect((await identify('chatillon-1', '10000001', '1985-03-14')).json().error.code).toBe('identify_locked');
    expect((await identify('chatillon-2', '10000001', '1985-03-14')).statusCode).toBe(201);
  });

  it('refuses a dossier whose kiosk access staff have blocked', async () => {
    const res = await identify('chatillon-1', '10000004', '1969-01-30');
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('dossier_blocked');
  });

  it.each([
    ['a malformed number', { dossierNumber: '12AB', birthDate: '1985-03-14' }, 'dossierNumber'],
    ['an impossible date', { dossierNumber: '10000001', birthDate: '1985-02-30' }, 'birthDate'],
    ['a date in the future', { dossierNumber: '10000001', birthDate: '2999-01-01' }, 'birthDate'],
    ['a French-style date', { dossierNumber: '10000001', birthDate: '14/03/1985' }, 'birthDate'],
  ])('answers %s with a 400 naming the field', async (_label, payload, field) => {
    const res = await server.app.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(server, 'chatillon-1'), payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual([field]);
  });

  it('limits the rate of lookups per kiosk, successful ones too (failures lock it sooner)', async () => {
    const code = signCourrierCode(await server.app.borne.identity.instanceSecret(), 'dos-2', new Date('2027-01-01T00:00:00Z'));
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await byCode('chatillon-1', code)).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 201)).toBe(true);
    expect(codes[30]).toBe(429);
  });
});

describe('identification by courrier code', () => {
  it('accepts a valid code and refuses other, forged and expired ones with a clear message', async () => {
    const secret = await server.app.borne.identity.instanceSecret();
    expect((await byCode('chatillon-1', signCourrierCode(secret, 'dos-2', new Date('2027-01-01T00:00:00Z')))).statusCode).toBe(201);
    expect((await byCode('chatillon-1', '3017620422003')).json().error.code).toBe('code_not_ours');
    expect((await byCode('chatillon-1', signCourrierCode('other-secret', 'dos-2', new Date('2027-01-01T00:00:00Z')))).json().error.code).toBe('code_invalid');
    expect((await byCode('chatillon-1', signCourrierCode(secret, 'dos-2', new Date('2026-11-01T00:00:00Z')))).json().error.code).toBe('code_expired');
  });
});

describe('end of session', () => {
  it('ends the dossier session, and the audit log holds kiosk, dossier id, time and outcome only', async () => {
    const { token } = (await identify('chatillon-1', '10000002', '1990-07-02')).json<{ token: string }>();
    clock.advance(1000);
    await identify('chatillon-1', '10000002', '1990-07-03');
    clock.advance(1000);
    await server.app.inject({ method: 'POST', url: '/api/kiosk/session/end', headers: kioskAuth(server, 'chatillon-1') });
    expect((await dossier('chatillon-1', token)).statusCode).toBe(401);
    const rows = await server.store.db.selectFrom('audit_log').selectAll().orderBy('at').execute();
    expect(rows.map((r) => [r.action, r.outcome, r.dossier_id, r.kiosk_id])).toEqual([
      ['identify', 'success', 'dos-2', 'chatillon-1'],
      ['identify', 'failure', 'dos-2', 'chatillon-1'],
      ['session_end', 'ended', 'dos-2', 'chatillon-1'],
    ]);
    const stored = JSON.stringify(rows) + JSON.stringify(await server.store.db.selectFrom('identification_attempts').selectAll().execute());
    expect(stored).not.toContain('10000002');
    expect(stored).not.toContain('1990-07');
  });
});
