import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsSaved, SettingsView } from '../../src/core/site/settings';
import { listStaffActions } from '../../src/server/audit/staff-audit';
import { addStaff, errorCode, onDuty } from '../support/help';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';
import { openSse, type SseClient } from '../support/sse';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** « Réglages du pôle » (issue 10 item 8): who may read and save, field-by-field refusals, conflicts, audit, live kiosks. */
let server: TestServer;
const clients: SseClient[] = [];
const URL = '/api/staff/sites/chatillon/settings';

beforeEach(async () => {
  server = await startTestServer({ clock: fixedClock('2026-12-01T09:00:00.000Z') });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  server?.app.server.closeAllConnections();
  await server?.close();
});

async function read(cookie: { cookie: string }): Promise<SettingsView> {
  const res = await server.app.inject({ method: 'GET', url: URL, headers: cookie });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<SettingsView>();
}

function save(cookie: { cookie: string }, settings: Record<string, unknown>, version: number) {
  return server.app.inject({ method: 'PUT', url: URL, headers: cookie, payload: { settings, version } });
}

describe('who may read and change a pôle’s settings', () => {
  it('médiateur 403, admin de pôle of another pôle 403 site_not_yours, admin de pôle and admin département OK', async () => {
    await addStaff(server, 'adminissy', 'Inès', 'admin_pole', ['issy-les-moulineaux']);
    const mediateur = await staffCookie(server.app, 'mediateur');
    const other = await staffCookie(server.app, 'adminissy');
    const adminPole = await staffCookie(server.app, 'adminpole');
    const admin = await staffCookie(server.app, 'admin');

    for (const method of ['GET', 'PUT'] as const) {
      const payload = method === 'PUT' ? { settings: { help: { escalationMinutes: 6 } }, version: 1 } : undefined;
      const asMediateur = await server.app.inject({ method, url: URL, headers: mediateur, ...(payload ? { payload } : {}) });
      expect(asMediateur.statusCode).toBe(403);
      expect(errorCode(asMediateur)).toBe('staff_forbidden');
      const asOther = await server.app.inject({ method, url: URL, headers: other, ...(payload ? { payload } : {}) });
      expect(asOther.statusCode).toBe(403);
      expect(errorCode(asOther)).toBe('site_not_yours');
    }

    const view = await read(adminPole);
    expect(view.settings.help.fallback.fr).toMatch(/accueil/);
    expect(view.guides.find((g) => g.id === 'caf-attestation')?.title).toEqual(expect.any(String));
    expect(view.guides.find((g) => g.id === 'caf-attestation')?.title).not.toBe('caf-attestation');
    // Every language of the table, with who translated it and whether a fluent person reviewed it.
    expect(view.languages.map((l) => l.code)).toEqual(['fr', 'en', 'ar', 'uk', 'fa', 'ps', 'ru', 'ti']);
    const russian = view.languages.find((l) => l.code === 'ru')!;
    expect(russian).toMatchObject({ reviewed: false, reviewedBy: null, kiosk: { status: 'complete' } });
    expect(russian.producedBy).toMatch(/Traduction automatique/);
    expect(view.languages.find((l) => l.code === 'fr')).toMatchObject({ reviewed: true });
    expect(view.settings).not.toHaveProperty('kiosks');

    const first = await save(adminPole, { help: { escalationMinutes: 6 } }, view.version);
    expect(first.statusCode, first.body).toBe(200);
    const saved = first.json<SettingsSaved>();
    expect(saved.settings.help.escalationMinutes).toBe(6);
    expect(saved.version).toBe(view.version + 1);
    expect(saved.policyCommand).toBeNull();

    const second = await save(admin, { idle: { answerSeconds: 45 } }, saved.version);
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json<SettingsSaved>().settings.idle).toEqual({ warningAfterSeconds: 120, answerSeconds: 45 });
    // Unknown pôle: the admin département learns it does not exist.
    expect(errorCode(await server.app.inject({ method: 'GET', url: '/api/staff/sites/nowhere/settings', headers: admin }))).toBe('site_unknown');
  });
});

