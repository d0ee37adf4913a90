import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../src/core/site/site-config';
import { driftedSites, siteDiff } from '../../src/server/config/config-diff';
import { siteFileText } from '../../src/server/config/config-files';
import { loadSites } from '../../src/server/config/site-loader';

/** The start-up notice and config:import's difference: what differs between kiosk-config/ and the database. */
describe('kiosk-config/ against the live configuration', () => {
  const files = loadSites('kiosk-config');
  const live = new Map<string, SiteConfig>([...files].map(([id, s]) => [id, JSON.parse(JSON.stringify(s)) as SiteConfig]));

  it('names nothing when they say the same, whatever the key order or the $schema pointer', () => {
    const reordered = new Map([...live].map(([id, s]) => [id, Object.fromEntries(Object.entries(s).reverse()) as SiteConfig]));
    expect(driftedSites(files, reordered)).toEqual([]);
  });

  it('names a pôle changed in the console and a pôle the database does not have', () => {
    const changed = new Map(live);
    const chatillon = changed.get('chatillon')!;
    changed.set('chatillon', { ...chatillon, closedDays: ['2026-12-25'], help: { ...chatillon.help, escalationMinutes: 7 } });
    changed.delete('issy-les-moulineaux');
    expect(driftedSites(files, changed)).toEqual(['chatillon', 'issy-les-moulineaux']);
    expect(siteDiff(changed.get('chatillon'), files.get('chatillon')!)).toEqual([
      '~ chatillon (Pôle social de Châtillon):',
      '  closedDays: - "2026-12-25"',
      '  help.escalationMinutes: 7 → 5',
    ]);
  });

  it('writes a site changed in the console with its new field where the schema puts it', () => {
    const chatillon = live.get('chatillon')!;
    // The file as committed has no closedDays (the default): the new value goes after openingHours.
    const text = siteFileText({ ...chatillon, closedDays: ['2026-12-25'] }, JSON.parse(readFileSync('kiosk-config/sites/chatillon.json', 'utf8')));
    const keys = Object.keys(JSON.parse(text));
    expect(keys.slice(0, 2)).toEqual(['$schema', 'id']);
    expect(keys.indexOf('closedDays')).toBe(keys.indexOf('openingHours') + 1);
  });
});
