import { SUPPORTED_LANGUAGES, type Language } from '../i18n/languages';
import { MAX_STEP_WORDS, STALE_AFTER_DAYS, hostOf, wordCount, type Guide, type GuideTexts } from './guide';

export interface GuideProblem {
  /** Which file to open: the guide, the site or the locale file. */
  file: 'guide' | 'site' | 'texts';
  /** The guide id, site id or language the file is about. */
  of: string;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface GuideCheckInput {
  guides: ReadonlyMap<string, Guide>;
  /** Each site's offered guides and allowed hosts. */
  sites: ReadonlyMap<string, { guides: readonly string[]; allowedHosts: readonly string[]; languages: readonly Language[] }>;
  /** locales/<lang>/guides.json, parsed; French must be there (it is the fallback). */
  texts: Partial<Record<Language, Record<string, GuideTexts>>>;
  today: Date;
}

/**
 * Everything a guide must satisfy beyond its own schema. Errors stop config:check and the
 * server start; warnings (a guide not checked for a year) are printed and let it run.
 */
export function checkGuides(input: GuideCheckInput): GuideProblem[] {
  const problems: GuideProblem[] = [];
  const fr = input.texts.fr ?? {};
  for (const [siteId, site] of input.sites) {
    site.guides.forEach((id, i) => {
      const guide = input.guides.get(id);
      if (!guide) {
        problems.push({ file: 'site', of: siteId, field: `guides.${i}`, message: `there is no guide "${id}": add kiosk-config/guides/${id}.json or remove it from this list`, severity: 'error' });
        return;
      }
      const host = hostOf(guide.startUrl);
      if (!site.allowedHosts.includes(host)) {
        problems.push({ file: 'guide', of: id, field: 'startUrl', message: `the host "${host}" is not in the allowedHosts of site "${siteId}", which offers this guide: add it there, or use an allowed host`, severity: 'error' });
      }
    });
  }
  for (const [id, guide] of input.guides) {
    const checkedDaysAgo = (input.today.getTime() - Date.parse(guide.checked.on)) / 86_400_000;
    if (checkedDaysAgo >= STALE_AFTER_DAYS) {
      problems.push({ file: 'guide', of: id, field: 'checked.on', message: `the steps were last checked on ${guide.checked.on}, a year ago or more: check them against ${guide.checked.source} and update the date`, severity: 'warning' });
    }
    if (checkedDaysAgo < -1) {
      problems.push({ file: 'guide', of: id, field: 'checked.on', message: `${guide.checked.on} is in the future: give the day the steps were really checked`, severity: 'error' });
    }
    for (const lang of SUPPORTED_LANGUAGES) {
      const texts = input.texts[lang]?.[id];
      // Only French is required: another language missing falls back to French, visibly.
      if (!texts && lang !== 'fr') continue;
      const where = (field: string) => ({ file: 'texts' as const, of: lang, field: `${id}.${field}` });
      if (lang === 'fr' && !fr[id]) {
        problems.push({ ...where('(guide)'), message: `the guide "${id}" has no French texts: add "${id}": { "title", "need", "purpose", "steps" } to locales/fr/guides.json`, severity: 'error' });
        continue;
      }
      for (const field of ['title', 'need', 'purpose'] as const) {
        const value = texts?.[field];
        if (value !== undefined && value.trim() === '') problems.push({ ...where(field), message: 'is empty: write it, or remove it to fall back to French', severity: 'error' });
        else if (value === undefined && lang === 'fr') problems.push({ ...where(field), message: `is missing: every guide needs a French ${field}`, severity: 'error' });
      }
      for (const step of guide.steps) {
        const text = texts?.steps?.[step.id];
        if (text === undefined) {
          if (lang === 'fr') problems.push({ ...where(`steps.${step.id}`), message: 'has no text: write the instruction of this step (one short sentence or two)', severity: 'error' });
          continue;
        }
        if (text.trim() === '') problems.push({ ...where(`steps.${step.id}`), message: 'is empty: write the instruction, or remove it to fall back to French', severity: 'error' });
        else if (wordCount(text) > MAX_STEP_WORDS) {
          problems.push({ ...where(`steps.${step.id}`), message: `has ${wordCount(text)} words: keep a step under ${MAX_STEP_WORDS + 1} words (one idea a sentence), or split it into two steps`, severity: 'error' });
        }
      }
      for (const item of guide.bring) {
        const label = texts?.bring?.[item.id]?.label;
        if (label === undefined && lang === 'fr') problems.push({ ...where(`bring.${item.id}.label`), message: 'is missing: say in a few words what to bring', severity: 'error' });
        else if (label !== undefined && label.trim() === '') problems.push({ ...where(`bring.${item.id}.label`), message: 'is empty: write it, or remove it to fall back to French', severity: 'error' });
      }
    }
  }
  return problems;
}
