import { randomUUID, scryptSync } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listStaffActions } from '../../src/server/audit/staff-audit';
import { build } from '../../src/server/app';
import { verifyPassword } from '../../src/server/auth/password';
import { insertStaff } from '../../src/server/auth/staff.repository';
import { migrate } from '../../src/server/store/db';
import { fixedClock, startTestServer, type TestServer } from '../support/server';
import { openTestStore } from '../support/store';

// Real scrypt (the demo accounts, unknown usernames) on a shared machine: give it time.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * Password spraying and guessing are throttled per username and per client address, in the
 * database (a restart forgets nothing), and nobody can lock a médiateur out for good.
 */
const clock = fixedClock('2026-11-23T09:00:00.000Z');
let server: TestServer;
let hashes = 0;
const counting = async (password: string, stored: string) => {
  hashes++;
  return verifyPassword(password, stored);
};

beforeEach(async () => {
  clock.set('2026-11-23T09:00:00.000Z');
  hashes = 0;
  server = await startTestServer({ clock, signIn: { verifyPassword: counting } });
  await addStaff(server, 'lucie');
});
afterEach(() => server.close());

/** Lucie gets a cheap scrypt (N=2^10) so the test spends its time on the rules, not on hashing. */
async function addStaff(s: TestServer, username: string): Promise<void> {
  const salt = Buffer.from(`salt-${username}`);
  const hash = scryptSync(`${username}-password`, salt, 32, { N: 1024, r: 8, p: 1 });
  const stored = ['scrypt', 1024, 8, 1, salt.toString('base64url'), hash.toString('base64url')].join('$');
  await insertStaff(s.store.db, { id: randomUUID(), username, firstName: 'Lucie', role: 'mediateur', siteIds: [...s.sites.keys()] }, stored, clock());
}

const signIn = (s: TestServer, username: string, password: string, remoteAddress: string) =>
  s.app.inject({ method: 'POST', url: '/api/staff/session', remoteAddress, payload: { username, password } });
const code = (res: { json(): { error?: { code: string } } }) => res.json().error?.code;

describe('spraying', () => {
  it('one password over 30 usernames from one address is refused after 10, without spending a hash on the refused', async () => {
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await signIn(server, `agent${i}`, 'Automne2026!', '203.0.113.9'));
    expect(answers.slice(0, 10).map((r) => r.statusCode)).toEqual(Array(10).fill(401));
    expect(answers.slice(10).map((r) => r.statusCode)).toEqual(Array(20).fill(429));
    const refusal = answers[29]!;
    expect(refusal.json().error).toMatchObject({ code: 'staff_locked', details: { scope: 'address', retryAfterSeconds: 900 } });
    expect(refusal.headers['retry-after']).toBe('900');
    expect(hashes).toBe(10);

    // Another address is not concerned; the sprayed address is, even for a real account.
    expect((await signIn(server, 'lucie', 'lucie-password', '192.0.2.20')).statusCode).toBe(200);
    expect(code(await signIn(server, 'lucie', 'lucie-password', '203.0.113.9'))).toBe('staff_locked');
    // The window slides: a quarter of an hour later the address may try again.
    clock.advance(15 * 60_000);
    expect((await signIn(server, 'lucie', 'lucie-password', '203.0.113.9')).statusCode).toBe(200);
  });
});

describe('guessing one account', () => {
  it('locks the username after 5 failures, for a time that doubles and stays bounded', async () => {
    // Each guess from a fresh address: only the per-username rule is at work.
    for (let i = 0; i < 5; i++) expect((await signIn(server, 'lucie', `guess-${i}`, `203.0.113.${i + 1}`)).statusCode).toBe(401);
    const locked = await signIn(server, 'lucie', 'guess-again', '203.0.113.1');
    expect(locked.json().error).toMatchObject({ code: 'staff_locked', details: { scope: 'account', retryAfterSeconds: 60 } });

    const waits: number[] = [];
    for (let round = 0; round < 8; round++) {
      clock.advance(15 * 60_000);
      const from = `198.18.0.${round + 1}`;
      expect((await signIn(server, 'lucie', `guess-round-${round}`, from)).statusCode).toBe(401);
      waits.push(Number((await signIn(server, 'lucie', 'x', from)).headers['retry-after']));
    }
    expect(waits).toEqual([120, 240, 480, 900, 900, 900, 900, 900]);
  });

  it('a médiateur signs in from their own address while someone elsewhere is locked out of their account', async () => {
    for (let i = 0; i < 7; i++) await signIn(server, 'lucie', `guess-${i}`, '203.0.113.50');
    expect(code(await signIn(server, 'lucie', 'lucie-password', '203.0.113.50'))).toBe('staff_locked');
    const own = await signIn(server, 'lucie', 'lucie-password', '10.20.0.14');
    expect(own.statusCode, own.body).toBe(200);
    // Her success clears the username's failures: the lock is lifted, for her as for the others.
    clock.advance(1000);
    expect((await signIn(server, 'lucie', 'lucie-password', '203.0.113.50')).statusCode).toBe(200);
  });

  it('a lock ends on its own: at most a quarter of an hour after the last failure', async () => {
    for (let i = 0; i < 30; i++) await signIn(server, 'lucie', `guess-${i}`, `203.0.113.${(i % 9) + 1}`);
    const locked = await signIn(server, 'lucie', 'lucie-password', '203.0.113.1');
    expect(code(locked)).toBe('staff_locked');
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(900);
    clock.advance(15 * 60_000);
    expect((await signIn(server, 'lucie', 'lucie-password', '203.0.113.1')).statusCode).toBe(200);
  });
});

