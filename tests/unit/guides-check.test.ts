import { describe, expect, it } from 'vitest';
import { checkGuides, type GuideCheckInput } from '../../src/core/guides/check';
import type { Guide, GuideTexts } from '../../src/core/guides/guide';
import { guideSchema } from '../../src/core/guides/guide.schema';

const GUIDE: Guide = {
  id: 'caf-test',
  organism: 'caf',
  startUrl: 'https://www.caf.fr/allocataires',
  durationMinutes: 10,
  checked: { on: '2026-10-01', source: 'https://www.caf.fr/allocataires' },
  bring: [{ id: 'numero', kind: 'identifier' }],
  steps: [
    { id: 'ouvrir', onSite: true },
    { id: 'valider', onSite: true },
  ],
};

const TEXTS: GuideTexts = {
  title: 'Test',
  need: 'Je veux tester',
  purpose: 'Pour tester.',
  bring: { numero: { label: 'Votre numéro', where: 'Sur le courrier.' } },
  steps: { ouvrir: 'Touchez « Ouvrir le site ».', valider: 'Touchez « Valider ».' },
};

function input(overrides: Partial<GuideCheckInput> = {}): GuideCheckInput {
  return {
    guides: new Map([[GUIDE.id, GUIDE]]),
    sites: new Map([['chatillon', { guides: [GUIDE.id], allowedHosts: ['www.caf.fr'], languages: ['fr', 'ar'] as const }]]),
    texts: { fr: { [GUIDE.id]: TEXTS } },
    today: new Date('2026-11-24T10:00:00Z'),
    ...overrides,
  };
}

describe('a guide file', () => {
  it('is accepted when complete', () => {
    expect(guideSchema.safeParse({ $schema: '../schema/guide.schema.json', ...GUIDE }).success).toBe(true);
  });

  it('is refused with a plain http start address, naming the field and the fix', () => {
    const result = guideSchema.safeParse({ ...GUIDE, startUrl: 'http://www.caf.fr/' });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]).toMatchObject({ path: ['startUrl'], message: expect.stringContaining('https://') });
  });

  it('is refused with two steps of the same id, or an unknown organism', () => {
    expect(guideSchema.safeParse({ ...GUIDE, steps: [GUIDE.steps[0], GUIDE.steps[0]] }).error!.issues[0]!.path).toEqual(['steps', 1, 'id']);
    expect(guideSchema.safeParse({ ...GUIDE, organism: 'urssaf' }).error!.issues[0]!.message).toContain('caf, impots');
  });
});

describe('checking guides with their sites and texts', () => {
  it('finds nothing wrong in a good guide', () => {
    expect(checkGuides(input())).toEqual([]);
  });

  it('refuses a start address on a host the offering site does not allow', () => {
    const problems = checkGuides(input({ sites: new Map([['chatillon', { guides: [GUIDE.id], allowedHosts: ['www.impots.gouv.fr'], languages: ['fr'] }]]) }));
    expect(problems).toEqual([expect.objectContaining({ file: 'guide', of: 'caf-test', field: 'startUrl', severity: 'error', message: expect.stringContaining('"www.caf.fr" is not in the allowedHosts of site "chatillon"') })]);
  });

  it('refuses a step without text, and a step over the word limit', () => {
    const long = Array.from({ length: 30 }, (_, i) => `mot${i}`).join(' ');
    const problems = checkGuides(input({ texts: { fr: { [GUIDE.id]: { ...TEXTS, steps: { ouvrir: long } } } } }));
    expect(problems.map((p) => [p.field, p.severity])).toEqual([
      ['caf-test.steps.ouvrir', 'error'],
      ['caf-test.steps.valider', 'error'],
    ]);
    expect(problems[0]!.message).toContain('30 words');
    expect(problems[1]!.message).toContain('has no text');
  });

  it('warns, without refusing, about a guide not checked for a year', () => {
    const old = { ...GUIDE, checked: { on: '2025-11-01', source: 'https://www.caf.fr/' } };
    expect(checkGuides(input({ guides: new Map([[GUIDE.id, old]]) }))).toEqual([expect.objectContaining({ field: 'checked.on', severity: 'warning' })]);
  });

  it('refuses a site that offers a guide that does not exist', () => {
    const problems = checkGuides(input({ sites: new Map([['chatillon', { guides: [GUIDE.id, 'caf-nope'], allowedHosts: ['www.caf.fr'], languages: ['fr'] }]]) }));
    expect(problems).toEqual([expect.objectContaining({ file: 'site', of: 'chatillon', field: 'guides.1', severity: 'error', message: expect.stringContaining('kiosk-config/guides/caf-nope.json') })]);
  });

  it('lets another language leave texts out (French stands in), but not leave them empty', () => {
    expect(checkGuides(input({ texts: { fr: { [GUIDE.id]: TEXTS }, ar: { [GUIDE.id]: { title: 'اختبار' } } } }))).toEqual([]);
    const problems = checkGuides(input({ texts: { fr: { [GUIDE.id]: TEXTS }, ar: { [GUIDE.id]: { title: ' ' } } } }));
    expect(problems).toEqual([expect.objectContaining({ file: 'texts', of: 'ar', field: 'caf-test.title', severity: 'error' })]);
  });
});
