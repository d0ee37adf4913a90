import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlDossierSource } from '../../src/server/dossier/sql-dossier-source';
import { seedDemo } from '../../src/server/seed/demo';
import { fixedClock, startTestServer, type TestServer } from '../support/server';

const clock = fixedClock('2026-11-23T09:00:00.000Z');
let server: TestServer;
let source: SqlDossierSource;
beforeAll(async () => {
  server = await startTestServer({ clock });
  source = new SqlDossierSource(server.store.db);
});
afterAll(() => server.close());

describe('référents in the data: a gender and a room in every language', () => {
  it('the dossier view carries the gender and the places as texts {fr, en, ar}', async () => {
    const sophie = await source.view('dos-1', clock());
    expect(sophie.referent).toMatchObject({ firstName: 'Sophie', gender: 'female', place: { fr: 'Bureau 12, 1er étage', en: 'Office 12, 1st floor', ar: 'المكتب 12، الطابق الأول' } });
    expect(sophie.appointments[0]!.place).toEqual({ fr: 'Bureau 12, 1er étage', en: 'Office 12, 1st floor', ar: 'المكتب 12، الطابق الأول' });
    expect((await source.view('dos-2', clock())).referent).toMatchObject({ firstName: 'Malik', gender: 'male', place: { en: 'Office 4, ground floor' } });
  });

  it('a demo database seeded before migration 009 gets the genders and translations on the next start', async () => {
    const db = server.store.db;
    await db.updateTable('referents').set({ gender: null, place_i18n: null }).execute();
    await db.updateTable('appointments').set({ place_i18n: null }).execute();
    // A room an admin changed since is theirs: the demo does not overwrite it.
    await db.updateTable('referents').set({ place: 'Bureau 30, 3e étage' }).where('id', '=', 'ref-malik').execute();
    expect((await source.view('dos-1', clock())).referent).toMatchObject({ gender: null, place: { fr: 'Bureau 12, 1er étage' } });
    await seedDemo(db, server.sites, clock());
    expect((await source.view('dos-1', clock())).referent).toMatchObject({ gender: 'female', place: { en: 'Office 12, 1st floor' } });
    expect((await source.view('dos-1', clock())).appointments[0]!.place).toMatchObject({ ar: 'المكتب 12، الطابق الأول' });
    expect((await source.view('dos-2', clock())).referent).toEqual(expect.objectContaining({ gender: null, place: { fr: 'Bureau 30, 3e étage' } }));
  });

  it('a malformed translation column keeps the French text', async () => {
    await server.store.db.updateTable('referents').set({ place_i18n: '{not json' }).where('id', '=', 'ref-sophie').execute();
    expect((await source.view('dos-1', clock())).referent!.place).toEqual({ fr: 'Bureau 12, 1er étage' });
  });
});