describe('a restart', () => {
  it('forgets neither the account lock nor the address count', async () => {
    for (let i = 0; i < 5; i++) await signIn(server, 'lucie', `guess-${i}`, '203.0.113.7');
    for (let i = 0; i < 10; i++) await signIn(server, `agent${i}`, 'Automne2026!', '203.0.113.8');
    await server.app.close();
    await server.store.close();

    // A new app on the same database, as after `systemctl restart borne`.
    const store = await openTestStore(server.dir);
    await migrate(store);
    const app = await build({ store, sites: server.sites, clock, sweepIntervalMs: 0 });
    try {
      const again = await app.inject({ method: 'POST', url: '/api/staff/session', remoteAddress: '203.0.113.7', payload: { username: 'lucie', password: 'lucie-password' } });
      expect(again.json().error).toMatchObject({ code: 'staff_locked', details: { scope: 'account' } });
      const sprayer = await app.inject({ method: 'POST', url: '/api/staff/session', remoteAddress: '203.0.113.8', payload: { username: 'agent11', password: 'Automne2026!' } });
      expect(sprayer.json().error).toMatchObject({ code: 'staff_locked', details: { scope: 'address' } });
    } finally {
      await app.close();
      await store.close();
    }
  });

  it('keeps no username in clear in the throttle table', async () => {
    await signIn(server, 'Mot-De-Passe-Tapé-Ici', 'x', '203.0.113.3');
    const rows = await server.store.db.selectFrom('sign_in_failures').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows).toLowerCase()).not.toContain('mot-de-passe');
  });
});

describe('the staff audit', () => {
  it('keeps sign-in, failed sign-ins and sign-out with who and from where, never a password or an unknown username', async () => {
    const staffId = (await server.store.db.selectFrom('staff_users').select('id').where('username', '=', 'lucie').executeTakeFirstOrThrow()).id;
    await signIn(server, 'lucie', 'wrong-secret-1', '10.20.0.14');
    await signIn(server, 'typed-my-password-here', 'wrong-secret-2', '10.20.0.15');
    const ok = await signIn(server, 'lucie', 'lucie-password', '10.20.0.14');
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    clock.advance(1000);
    expect((await server.app.inject({ method: 'DELETE', url: '/api/staff/session', remoteAddress: '10.20.0.14', headers: { cookie } })).statusCode).toBe(204);

    const rows = (await listStaffActions(server.store.db)).reverse();
    expect(rows.map((r) => [r.action, r.staffId, r.address, r.after])).toEqual([
      ['sign_in_failed', staffId, '10.20.0.14', { outcome: 'wrong_credentials' }],
      ['sign_in_failed', null, '10.20.0.15', { outcome: 'wrong_credentials' }],
      ['sign_in', staffId, '10.20.0.14', undefined],
      ['sign_out', staffId, '10.20.0.14', undefined],
    ]);
    const everything = JSON.stringify(await server.store.db.selectFrom('staff_audit').selectAll().execute());
    for (const secret of ['wrong-secret', 'lucie-password', 'typed-my-password-here']) expect(everything).not.toContain(secret);
  });

  it('a refused (throttled) attempt is audited as such', async () => {
    for (let i = 0; i < 5; i++) await signIn(server, 'lucie', `guess-${i}`, '203.0.113.60');
    await signIn(server, 'lucie', 'guess-5', '203.0.113.60');
    const last = (await listStaffActions(server.store.db, { action: 'sign_in_failed', limit: 1 }))[0];
    expect(last).toMatchObject({ address: '203.0.113.60', after: { outcome: 'account_locked' } });
  });
});
