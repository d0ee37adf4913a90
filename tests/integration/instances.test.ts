import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountWithSetup } from '../../src/core/api/accounts';
import type { SlotView, WeekSlotsView } from '../../src/core/agenda/booking';
import type { EnrolmentCodeView } from '../../src/core/fleet/enrolment';
import { SETUP_FAILURES_MAX } from '../../src/server/auth/accounts.service';
import { DUMMY_HASH, verifyPassword } from '../../src/server/auth/password';
import { ADDRESS_MAX } from '../../src/server/auth/login-throttle';
import { ENROLMENT_POLICY } from '../../src/server/fleet/enrolment.service';
import { IDENTIFY_POLICY } from '../../src/server/identity/lockout';
import { addStaff } from '../support/help';
import { startTestServerPair, type TestServerPair } from '../support/pair';
import { fixedClock, kioskAuth, staffCookie } from '../support/server';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * Issue 11, « Several instances »: two Borne apps on one PostgreSQL database (READ COMMITTED),
 * requests fired at both at once. Every cap, lockout, throttle and single use counts across the
 * two, as it does inside one process. PostgreSQL only: several instances need a shared server
 * database; SQLite is the embedded store of one server process.
 */
const clock = fixedClock('2026-11-23T09:00:00.000Z');
let pair: TestServerPair;

type Reply = { statusCode: number; json(): unknown };
const codeOf = (r: Reply) => (r.json() as { error?: { code: string } }).error?.code ?? String(r.statusCode);
/** How many answers of each code (or status, for a success). */
function tally(replies: Reply[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of replies) out[codeOf(r)] = (out[codeOf(r)] ?? 0) + 1;
  return out;
}

