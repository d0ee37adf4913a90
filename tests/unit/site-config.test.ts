import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { kioskSiteView } from '../../src/core/site/site-config';
import { guideJsonSchema, siteJsonSchema } from '../../src/server/config/json-schema';
import { ConfigError, loadSites, parseSiteFile, type ConfigProblem } from '../../src/server/config/site-loader';

const run = promisify(execFile);
const TSX = resolve('node_modules/.bin/tsx');
const REAL_FILE = 'kiosk-config/sites/chatillon.json';
const base = JSON.parse(readFileSync(REAL_FILE, 'utf8')) as Record<string, any>;

/** Parses a variant of the real Châtillon file and returns its problems. */
function problemsOf(variant: unknown, file = REAL_FILE): ConfigProblem[] {
  const text = typeof variant === 'string' ? variant : JSON.stringify(variant, null, 2);
  const { site, problems } = parseSiteFile(file, text, 'sites/chatillon.json');
  if (problems.length === 0) expect(site).toBeDefined();
  return problems;
}

function only(problems: ConfigProblem[]): ConfigProblem {
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

const tempDirs: string[] = [];
function configDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'borne-config-'));
  tempDirs.push(dir);
  mkdirSync(join(dir, 'sites'));
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, 'sites', name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the committed kiosk-config', () => {
  it('has the five opened pôles with 4 kiosks each, all valid', () => {
    const sites = loadSites('kiosk-config');
    expect([...sites.keys()].sort()).toEqual(['asnieres-gennevilliers', 'chatenay-malabry', 'chatillon', 'issy-les-moulineaux', 'villeneuve-la-garenne']);
    const kiosks = [...sites.values()].flatMap((s) => s.kiosks.map((k) => k.id));
    expect(kiosks).toHaveLength(20);
    expect(new Set(kiosks).size).toBe(20);
    for (const site of sites.values()) {
      expect(site.kiosks).toHaveLength(4);
      expect(site.languages).toContain(site.defaultLanguage);
      expect(site.idle.answerSeconds).toBeGreaterThanOrEqual(20);
      expect(site.help.fallback.fr.length).toBeGreaterThan(0);
    }
  });

  it('is frozen once loaded: config is read once and never changed at run time', () => {
    const site = loadSites('kiosk-config').get('chatillon')!;
    expect(Object.isFrozen(site)).toBe(true);
    expect(Object.isFrozen(site.help.fallback)).toBe(true);
    expect(() => (site.kiosks as { id: string; label: string }[]).push({ id: 'x', label: 'x' })).toThrow();
  });

  it('gives a kiosk only the public part of its site', () => {
    const site = loadSites('kiosk-config').get('chatillon')!;
    const view = kioskSiteView(site, 'chatillon-2')!;
    expect(view.kiosk.id).toBe('chatillon-2');
    expect(view.help.fallback).toEqual(site.help.fallback);
    expect(Object.keys(view).sort()).toEqual(['closedDays', 'guides', 'help', 'idle', 'kiosk', 'openingHours', 'site', 'speech']);
    // « Écouter »: the pôle's volume only.
    expect(view.speech).toEqual({ volume: 0.8 });
    // The kiosk needs the claimed-call ceiling (idle pause) and the hours (closed pôle) of its site.
    expect(view.help.claimedPauseMinutes).toBe(site.help.claimedPauseMinutes);
    expect(view.openingHours).toEqual(site.openingHours);
    expect(kioskSiteView(site, 'issy-les-moulineaux-1')).toBeUndefined();
  });

  it('ships a JSON Schema generated from the zod schema', () => {
    const committed = readFileSync('kiosk-config/schema/site.schema.json', 'utf8');
    expect(committed === siteJsonSchema(), 'kiosk-config/schema/site.schema.json is stale: run npm run config:schema').toBe(true);
    expect(readFileSync('kiosk-config/schema/guide.schema.json', 'utf8') === guideJsonSchema(), 'kiosk-config/schema/guide.schema.json is stale: run npm run config:schema').toBe(true);
  });
});

