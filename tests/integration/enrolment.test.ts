import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnrolmentCodeView, EnrolmentRedeemed } from '../../src/core/fleet/enrolment';
import { listStaffActions } from '../../src/server/audit/staff-audit';
import { ENROLMENT_POLICY } from '../../src/server/fleet/enrolment.service';
import { addStaff } from '../support/help';
import { fixedClock, staffCookie, startTestServer, type TestServer } from '../support/server';

// One server for the file (starting one is slow on a shared machine): each test adds its own
// kiosks and tries codes from its own addresses; the clock only moves forward.
let server: TestServer;
const clock = fixedClock();
const cookies = new Map<string, { cookie: string }>();
beforeAll(async () => {
  server = await startTestServer({ clock });
  // An admin de pôle of another pôle than chatillon (the demo's adminpole is chatillon's).
  await addStaff(server, 'adminissy', 'Inès', 'admin_pole', ['issy-les-moulineaux']);
});
afterAll(() => server.close());

async function as(username: string): Promise<{ cookie: string }> {
  if (!cookies.has(username)) cookies.set(username, await staffCookie(server.app, username));
  return cookies.get(username)!;
}
const addKiosk = async (username: string, siteId = 'chatillon', label = 'Poste près de la fenêtre') =>
  server.app.inject({ method: 'POST', url: `/api/staff/sites/${siteId}/kiosks`, headers: await as(username), payload: { label } });
const newCode = async (username: string, kioskId: string) => server.app.inject({ method: 'POST', url: `/api/staff/kiosks/${kioskId}/enrolment-code`, headers: await as(username) });
const revoke = async (username: string, kioskId: string) => server.app.inject({ method: 'DELETE', url: `/api/staff/kiosks/${kioskId}`, headers: await as(username) });
const redeem = (code: string, address = '192.0.2.1') => server.app.inject({ method: 'POST', url: '/api/kiosk/enrol', payload: { code }, remoteAddress: address });
const me = (token: string) => server.app.inject({ method: 'GET', url: '/api/kiosk/me', headers: { authorization: `Bearer ${token}` } });

async function added(username = 'admin'): Promise<EnrolmentCodeView> {
  const res = await addKiosk(username);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<EnrolmentCodeView>();
}

