import { afterEach, describe, expect, it } from 'vitest';
import type { MotifAdminList } from '../../src/core/agenda/agenda-admin';
import type { AgendaSource } from '../../src/server/agenda/agenda-source';
import { SqlAgendaSource } from '../../src/server/agenda/sql-agenda-source';
import { staffCookie, startTestServer, type TestServer } from '../support/server';

/**
 * A connector that owns its référents and motifs (RDV-Solidarités) implements AgendaSource
 * without `admin`: the console lists what it gives and says where to change it; writes are 409.
 */
let server: TestServer;
afterEach(() => server.close());

describe('a read-only agenda source', () => {
  it('lists its data, names where to change it, and refuses every change with 409 agenda_read_only', async () => {
    // The built-in source's reads, without its writes: what a connector looks like to Borne.
    let source: AgendaSource | undefined;
    server = await startTestServer({
      agendaSource: new Proxy({} as AgendaSource, {
        get: (_target, key) => {
          if (key === 'admin') return undefined;
          if (key === 'managedBy') return { name: 'RDV-Solidarités', url: 'https://www.rdv-solidarites.fr' };
          source ??= new SqlAgendaSource(server.store.db);
          const value = (source as unknown as Record<string | symbol, unknown>)[key];
          return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(source) : value;
        },
      }),
    });
    const cookie = await staffCookie(server.app, 'admin');
    const list = await server.app.inject({ method: 'GET', url: '/api/staff/sites/chatillon/motifs', headers: cookie });
    expect(list.json<MotifAdminList>()).toMatchObject({ managedBy: { name: 'RDV-Solidarités', url: 'https://www.rdv-solidarites.fr' } });
    expect(list.json<MotifAdminList>().motifs.length).toBe(5);
    const refused = [
      await server.app.inject({ method: 'POST', url: '/api/staff/sites/chatillon/referents', headers: cookie, payload: { firstName: 'Zoé', metier: 'assistant_social', gender: null, place: { fr: 'Bureau 2' } } }),
      await server.app.inject({ method: 'POST', url: '/api/staff/motifs/chatillon-pmi/archive', headers: cookie, payload: { archived: true, version: 1 } }),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('agenda_read_only');
      expect(res.json().error.message).toContain('RDV-Solidarités');
    }
  });
});
