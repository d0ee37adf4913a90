import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MotifAdminList, MotifAdminView, ReferentAdminList, ReferentAdminView } from '../../src/core/agenda/agenda-admin';
import type { MotifView, WeekSlotsView } from '../../src/core/agenda/booking';
import { join } from 'node:path';
import { SqlAgendaAdmin } from '../../src/server/agenda/sql-agenda-admin';
import { seedDemoAgenda } from '../../src/server/seed/demo-agenda';
import { migrate, openSqlite } from '../../src/server/store/db';
import { fixedClock, kioskAuth, staffCookie, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
// Monday 23 November 2026, 10:00 in Paris.
const clock = fixedClock('2026-11-23T09:00:00.000Z');

beforeEach(async () => {
  clock.set('2026-11-23T09:00:00.000Z');
  server = await startTestServer({ clock });
});
afterEach(() => server.close());

type Who = 'mediateur' | 'adminpole' | 'admin';
const as = async (who: Who) => staffCookie(server.app, who);
const call = async (who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => server.app.inject({ method, url, headers: await as(who), ...(payload ? { payload } : {}) });

const PMI_FIELDS = {
  name: { fr: 'Aide numérique', ar: 'مساعدة رقمية' },
  description: { fr: 'Pour une démarche en ligne, avec un conseiller.' },
  durationMinutes: 30,
  mode: 'on_site',
  firstContact: true,
  minDelayMinutes: 60,
  maxDelayDays: 21,
  changeLimitHours: 12,
  metiers: ['conseiller_insertion'],
} as const;
const SOPHIE = { firstName: 'Sophie', metier: 'conseiller_insertion', gender: 'female', place: { fr: 'Bureau 14, 1er étage', ar: 'المكتب 14، الطابق الأول' } } as const;

const referents = async (siteId = 'chatillon') => (await call('admin', 'GET', `/api/staff/sites/${siteId}/referents`)).json<ReferentAdminList>();
const motifs = async (siteId = 'chatillon') => (await call('admin', 'GET', `/api/staff/sites/${siteId}/motifs`)).json<MotifAdminList>();
const referent = async (id: string) => (await referents(id === 'ref-thomas' ? 'issy-les-moulineaux' : 'chatillon')).referents.find((r) => r.id === id)!;
const motif = async (id: string) => (await motifs(id.startsWith('issy') ? 'issy-les-moulineaux' : 'chatillon')).motifs.find((m) => m.id === id)!;

/** Every admin route, for the pôle given: the record routes use a référent and a motif of that pôle. */
function routes(siteId: 'chatillon' | 'issy-les-moulineaux') {
  const referentId = siteId === 'chatillon' ? 'ref-sophie' : 'ref-thomas';
  const motifId = `${siteId}-pmi`;
  return [
    { name: 'list référents', run: (who: Who) => call(who, 'GET', `/api/staff/sites/${siteId}/referents`), ok: 200 },
    { name: 'add a référent', run: (who: Who) => call(who, 'POST', `/api/staff/sites/${siteId}/referents`, { ...SOPHIE, firstName: 'Zoé' }), ok: 201 },
    { name: 'change a référent', run: async (who: Who) => call(who, 'PUT', `/api/staff/referents/${referentId}`, { ...SOPHIE, version: (await referent(referentId)).version }), ok: 200 },
    { name: 'archive a référent', run: async (who: Who) => call(who, 'POST', `/api/staff/referents/${referentId}/archive`, { archived: true, version: (await referent(referentId)).version }), ok: 200 },
    { name: 'list motifs', run: (who: Who) => call(who, 'GET', `/api/staff/sites/${siteId}/motifs`), ok: 200 },
    { name: 'add a motif', run: (who: Who) => call(who, 'POST', `/api/staff/sites/${siteId}/motifs`, PMI_FIELDS), ok: 201 },
    { name: 'change a motif', run: async (who: Who) => call(who, 'PUT', `/api/staff/motifs/${motifId}`, { ...PMI_FIELDS, version: (await motif(motifId)).version }), ok: 200 },
    { name: 'archive a motif', run: async (who: Who) => call(who, 'POST', `/api/staff/motifs/${motifId}/archive`, { archived: true, version: (await motif(motifId)).version }), ok: 200 },
  ];
}

describe('who may run « Référents » and « Motifs »', () => {
  it.each(routes('chatillon').map((r) => [r.name, r] as const))('%s: médiateur 403, admin of another pôle 403 site_not_yours, admin of the pôle and admin département OK', async (_name, route) => {
    const mediateur = await route.run('mediateur');
    expect(mediateur.statusCode).toBe(403);
    expect(mediateur.json().error.code).toBe('staff_forbidden');
    const other = routes('issy-les-moulineaux').find((r) => r.name === route.name)!;
    const notYours = await other.run('adminpole');
    expect(notYours.statusCode).toBe(403);
    expect(notYours.json().error.code).toBe('site_not_yours');
    expect((await route.run('adminpole')).statusCode).toBe(route.ok);
    expect((await other.run('admin')).statusCode).toBe(other.ok);
  });
});

describe('référents', () => {
  it('adds, changes and archives one: audited before and after, kiosks told, their past appointments kept', async () => {
    const created = await call('adminpole', 'POST', '/api/staff/sites/chatillon/referents', { firstName: ' Zoé ', metier: 'assistant_social', gender: 'female', place: { fr: 'Bureau 2', en: '', ar: 'المكتب 2' } });
    expect(created.statusCode).toBe(201);
    const zoe = created.json<ReferentAdminView>();
    expect(zoe).toMatchObject({ firstName: 'Zoé', place: { fr: 'Bureau 2', ar: 'المكتب 2' }, archived: false, version: 1, hours: {}, absences: [] });
    expect(zoe.place).not.toHaveProperty('en');

    const sophie = await referent('ref-sophie');
    const changed = await call('adminpole', 'PUT', '/api/staff/referents/ref-sophie', { ...SOPHIE, version: sophie.version });
    expect(changed.json<ReferentAdminView>()).toMatchObject({ place: SOPHIE.place, version: sophie.version + 1 });
    const audit = await server.store.db.selectFrom('staff_audit').selectAll().where('action', '=', 'referent_update').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.before_json!)).toMatchObject({ place: sophie.place });
    expect(JSON.parse(audit.after_json!)).toMatchObject({ place: SOPHIE.place });
    expect(audit.site_id).toBe('chatillon');
    await vi.waitFor(async () => expect(await server.store.db.selectFrom('events').select('id').where('site_id', '=', 'chatillon').where('type', '=', 'agenda').execute()).not.toEqual([]));

    const withBookings = await server.store.db.selectFrom('appointments').select('id').where('referent_id', '=', 'ref-malik').execute();
    const malik = await referent('ref-malik');
    expect((await call('admin', 'POST', '/api/staff/referents/ref-malik/archive', { archived: true, version: malik.version })).json()).toMatchObject({ archived: true });
    expect(await server.store.db.selectFrom('appointments').select('id').where('referent_id', '=', 'ref-malik').execute()).toEqual(withBookings);
    // No first contact with him any more: Malik was the only assistant social of Châtillon.
    const week = await server.app.inject({ method: 'GET', url: '/api/kiosk/agenda/slots?motifId=chatillon-accueil-social', headers: kioskAuth(server, 'chatillon-1') });
    expect(week.json<WeekSlotsView>().days).toEqual([]);
    expect((await referents()).referents.find((r) => r.id === 'ref-malik')).toMatchObject({ archived: true });
  });

  it('refuses the second of two saves started from the same version, with the record as it is now', async () => {
    const { version } = await referent('ref-lea');
    const first = await call('adminpole', 'PUT', '/api/staff/referents/ref-lea', { firstName: 'Léa', metier: 'puericultrice', gender: 'female', place: { fr: 'Salle PMI 2' }, version });
    expect(first.statusCode).toBe(200);
    const second = await call('admin', 'PUT', '/api/staff/referents/ref-lea', { firstName: 'Léah', metier: 'puericultrice', gender: 'female', place: { fr: 'Salle PMI 3' }, version });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'version_conflict', details: { version: version + 1 }, current: { firstName: 'Léa', place: { fr: 'Salle PMI 2' }, version: version + 1 } });
    expect((await referent('ref-lea')).place.fr).toBe('Salle PMI 2');
  });

  it('refuses bad values field by field, never a 500', async () => {
    const res = await call('admin', 'POST', '/api/staff/sites/chatillon/referents', { firstName: '', metier: 'plombier', gender: 'other', place: { fr: '  ', ar: 'x'.repeat(200) } });
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path).sort();
    expect(paths).toEqual(['firstName', 'gender', 'metier', 'place.ar', 'place.fr']);
    expect((await call('admin', 'PUT', '/api/staff/referents/ref-lea', { ...SOPHIE })).json().error.fields).toEqual([expect.objectContaining({ path: 'version' })]);
    expect((await call('admin', 'PUT', '/api/staff/referents/nobody', { ...SOPHIE, version: 1 })).statusCode).toBe(404);
    expect((await call('admin', 'GET', '/api/staff/sites/nowhere/referents')).statusCode).toBe(404);
  });
});