describe('parseSiteFile names the file, the field and what is expected', () => {
  it('accepts the real file unchanged', () => {
    expect(problemsOf(base)).toEqual([]);
  });

  it('points at the line and column of invalid JSON', () => {
    const p = only(problemsOf('{\n  "id": "chatillon",\n  "name": "x"\n  "address": "y"\n}'));
    expect(p.file).toBe('sites/chatillon.json');
    expect(p.message).toMatch(/^not valid JSON at line 4, column 3/);
  });

  it('refuses an idle warning with less than 20 s to answer (RGAA 13.1)', () => {
    const p = only(problemsOf({ ...base, idle: { ...base.idle, answerSeconds: 10 } }));
    expect(p).toMatchObject({ file: 'sites/chatillon.json', field: 'idle.answerSeconds' });
    expect(p.message).toContain('at least 20 seconds');
    expect(p.message).toContain('RGAA 13.1');
    expect(p.message).toContain('(got 10)');
  });

  it('refuses a default language the site does not offer', () => {
    const p = only(problemsOf({ ...base, languages: ['fr', 'en'], defaultLanguage: 'ar' }));
    expect(p.field).toBe('defaultLanguage');
    expect(p.message).toContain("expected one of this site's languages (fr, en)");
  });

  it('refuses an unknown language, in the list and in a localized text', () => {
    expect(only(problemsOf({ ...base, languages: ['fr', 'de'] }))).toMatchObject({ field: 'languages.1', message: expect.stringContaining('expected one of fr, en, ar') });
    const p = only(problemsOf({ ...base, help: { ...base.help, fallback: { ...base.help.fallback, de: 'Bitte zum Empfang' } } }));
    expect(p.field).toBe('help.fallback.de');
    expect(p.message).toContain('unknown language "de": expected one of fr, en, ar');
  });

  it('refuses an unknown field, naming it', () => {
    const p = only(problemsOf({ ...base, colour: 'blue' }));
    expect(p.message).toContain('unknown field(s) "colour"');
    const nested = only(problemsOf({ ...base, help: { ...base.help, escalateAfter: 3 } }));
    expect(nested.field).toBe('help');
    expect(nested.message).toContain('"escalateAfter"');
  });

  it('refuses two kiosks with the same id', () => {
    const p = only(problemsOf({ ...base, kiosks: [base.kiosks[0], { ...base.kiosks[1], id: base.kiosks[0].id }] }));
    expect(p.field).toBe('kiosks.1.id');
    expect(p.message).toContain(`kiosk id "${base.kiosks[0].id}" is used twice`);
  });

  it('refuses an id that does not match the file name', () => {
    const p = only(problemsOf(base, 'kiosk-config/sites/chatillon-sud.json'));
    expect(p.field).toBe('id');
    expect(p.message).toBe('expected "chatillon-sud", the file\'s name without .json (got "chatillon")');
  });

  it('refuses an impossible time and an opening after the closing', () => {
    const p = only(problemsOf({ ...base, openingHours: { ...base.openingHours, mon: [['08:30', '25:00']] } }));
    expect(p.field).toBe('openingHours.mon.0.1');
    expect(p.message).toContain('expected a time "HH:MM" (24 h)');
    expect(p.message).toContain('(got "25:00")');
    expect(only(problemsOf({ ...base, openingHours: { ...base.openingHours, tue: [['12:30', '08:30']] } })).field).toBe('openingHours.tue.0');
  });

  it('refuses an expiry that comes before the escalation', () => {
    const p = only(problemsOf({ ...base, help: { ...base.help, escalationMinutes: 10, expiryMinutes: 5 } }));
    expect(p).toMatchObject({ field: 'help.expiryMinutes', message: expect.stringContaining('expected expiryMinutes greater than escalationMinutes') });
  });

  it('lists every problem of a file, not only the first', () => {
    const problems = problemsOf({ ...base, defaultLanguage: 'de', idle: { warningAfterSeconds: 5, answerSeconds: 10 } });
    expect(problems.map((p) => p.field).sort()).toEqual(['defaultLanguage', 'idle.answerSeconds', 'idle.warningAfterSeconds']);
  });
});