describe('a bad value is refused field by field', () => {
  it('names each field and says the fix, and nothing is saved', async () => {
    const admin = await staffCookie(server.app, 'admin');
    const { version, settings } = await read(admin);
    const res = await save(admin, {
      help: { escalationMinutes: 0, ringIntervalSeconds: 2.5, fallback: { fr: '' } },
      idle: { answerSeconds: 5 },
      closedDays: ['25/12/2026'],
      allowedHosts: ['not a host'],
      guides: ['caf-attestation', 'no-such-guide'],
      booking: { maxLivePerPhone: 50 },
      defaultLanguage: 'de',
    }, version);
    expect(res.statusCode).toBe(400);
    const fields = Object.fromEntries(res.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields.map((f) => [f.path, f.message]));
    expect(fields['help.escalationMinutes']).toMatch(/greater than 0/);
    expect(fields['help.ringIntervalSeconds']).toMatch(/whole seconds/);
    expect(fields['help.fallback.fr']).toMatch(/French text/);
    expect(fields['idle.answerSeconds']).toMatch(/at least 20 seconds/);
    expect(fields['closedDays.0']).toMatch(/YYYY-MM-DD/);
    expect(fields['allowedHosts.0']).toMatch(/host name/);
    expect(fields['booking.maxLivePerPhone']).toMatch(/at most 20/);
    expect(fields.defaultLanguage).toMatch(/expected one of/);
    // Each common mistake carries its kind and limit, so the console says it in the admin's language.
    const issues = Object.fromEntries(res.json<{ error: { fields: { path: string; issue?: unknown }[] } }>().error.fields.map((f) => [f.path, f.issue]));
    expect(issues['help.escalationMinutes']).toEqual({ kind: 'too_small', limit: 0, inclusive: false });
    expect(issues['idle.answerSeconds']).toEqual({ kind: 'too_small', limit: 20, inclusive: true });
    expect(issues['help.ringIntervalSeconds']).toEqual({ kind: 'not_integer' });
    expect(issues['booking.maxLivePerPhone']).toEqual({ kind: 'too_big', limit: 20, inclusive: true });
    expect(issues['closedDays.0']).toEqual({ kind: 'wrong_format' });
    expect((await read(admin)).settings).toEqual(settings);

    // Guides are checked once the schema passes: an unknown id is named by its place in the list.
    const guides = await save(admin, { guides: ['caf-attestation', 'no-such-guide'] }, version);
    expect(guides.statusCode).toBe(400);
    expect(guides.json<{ error: { fields: { path: string; message: string }[] } }>().error.fields).toEqual([{ path: 'guides.1', message: expect.stringMatching(/no guide "no-such-guide"/) }]);
    // A field that is not a setting here (kiosks, id) is refused by name, not ignored.
    const kiosks = await save(admin, { kiosks: [] }, version);
    expect(kiosks.statusCode).toBe(400);
    expect(kiosks.json<{ error: { fields: { path: string }[] } }>().error.fields[0]!.path).toBe('kiosks');
    // A guide offered here needs its site among the allowed hosts.
    const hosts = await save(admin, { allowedHosts: ['www.caf.fr'] }, version);
    expect(hosts.statusCode).toBe(400);
    expect(hosts.json<{ error: { fields: { path: string }[] } }>().error.fields.every((f) => f.path === 'allowedHosts')).toBe(true);
  });

  it('a second save from a stale version is refused with the current settings', async () => {
    const admin = await staffCookie(server.app, 'admin');
    const adminPole = await staffCookie(server.app, 'adminpole');
    const { version } = await read(admin);
    expect((await save(adminPole, { help: { fallback: { fr: 'Guichet 2' } } }, version)).statusCode).toBe(200);
    const late = await save(admin, { help: { fallback: { fr: 'Guichet 9' } } }, version);
    expect(late.statusCode).toBe(409);
    const body = late.json<{ error: { code: string; current: SettingsView['settings']; details: { version: number } } }>();
    expect(body.error.code).toBe('version_conflict');
    expect(body.error.details.version).toBe(version + 1);
    expect(body.error.current.help.fallback).toEqual({ fr: 'Guichet 2' });
    expect(body.error.current).not.toHaveProperty('kiosks');
  });
});

