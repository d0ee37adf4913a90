import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LiveConfig, type ConfigChange } from '../../src/server/config/live-config';
import { loadSites } from '../../src/server/config/site-loader';
import { ApiError } from '../../src/server/errors';
import { migrate, openSqlite, type Store } from '../../src/server/store/db';
import { fixedClock } from '../support/server';

const declaration = loadSites('kiosk-config');
let dir: string;
let store: Store;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'borne-live-config-'));
  store = openSqlite(join(dir, 'borne.sqlite'));
  await migrate(store);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the live configuration', () => {
  it('imports kiosk-config on the first start only: afterwards the database is the truth', async () => {
    const first = await LiveConfig.open(store.db, fixedClock(), declaration);
    expect([...first.sites.keys()].sort()).toEqual([...declaration.keys()].sort());
    const chatillon = first.get('chatillon')!;
    expect(chatillon.version).toBe(1);
    await first.save({ ...chatillon.site, name: 'Pôle social de Châtillon (rénové)' }, 1, null);

    // A restart with the same files keeps what the console saved.
    const again = await LiveConfig.open(store.db, fixedClock(), declaration);
    expect(again.sites.get('chatillon')?.name).toBe('Pôle social de Châtillon (rénové)');
    expect(again.get('chatillon')?.version).toBe(2);
  });

  it('shows a save at once in the live map it handed out, and announces it', async () => {
    const config = await LiveConfig.open(store.db, fixedClock(), declaration);
    const live = config.sites;
    const changes: ConfigChange[] = [];
    config.onChange((c) => changes.push(c));
    const { site, version } = config.get('chatillon')!;
    const next = await config.save({ ...site, help: { ...site.help, escalationMinutes: 7 } }, version, 'staff-1');
    expect(live.get('chatillon')?.help.escalationMinutes).toBe(7);
    expect(changes).toEqual([{ siteId: 'chatillon', version: next }]);
    expect(config.get('chatillon')).toMatchObject({ version: 2, updatedBy: 'staff-1' });
    // What features read cannot be changed behind the store's back.
    expect(Object.isFrozen(live.get('chatillon')!.help)).toBe(true);
  });

  it('refuses a save based on a stale version, with the current value, and keeps the other save', async () => {
    const config = await LiveConfig.open(store.db, fixedClock(), declaration);
    const { site, version } = config.get('chatillon')!;
    await config.save({ ...site, name: 'Premier' }, version, 'claire');
    const refusal = await config.save({ ...site, name: 'Second' }, version, 'nadia').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ApiError);
    const error = refusal as ApiError;
    expect(error.code).toBe('version_conflict');
    expect(error.statusCode).toBe(409);
    expect(error.toBody().error).toMatchObject({ details: { version: 2 }, current: { id: 'chatillon', name: 'Premier' } });
    expect(config.sites.get('chatillon')?.name).toBe('Premier');
  });

  it('lets another process see a change after refresh(), which is how another instance will hear of it', async () => {
    const a = await LiveConfig.open(store.db, fixedClock(), declaration);
    const b = await LiveConfig.open(store.db, fixedClock(), declaration);
    const heard: ConfigChange[] = [];
    b.onChange((c) => heard.push(c));
    const { site, version } = a.get('issy-les-moulineaux')!;
    await a.save({ ...site, address: '1 rue Neuve, 92130 Issy-les-Moulineaux' }, version, null);
    expect(b.sites.get('issy-les-moulineaux')?.address).not.toBe('1 rue Neuve, 92130 Issy-les-Moulineaux');
    await b.refresh();
    expect(b.sites.get('issy-les-moulineaux')?.address).toBe('1 rue Neuve, 92130 Issy-les-Moulineaux');
    expect(heard).toEqual([{ siteId: 'issy-les-moulineaux', version: 2 }]);
    // Nothing changed since: a second refresh announces nothing.
    await b.refresh();
    expect(heard).toHaveLength(1);
  });

  it('applies a whole reviewed set in one go, versioning only the pôles that changed', async () => {
    const config = await LiveConfig.open(store.db, fixedClock(), declaration);
    const sites = [...declaration.values()].map((s) => (s.id === 'chatillon' ? { ...s, address: '2 place de la Mairie, 92320 Châtillon' } : s));
    expect(await config.replaceAll(sites, null)).toEqual(['chatillon']);
    expect(config.get('chatillon')?.version).toBe(2);
    expect(config.get('issy-les-moulineaux')?.version).toBe(1);
  });
});
