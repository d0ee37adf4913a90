import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openSqlite } from '../../src/server/store/db';
import { addStaff, errorCode } from '../support/help';
import { staffCookie, startTestServer, type TestServer } from '../support/server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await addStaff(server, 'lucie', 'Lucie', 'mediateur', ['issy-les-moulineaux']);
});
afterAll(() => server.close());

const sitesOf = async (username: string) => {
  const res = await server.app.inject({ method: 'GET', url: '/api/staff/sites', headers: await staffCookie(server.app, username) });
  return res.json<{ id: string }[]>().map((s) => s.id);
};

describe('staff belong to pôles', () => {
  it('lists each person only their pôles; an admin département sees every pôle', async () => {
    expect(await sitesOf('lucie')).toEqual(['issy-les-moulineaux']);
    expect(await sitesOf('adminpole')).toEqual(['chatillon']);
    expect((await sitesOf('admin')).sort()).toEqual([...server.sites.keys()].sort());
  });

  it('says who the person is, with their role and pôles', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/api/staff/me', headers: await staffCookie(server.app, 'adminpole') });
    expect(res.json()).toMatchObject({ username: 'adminpole', role: 'admin_pole', siteIds: ['chatillon'], dutySiteId: null });
  });

  it('refuses duty at a pôle that is not the médiateur’s, and says so', async () => {
    const cookie = await staffCookie(server.app, 'lucie');
    const refused = await server.app.inject({ method: 'PUT', url: '/api/staff/duty', headers: cookie, payload: { siteId: 'chatillon' } });
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'site_not_yours']);
    const ok = await server.app.inject({ method: 'PUT', url: '/api/staff/duty', headers: cookie, payload: { siteId: 'issy-les-moulineaux' } });
    expect(ok.statusCode).toBe(200);
  });

  it('lets an admin de pôle watch their pôle without being on duty, and no other pôle', async () => {
    const cookie = await staffCookie(server.app, 'adminpole');
    const own = await server.app.inject({ method: 'HEAD', url: '/api/staff/sites/chatillon/stream', headers: cookie });
    expect(own.statusCode).toBe(200);
    const other = await server.app.inject({ method: 'GET', url: '/api/staff/sites/issy-les-moulineaux/stream', headers: cookie });
    expect([other.statusCode, errorCode(other)]).toEqual([403, 'site_not_yours']);
  });
});

describe('the upgrade to three roles (migration 010)', () => {
  it('makes the old admins admins département and keeps médiateurs at the pôles that have kiosks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'borne-upgrade-'));
    const store = openSqlite(join(dir, 'borne.sqlite'));
    try {
      await migrate(store, '009-referent-words');
      const at = new Date().toISOString();
      const user = (username: string, role: string) => ({ id: randomUUID(), username, first_name: username, role, password_hash: 'x', created_at: at, disabled_at: null });
      const admin = user('claire', 'admin');
      const mediateur = user('karim', 'mediateur');
      // The old schema's role type: written raw, as a database of the previous version holds it.
      await store.db.insertInto('staff_users').values([admin, mediateur] as never).execute();
      await store.db.insertInto('kiosks').values(['chatillon-1', 'chatillon-2', 'issy-les-moulineaux-1'].map((id) => ({ id, site_id: id.replace(/-\d+$/, ''), token_hash: `h-${id}`, enrolled_at: at, last_seen_at: null, in_session: 0, screen: null, language: null }))).execute();
      await migrate(store);
      const roles = await store.db.selectFrom('staff_users').select(['username', 'role']).orderBy('username').execute();
      expect(roles).toEqual([{ username: 'claire', role: 'admin_departement' }, { username: 'karim', role: 'mediateur' }]);
      const sites = await store.db.selectFrom('staff_sites').select(['staff_id', 'site_id']).orderBy('site_id').execute();
      expect(sites).toEqual([{ staff_id: mediateur.id, site_id: 'chatillon' }, { staff_id: mediateur.id, site_id: 'issy-les-moulineaux' }]);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
