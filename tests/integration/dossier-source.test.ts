import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlDossierSource } from '../../src/server/dossier/sql-dossier-source';
import { fixedClock, startTestServer, type TestServer } from '../support/server';

const clock = fixedClock('2026-11-23T09:00:00.000Z');
let server: TestServer;
let source: SqlDossierSource;
beforeAll(async () => {
  server = await startTestServer({ clock });
  source = new SqlDossierSource(server.store.db);
});
afterAll(() => server.close());

describe('built-in DossierSource on the demo dossiers', () => {
  it('finds a dossier by its number, with what identification needs', async () => {
    expect(await source.findByNumber('10000001')).toEqual({ id: 'dos-1', birthDate: '1985-03-14', siteId: 'chatillon', kioskAccess: 'open', referentId: 'ref-sophie' });
    expect(await source.findByNumber('99999999')).toBeUndefined();
    expect((await source.findByNumber('10000004'))?.kioskAccess).toBe('blocked');
  });

  it('shows the référent, the demande in instruction and the upcoming appointment', async () => {
    const view = await source.view('dos-1', clock());
    expect(view.referent).toMatchObject({ firstName: 'Sophie', metier: 'conseiller_insertion' });
    expect(view.demandes).toEqual([expect.objectContaining({ type: 'rsa', status: 'in_instruction' })]);
    expect(view.appointments).toEqual([expect.objectContaining({ withFirstName: 'Sophie', startsAt: '2026-11-26T09:00:00.000Z', endsAt: '2026-11-26T09:30:00.000Z' })]);
  });

  it('lists missing documents with their demande', async () => {
    const view = await source.view('dos-2', clock());
    expect(view.missingDocuments.map((d) => d.type).sort()).toEqual(['avis_imposition', 'bail']);
  });

  it('never shows a PMI demande, nor the documents it asks for', async () => {
    const view = await source.view('dos-5', clock());
    expect(view.demandes.map((d) => d.type)).toEqual(['insertion']);
    expect(view.missingDocuments).toEqual([]);
  });

  it('no longer shows an appointment once it is past', async () => {
    expect((await source.view('dos-1', new Date('2026-12-01T00:00:00Z'))).appointments).toEqual([]);
  });
});