describe('two instances on one PostgreSQL', () => {
  beforeEach(async () => {
    clock.set('2026-11-23T09:00:00.000Z');
    // Unknown usernames skip the real (slow) dummy hash, and there is room for every attempt at
    // once: the sign-in test is about the throttle's count, not the hash queue.
    const verify = async (password: string, stored: string) => (stored === DUMMY_HASH ? false : verifyPassword(password, stored));
    pair = await startTestServerPair({ clock, signIn: { verifyPassword: verify, maxQueuedHashes: 100, maxPendingPerAddress: 100 } });
  });
  afterEach(() => pair.close());

  it('lets exactly the phone cap of bookings through when 6 arrive at once, split across both', async () => {
    const server = pair.first;
    const slots: SlotView[] = [];
    let week: string | null = null;
    do {
      const url: string = `/api/kiosk/agenda/slots?motifId=chatillon-accueil-social${week ? `&week=${week}` : ''}`;
      const view = (await server.app.inject({ method: 'GET', url, headers: kioskAuth(server, 'chatillon-1') })).json<WeekSlotsView>();
      slots.push(...view.days.flatMap((d) => d.slots));
      week = view.nextWeek;
    } while (week && slots.length < 6);
    const results = await Promise.all(
      slots.slice(0, 6).map((slot, i) =>
        pair.apps[i % 2]!.inject({
          method: 'POST',
          url: '/api/kiosk/appointments',
          headers: kioskAuth(server, `chatillon-${1 + (i % 4)}`),
          payload: { motifId: 'chatillon-accueil-social', referentId: slot.referentId, start: slot.start, language: 'fr', contact: { name: 'Awa Traoré', phone: '06 99 88 77 66' } },
        }),
      ),
    );
    expect(tally(results)).toEqual({ '201': 2, booking_limit_phone: 4 });
    const live = await server.store.db.selectFrom('appointments').select('id').where('contact_phone', '=', '0699887766').where('status', '=', 'booked').execute();
    expect(live).toHaveLength(2);
  });

  it('locks a dossier after its 5th failure, counted across both, whatever kiosk and instance the guesses come from', async () => {
    const server = pair.first;
    const kiosks = ['chatillon-1', 'chatillon-2', 'chatillon-3', 'chatillon-4'];
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pair.apps[i % 2]!.inject({ method: 'POST', url: '/api/kiosk/identify', headers: kioskAuth(server, kiosks[i % kiosks.length]!), payload: { dossierNumber: '10000001', birthDate: '1990-01-01' } }),
      ),
    );
    // The 5th failure answers with the lock itself; every later guess is refused without being tried.
    expect(tally(results)).toEqual({ identify_failed: IDENTIFY_POLICY.maxFailuresPerDossier - 1, identify_locked: 12 - IDENTIFY_POLICY.maxFailuresPerDossier + 1 });
    const tried = await server.store.db.selectFrom('identification_attempts').select('id').where('success', '=', 0).execute();
    expect(tried).toHaveLength(IDENTIFY_POLICY.maxFailuresPerDossier);
  });

  it('throttles sign-ins from one address after its 10th failure, counted across both', async () => {
    const results = await Promise.all(
      Array.from({ length: ADDRESS_MAX + 6 }, (_, i) =>
        pair.apps[i % 2]!.inject({ method: 'POST', url: '/api/staff/session', remoteAddress: '203.0.113.9', payload: { username: `agent${i}`, password: 'Automne2026!' } }),
      ),
    );
    expect(tally(results)).toEqual({ staff_bad_credentials: ADDRESS_MAX, staff_locked: 6 });
    const counted = await pair.first.store.db.selectFrom('sign_in_failures').select('id').where('address', '=', '203.0.113.9').execute();
    expect(counted).toHaveLength(ADDRESS_MAX);
  });

  it('spends an enrolment code once, and counts wrong codes from one address across both', async () => {
    const res = await pair.first.app.inject({ method: 'POST', url: '/api/staff/sites/chatillon/kiosks', headers: await staffCookie(pair.first.app, 'admin'), payload: { label: 'Poste du fond' } });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json<EnrolmentCodeView>();
    const redeem = (i: number, payload: { code: string }, remoteAddress: string) => pair.apps[i % 2]!.inject({ method: 'POST', url: '/api/kiosk/enrol', payload, remoteAddress });
    expect(tally(await Promise.all([0, 1].map((i) => redeem(i, { code }, `192.0.2.${10 + i}`))))).toEqual({ '200': 1, enrolment_code_invalid: 1 });

    const guesses = await Promise.all(Array.from({ length: ENROLMENT_POLICY.maxFailuresPerAddress + 4 }, (_, i) => redeem(i, { code: 'ABCD-EFGH' }, '192.0.2.50')));
    expect(tally(guesses)).toEqual({ enrolment_code_invalid: ENROLMENT_POLICY.maxFailuresPerAddress, enrolment_locked: 4 });
  });

  it('gives a username to one of two admins adding it at once through both; the other is told it is taken', async () => {
    const admin = await staffCookie(pair.first.app, 'admin');
    const payload = { username: 'karim.b', firstName: 'Karim', role: 'mediateur', siteIds: ['chatillon'] };
    const results = await Promise.all([0, 1].map((i) => pair.apps[i as 0 | 1].inject({ method: 'POST', url: '/api/staff/accounts', headers: admin, payload })));
    expect(tally(results)).toEqual({ '201': 1, username_taken: 1 });
  });

  it('keeps an admin département when the last two disable each other at once through both', async () => {
    await addStaff(pair.first, 'second.admin', 'Paul', 'admin_departement', []);
    const [claire, paul] = [await staffCookie(pair.first.app, 'admin'), await staffCookie(pair.second.app, 'second.admin')];
    const ids = await pair.first.store.db.selectFrom('staff_users').select(['id', 'username']).where('username', 'in', ['admin', 'second.admin']).execute();
    const idOf = (username: string) => ids.find((r) => r.username === username)!.id;
    const results = await Promise.all([
      pair.apps[0].inject({ method: 'POST', url: `/api/staff/accounts/${idOf('second.admin')}/disable`, headers: claire }),
      pair.apps[1].inject({ method: 'POST', url: `/api/staff/accounts/${idOf('admin')}/disable`, headers: paul }),
    ]);
    // One wins; the other is refused (the last admin, or already signed out by the winner).
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
    const active = await pair.first.store.db.selectFrom('staff_users').select('id').where('role', '=', 'admin_departement').where('disabled_at', 'is', null).execute();
    expect(active).toHaveLength(1);
  });

  it("shows a motif added through one instance at the other's kiosks at once: the bus drops its kept motifs", async () => {
    const kiosk = kioskAuth(pair.first, 'chatillon-1');
    const kioskMotifs = async (i: 0 | 1) => (await pair.apps[i].inject({ method: 'GET', url: '/api/kiosk/agenda/motifs', headers: kiosk })).json<{ id: string }[]>().map((m) => m.id);
    const before = await kioskMotifs(1);
    const told = new Promise<void>((resolve) => pair.second.app.borne.bus.onAgendaChange('chatillon', resolve));
    const added = await pair.first.app.inject({
      method: 'POST',
      url: '/api/staff/sites/chatillon/motifs',
      headers: await staffCookie(pair.first.app, 'admin'),
      payload: { name: { fr: 'Aide numérique' }, description: { fr: 'Pour une démarche en ligne.' }, durationMinutes: 30, mode: 'on_site', firstContact: true, minDelayMinutes: 60, maxDelayDays: 21, changeLimitHours: 12, metiers: ['conseiller_insertion'] },
    });
    expect(added.statusCode, added.body).toBe(201);
    const { id } = added.json<{ id: string }>();
    await told;
    // Well within the 30 s the motifs are otherwise kept for.
    expect(before).not.toContain(id);
    expect(await kioskMotifs(1)).toContain(id);
  });

  it('sets a password with a setup code once, and counts wrong setup codes from one address across both', async () => {
    const res = await pair.first.app.inject({
      method: 'POST',
      url: '/api/staff/accounts',
      headers: await staffCookie(pair.first.app, 'admin'),
      payload: { username: 'ines.m', firstName: 'Inès', role: 'mediateur', siteIds: ['chatillon'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json<AccountWithSetup>().setup;
    const setup = (i: number, payload: { code: string; password: string }, remoteAddress: string) => pair.apps[i % 2]!.inject({ method: 'POST', url: '/api/staff/setup', payload, remoteAddress });
    const twice = await Promise.all([0, 1].map((i) => setup(i, { code, password: `un mot de passe long ${i}` }, `198.51.100.${10 + i}`)));
    expect(tally(twice)).toEqual({ '200': 1, setup_code_invalid: 1 });

    const guesses = await Promise.all(Array.from({ length: SETUP_FAILURES_MAX + 4 }, (_, i) => setup(i, { code: 'AAAA-BBBB-CCCC-DDDD', password: 'un mot de passe long' }, '198.51.100.50')));
    expect(tally(guesses)).toEqual({ setup_code_invalid: SETUP_FAILURES_MAX, rate_limited: 4 });
  });
});