describe('motifs', () => {
  const kioskMotifs = async () => (await server.app.inject({ method: 'GET', url: '/api/kiosk/agenda/motifs', headers: kioskAuth(server, 'chatillon-1') })).json<MotifView[]>();

  it('the demo stored its motifs with their texts, through the agenda’s own writes', async () => {
    const list = await motifs();
    expect(list.managedBy).toBeNull();
    // The languages the pôle offers, in which its motif names can be written: the demo Châtillon offers all eight.
    expect(list.languages).toEqual(['fr', 'en', 'ar', 'uk', 'fa', 'ps', 'ru', 'ti']);
    expect(list.motifs.map((m) => m.name.fr)).toEqual(['Suivi avec mon référent', 'Accueil social', 'PMI (mères et jeunes enfants)', 'Santé sexuelle', 'Insertion et RSA']);
    expect(list.motifs[2]).toMatchObject({ id: 'chatillon-pmi', name: { ar: 'حماية الأمهات والأطفال (PMI)' }, firstContact: true, version: 1, position: 2, archived: false });
    expect(list.motifs[0]).toMatchObject({ firstContact: false, metiers: [] });
  });

  it('the demo seeds its motifs through the built-in agenda’s createMotif, as the console does', async () => {
    const spy = vi.spyOn(SqlAgendaAdmin.prototype, 'createMotif');
    const store = openSqlite(join(server.dir, 'fresh.sqlite'));
    try {
      await migrate(store);
      await seedDemoAgenda(store.db, new Set(['chatillon']), clock());
      expect(spy.mock.calls.map(([siteId, id]) => `${siteId}/${id}`)).toEqual(['chatillon/chatillon-suivi', 'chatillon/chatillon-accueil-social', 'chatillon/chatillon-pmi', 'chatillon/chatillon-sante-sexuelle', 'chatillon/chatillon-insertion-rsa']);
      const stored = await store.db.selectFrom('motifs').select(['id', 'name', 'name_i18n', 'first_contact']).where('id', '=', 'chatillon-sante-sexuelle').executeTakeFirstOrThrow();
      expect(stored).toMatchObject({ name: 'Santé sexuelle', first_contact: 1 });
      expect(JSON.parse(stored.name_i18n!)).toEqual({ en: 'Sexual health', ar: 'الصحة الجنسية' });
    } finally {
      spy.mockRestore();
      await store.close();
    }
  });

  it('a motif added in the console is offered by the kiosk with its stored texts, in every language written', async () => {
    const created = await call('adminpole', 'POST', '/api/staff/sites/chatillon/motifs', PMI_FIELDS);
    expect(created.statusCode).toBe(201);
    const added = created.json<MotifAdminView>();
    expect(added).toMatchObject({ position: 5, version: 1, category: null });
    const offered = (await kioskMotifs()).find((m) => m.id === added.id);
    expect(offered).toMatchObject({ name: { fr: 'Aide numérique', ar: 'مساعدة رقمية' }, description: { fr: 'Pour une démarche en ligne, avec un conseiller.' }, needsIdentification: false, durationMinutes: 30 });
    const week = await server.app.inject({ method: 'GET', url: `/api/kiosk/agenda/slots?motifId=${added.id}`, headers: kioskAuth(server, 'chatillon-1') });
    expect(Object.keys(week.json<WeekSlotsView>().referents)).toEqual(['ref-sophie']);

    const renamed = await call('admin', 'PUT', `/api/staff/motifs/${added.id}`, { ...PMI_FIELDS, name: { fr: 'Aide aux démarches en ligne', ar: 'مساعدة في الإجراءات عبر الإنترنت' }, version: 1 });
    expect(renamed.statusCode).toBe(200);
    // The kiosk's list is kept a short while for speed; a change from the console is seen at once.
    expect((await kioskMotifs()).find((m) => m.id === added.id)?.name).toEqual({ fr: 'Aide aux démarches en ligne', ar: 'مساعدة في الإجراءات عبر الإنترنت' });
    const audit = await server.store.db.selectFrom('staff_audit').selectAll().where('action', '=', 'motif_update').executeTakeFirstOrThrow();
    expect([JSON.parse(audit.before_json!).name.fr, JSON.parse(audit.after_json!).name.fr]).toEqual(['Aide numérique', 'Aide aux démarches en ligne']);

    expect((await call('admin', 'POST', `/api/staff/motifs/${added.id}/archive`, { archived: true, version: 2 })).statusCode).toBe(200);
    expect((await kioskMotifs()).map((m) => m.id)).not.toContain(added.id);
    expect((await motifs()).motifs.find((m) => m.id === added.id)).toMatchObject({ archived: true, version: 3 });
  });

  it('refuses a conflict with the current motif, and bad values field by field', async () => {
    const first = await call('adminpole', 'PUT', '/api/staff/motifs/chatillon-pmi', { ...PMI_FIELDS, name: { fr: 'PMI' }, metiers: ['puericultrice'], version: 1 });
    expect(first.statusCode).toBe(200);
    const second = await call('admin', 'POST', '/api/staff/motifs/chatillon-pmi/archive', { archived: true, version: 1 });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({ code: 'version_conflict', details: { version: 2 }, current: { name: { fr: 'PMI' }, archived: false } });

    const bad = await call('admin', 'POST', '/api/staff/sites/chatillon/motifs', { ...PMI_FIELDS, name: { ar: 'بدون فرنسية' }, durationMinutes: 7, mode: 'visio', minDelayMinutes: -1, maxDelayDays: 1.5, changeLimitHours: '24', metiers: [] });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path).sort();
    expect(paths).toEqual(['changeLimitHours', 'durationMinutes', 'maxDelayDays', 'minDelayMinutes', 'mode', 'name.fr']);
    // Once each field is well-formed, the rules between them are said too.
    const rules = await call('admin', 'POST', '/api/staff/sites/chatillon/motifs', { ...PMI_FIELDS, metiers: [], minDelayMinutes: 2880, maxDelayDays: 1 });
    expect(rules.json<{ error: { fields: { path: string }[] } }>().error.fields.map((f) => f.path).sort()).toEqual(['maxDelayDays', 'metiers']);
    expect((await call('admin', 'PUT', '/api/staff/motifs/nothing', { ...PMI_FIELDS, version: 1 })).statusCode).toBe(404);
  });
});