describe('loadSites', () => {
  it('throws a ConfigError naming each bad file and field', () => {
    const dir = configDir({ 'chatillon.json': { ...base, idle: { ...base.idle, answerSeconds: 10 } }, 'broken.json': '{ "id": ' });
    let error: unknown;
    try {
      loadSites(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems.map((p) => [p.file.endsWith('broken.json') || p.file.endsWith('chatillon.json'), p.field])).toEqual([
      [true, '(file)'],
      [true, 'idle.answerSeconds'],
    ]);
    expect((error as ConfigError).message).toMatch(/chatillon\.json: idle\.answerSeconds: expected at least 20 seconds/);
  });

  it('refuses a kiosk id used by two sites', () => {
    // Files are read in name order: the later one (clamart) is the one told to change.
    const other = { ...base, id: 'clamart', kiosks: [{ id: 'chatillon-1', label: 'Poste 1' }] };
    expect(() => loadSites(configDir({ 'chatillon.json': base, 'clamart.json': other }))).toThrow(/clamart\.json: kiosks\.0\.id: kiosk id "chatillon-1" is already used by site "chatillon"/);
  });

  it('refuses a folder without sites', () => {
    expect(() => loadSites(configDir({}))).toThrow(/no site file found/);
    expect(() => loadSites(join(tmpdir(), 'borne-no-such-folder'))).toThrow(/expected a folder of site files/);
  });
});

describe('npm run config:check', () => {
  const check = (dir: string) => run(TSX, ['src/server/config/check-cli.ts', '--config', dir]);

  it('exits 0 on the real folder', async () => {
    const { stdout } = await check('kiosk-config');
    expect(stdout).toMatch(/5 site\(s\), 20 kiosk\(s\), \d+ guide\(s\): all valid/);
  }, 30_000);

  it('exits 1 on a bad file and prints the file and the field', async () => {
    const dir = configDir({ 'chatillon.json': { ...base, idle: { ...base.idle, answerSeconds: 10 } } });
    const failure = (await check(dir).then(
      () => undefined,
      (e: unknown) => e,
    )) as { code?: number; stderr?: string } | undefined;
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/chatillon\.json: idle\.answerSeconds: expected at least 20 seconds to answer the warning \(RGAA 13\.1\) \(got 10\)/);
  }, 30_000);

  it('exits 1 on bad guides, naming the guide, site or text file, the field and the fix; warns about old ones', async () => {
    const dir = configDir({ 'chatillon.json': { ...base, allowedHosts: ['www.caf.fr'], guides: ['caf-ok', 'caf-http', 'caf-missing', 'caf-old'] } });
    const guide = (id: string, extra: Record<string, unknown> = {}) => ({
      id,
      organism: 'caf',
      startUrl: 'https://www.caf.fr/',
      durationMinutes: 5,
      checked: { on: '2026-11-01', source: 'https://www.caf.fr/' },
      bring: [],
      steps: [{ id: 'un', onSite: true }],
      ...extra,
    });
    mkdirSync(join(dir, 'guides'));
    writeFileSync(join(dir, 'guides', 'caf-ok.json'), JSON.stringify(guide('caf-ok')));
    writeFileSync(join(dir, 'guides', 'caf-http.json'), JSON.stringify(guide('caf-http', { startUrl: 'http://www.caf.fr/' })));
    writeFileSync(join(dir, 'guides', 'caf-old.json'), JSON.stringify(guide('caf-old', { checked: { on: '2024-01-10', source: 'https://www.caf.fr/' } })));
    const locales = join(dir, 'locales');
    mkdirSync(join(locales, 'fr'), { recursive: true });
    const textsOf = (step: string) => ({ title: 'T', need: 'Je veux', purpose: 'P', steps: { un: step } });
    writeFileSync(join(locales, 'fr', 'guides.json'), JSON.stringify({ 'caf-ok': textsOf(Array.from({ length: 40 }, () => 'mot').join(' ')), 'caf-old': textsOf('Touchez « Valider ».') }));
    const failure = (await run(TSX, ['src/server/config/check-cli.ts', '--config', dir, '--locales', locales]).then(
      () => undefined,
      (e: unknown) => e,
    )) as { code?: number; stderr?: string } | undefined;
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/caf-http\.json: startUrl: expected an https:\/\/ address/);
    expect(failure?.stderr).toMatch(/sites\/chatillon\.json: guides\.2: there is no guide "caf-missing"/);
    expect(failure?.stderr).toMatch(/fr\/guides\.json: caf-ok\.steps\.un: has 40 words: keep a step under 26 words/);
    // The old guide is not an error: alone, it passes with a warning.
    expect(failure?.stderr).not.toMatch(/caf-old/);
    const onlyOld = configDir({ 'chatillon.json': { ...base, allowedHosts: ['www.caf.fr'], guides: ['caf-old'] } });
    mkdirSync(join(onlyOld, 'guides'));
    writeFileSync(join(onlyOld, 'guides', 'caf-old.json'), JSON.stringify(guide('caf-old', { checked: { on: '2024-01-10', source: 'https://www.caf.fr/' } })));
    const passed = await run(TSX, ['src/server/config/check-cli.ts', '--config', onlyOld, '--locales', locales]);
    expect(passed.stdout).toContain('1 guide(s): all valid');
    expect(passed.stderr).toMatch(/caf-old\.json: checked\.on: the steps were last checked on 2024-01-10, a year ago or more/);
  }, 30_000);
});