describe('a saved change', () => {
  it('is audited with exactly the fields that changed, before and after', async () => {
    const adminPole = await staffCookie(server.app, 'adminpole');
    const { version, settings } = await read(adminPole);
    await save(adminPole, { help: { ...settings.help, escalationMinutes: 7 }, closedDays: ['2026-12-25'] }, version);
    const [entry] = await listStaffActions(server.store.db, { action: 'settings_change' });
    expect(entry).toMatchObject({ siteId: 'chatillon', target: 'chatillon', before: { 'help.escalationMinutes': 5, closedDays: [] }, after: { 'help.escalationMinutes': 7, closedDays: ['2026-12-25'] } });
  });

  it('says the Chromium policy must be regenerated when the allowed hosts change, with the command', async () => {
    const admin = await staffCookie(server.app, 'admin');
    const { version, settings } = await read(admin);
    const res = await save(admin, { allowedHosts: [...settings.allowedHosts, 'www.ameli.fr'] }, version);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<SettingsSaved>().policyCommand).toMatch(/^npm run kiosk -- policy --site chatillon --server http:\/\/localhost(:\d+)? --install$/);
  });

  it('reaches an open kiosk stream as a site event, /api/kiosk/me gives the new text, and consoles get the new ring interval', async () => {
    const base = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const kiosk = await openSse(`${base}/api/kiosk/stream`, kioskAuth(server, 'chatillon-1'));
    const otherKiosk = await openSse(`${base}/api/kiosk/stream`, kioskAuth(server, 'issy-les-moulineaux-1'));
    const console1 = await openSse(`${base}/api/staff/sites/chatillon/stream`, await onDuty(server, 'chatillon'));
    clients.push(kiosk, otherKiosk, console1);
    await kiosk.next((m) => m.type === 'help');
    await console1.next((m) => m.type === 'snapshot');

    const admin = await staffCookie(server.app, 'admin');
    const { version, settings } = await read(admin);
    const res = await save(admin, { help: { ...settings.help, fallback: { ...settings.help.fallback, fr: 'Allez au guichet 3.' }, ringIntervalSeconds: 15 } }, version);
    expect(res.statusCode, res.body).toBe(200);

    expect((await kiosk.next((m) => m.type === 'site')).data).toEqual({ type: 'site' });
    const me = await server.app.inject({ method: 'GET', url: '/api/kiosk/me', headers: kioskAuth(server, 'chatillon-1') });
    expect(me.json<{ help: { fallback: { fr: string } } }>().help.fallback.fr).toBe('Allez au guichet 3.');
    expect((await console1.next((m) => m.type === 'settings')).data).toEqual({ type: 'settings', help: { ringIntervalSeconds: 15 } });
    expect(otherKiosk.received.some((m) => m.type === 'site')).toBe(false);
  });

  it('made by another process (config:import) is picked up from the database within a second', async () => {
    const before = server.app.borne.config.get('chatillon')!;
    const json = JSON.stringify({ ...before.site, name: 'Pôle social de Châtillon (centre)' });
    await server.store.db.updateTable('site_configs').set({ json, version: before.version + 1 }).where('id', '=', 'chatillon').execute();
    const changed = new Promise<void>((resolve) => server.app.borne.config.onChange((c) => c.siteId === 'chatillon' && resolve()));
    // The poll runs every second: a few seconds is a hang guard on a loaded machine, not a target.
    await Promise.race([changed, new Promise((_, reject) => setTimeout(() => reject(new Error('the change was not picked up')), 5000))]);
    expect(server.app.borne.config.sites.get('chatillon')!.name).toBe('Pôle social de Châtillon (centre)');
  });
});