describe('who may enrol and revoke kiosks', () => {
  it.each([
    ['mediateur', 403, 'staff_forbidden'],
    ['adminissy', 403, 'site_not_yours'],
    ['adminpole', 201, null],
    ['admin', 201, null],
  ])('« Ajouter une borne » as %s: %i', async (username, status, code) => {
    const res = await addKiosk(username);
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
    else expect(server.sites.get('chatillon')!.kiosks.map((k) => k.id)).toContain(res.json<EnrolmentCodeView>().kiosk.id);
  });

  it.each([
    ['mediateur', 403, 'staff_forbidden'],
    ['adminissy', 403, 'site_not_yours'],
    ['adminpole', 201, null],
    ['admin', 201, null],
  ])("« Nouveau code d'enregistrement » as %s: %i", async (username, status, code) => {
    const res = await newCode(username, 'chatillon-1');
    expect(res.statusCode, res.body).toBe(status);
    if (code) expect(res.json().error.code).toBe(code);
    else expect(res.json<EnrolmentCodeView>().kiosk).toEqual({ id: 'chatillon-1', siteId: 'chatillon', label: expect.any(String) });
  });

  it.each([
    ['mediateur', 403, 'staff_forbidden'],
    ['adminissy', 403, 'site_not_yours'],
    ['adminpole', 204, null],
    ['admin', 204, null],
  ])('« Retirer la borne » as %s: %i', async (username, status, code) => {
    const { kiosk } = await added();
    const res = await revoke(username, kiosk.id);
    expect(res.statusCode, res.body).toBe(status);
    if (code) {
      expect(res.json().error.code).toBe(code);
      expect(server.sites.get('chatillon')!.kiosks.map((k) => k.id)).toContain(kiosk.id);
    } else expect(server.sites.get('chatillon')!.kiosks.map((k) => k.id)).not.toContain(kiosk.id);
  });

  it('refuses an unknown pôle or kiosk with a 404, a bad label field by field, and anyone not signed in', async () => {
    expect((await addKiosk('admin', 'nowhere')).json().error.code).toBe('site_unknown');
    expect((await newCode('admin', 'nowhere-1')).json().error.code).toBe('kiosk_not_found');
    expect((await revoke('admin', 'nowhere-1')).json().error.code).toBe('kiosk_not_found');
    const blank = await addKiosk('admin', 'chatillon', '   ');
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields[0].path).toBe('label');
    const anonymous = await server.app.inject({ method: 'POST', url: '/api/staff/sites/chatillon/kiosks', payload: { label: 'x' } });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('« Ajouter une borne »', () => {
  it('adds the next free kiosk id to the live configuration, with a code for 15 minutes and the kiosk URL', async () => {
    const before = server.app.borne.config.get('chatillon')!;
    const view = await added();
    const ids = new Set(before.site.kiosks.map((k) => k.id));
    let n = 1;
    while (ids.has(`chatillon-${n}`)) n++;
    expect(view.kiosk).toEqual({ id: `chatillon-${n}`, label: 'Poste près de la fenêtre', siteId: 'chatillon' });
    expect(view.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(Date.parse(view.expiresAt)).toBe(clock().getTime() + 15 * 60_000);
    // The origin the admin's request came to (inject's is http://localhost:80).
    expect(view.enrolUrl).toBe(`http://localhost:80/kiosk/#enrol=${view.code}`);
    expect(server.app.borne.config.get('chatillon')!.version).toBe(before.version + 1);
    const [audit] = await listStaffActions(server.store.db, { action: 'kiosk_add', limit: 1 });
    expect(audit).toMatchObject({ target: view.kiosk.id, siteId: 'chatillon', before: before.site.kiosks, after: [...before.site.kiosks, { id: view.kiosk.id, label: 'Poste près de la fenêtre' }] });
  });

  it('keeps both kiosks when two admins add one at the same time (the append is retried on a version conflict)', async () => {
    const [a, b] = await Promise.all([addKiosk('admin', 'chatillon', 'A'), addKiosk('adminpole', 'chatillon', 'B')]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const labels = server.sites.get('chatillon')!.kiosks.map((k) => k.label);
    expect(labels).toEqual(expect.arrayContaining(['A', 'B']));
    expect(a.json().kiosk.id).not.toBe(b.json().kiosk.id);
  });
});

describe('redeeming a code', () => {
  it('gives a working token once; the same code again is refused', async () => {
    const view = await added();
    const first = await redeem(view.code.toLowerCase().replace('-', ''));
    expect(first.statusCode, first.body).toBe(200);
    const redeemed = first.json<EnrolmentRedeemed>();
    expect(redeemed.kiosk).toEqual(view.kiosk);
    expect((await me(redeemed.token)).json().kiosk.id).toBe(view.kiosk.id);
    const again = await redeem(view.code);
    expect(again.statusCode).toBe(400);
    expect(again.json().error).toMatchObject({ code: 'enrolment_code_invalid', message: expect.stringContaining('15 minutes') });
    expect(again.body).not.toContain(redeemed.token);
  });

  it('two PCs typing the same code at once: one gets a token, the other the refusal', async () => {
    const view = await added();
    const answers = await Promise.all([redeem(view.code), redeem(view.code)]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 400]);
  });

  it('expires after 15 minutes, with the same refusal as an unknown code', async () => {
    const view = await added();
    clock.advance(15 * 60_000);
    const late = await redeem(view.code);
    const unknown = await redeem('ABCD-EFGH');
    expect(late.statusCode).toBe(400);
    expect(late.json()).toEqual(unknown.json());
  });

  it('still works a moment before the 15 minutes end', async () => {
    const view = await added();
    clock.advance(15 * 60_000 - 1000);
    expect((await redeem(view.code)).statusCode).toBe(200);
  });

  it('a new code for the kiosk makes the older unused one stop working', async () => {
    const first = await added();
    const second = (await newCode('admin', first.kiosk.id)).json<EnrolmentCodeView>();
    expect((await redeem(first.code)).json().error.code).toBe('enrolment_code_invalid');
    expect((await redeem(second.code)).statusCode).toBe(200);
  });

  it('refuses a badly formed code field by field, before anything is looked up', async () => {
    const res = await redeem('hello');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields[0]).toMatchObject({ path: 'code', message: expect.stringContaining('K7M4-9QXR') });
  });

  it('stores only keyed hashes: neither the code nor the token is in the database, nor a plain sha256 of them', async () => {
    const { createHash } = await import('node:crypto');
    const view = await added();
    const token = (await redeem(view.code)).json<EnrolmentRedeemed>().token;
    await redeem('ABCD-EFGH', '203.0.113.7');
    // Every row of every table, read as stored (on either dialect).
    const db = server.store.db;
    const tables = await db.introspection.getTables();
    const dump = JSON.stringify(await Promise.all(tables.map((t) => db.selectFrom(t.name as 'kiosks').selectAll().execute())));
    const compact = view.code.replace('-', '');
    const sha = (v: string) => createHash('sha256').update(v).digest('hex');
    for (const secret of [view.code, compact, token, sha(view.code), sha(compact), '203.0.113.7']) expect(dump).not.toContain(secret);
    const codes = await db.selectFrom('enrolment_codes').select(['code_hash', 'used_at']).where('kiosk_id', '=', view.kiosk.id).execute();
    expect(codes).toHaveLength(1);
    expect(codes[0]!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(codes[0]!.used_at).not.toBeNull();
  });
});

describe('trying codes is rate-limited', () => {
  it('per address: after the limit, a 429 with when to try again, even for the right code; another address still may', async () => {
    clock.advance(ENROLMENT_POLICY.windowMs);
    const view = await added();
    for (let i = 0; i < ENROLMENT_POLICY.maxFailuresPerAddress; i++) expect((await redeem('ABCD-EFGH', '198.51.100.1')).statusCode).toBe(400);
    const locked = await redeem(view.code, '198.51.100.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'enrolment_locked', details: { retryAfterSeconds: 15 * 60 } });
    expect((await redeem(view.code, '198.51.100.2')).statusCode).toBe(200);
    clock.advance(15 * 60_000);
    expect((await redeem('ABCD-EFGH', '198.51.100.1')).statusCode).toBe(400);
  });

  it('overall: many addresses together are stopped too', async () => {
    clock.advance(ENROLMENT_POLICY.windowMs);
    for (let i = 0; i < ENROLMENT_POLICY.maxFailuresOverall; i++) await redeem('ABCD-EFGH', `10.0.${Math.floor(i / 200)}.${i % 200}`);
    const locked = await redeem('ABCD-EFGH', '192.0.2.99');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.details.retryAfterSeconds).toBeGreaterThan(0);
  });
});
