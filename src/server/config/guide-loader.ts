import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { checkGuides } from '../../core/guides/check';
import type { Guide, GuideTexts } from '../../core/guides/guide';
import { guideSchema } from '../../core/guides/guide.schema';
import { SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/languages';
import type { SiteConfig } from '../../core/site/site-config';
import { ConfigError, type ConfigProblem } from './site-loader';

export interface LoadedGuides {
  guides: ReadonlyMap<string, Guide>;
  /** Not fatal (a guide not checked for a year): printed by config:check and at start. */
  warnings: ConfigProblem[];
}

const display = (path: string) => relative(process.cwd(), path) || path;

/**
 * Reads kiosk-config/guides/*.json and locales/<lang>/guides.json and checks them with the
 * sites that offer them. Throws a ConfigError listing every error; returns the warnings.
 */
export function loadGuides(configDir: string, sites: ReadonlyMap<string, SiteConfig>, localesDir = 'locales', today = new Date()): LoadedGuides {
  const dir = join(configDir, 'guides');
  const problems: ConfigProblem[] = [];
  const guides = new Map<string, Guide>();
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const name of files) {
    const path = join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push({ file: display(path), field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = guideSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length ? issue.path.join('.') : '(root)';
        problems.push({ file: display(path), field, message: issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}: remove them or check their spelling` : issue.message });
      }
      continue;
    }
    if (parsed.data.id !== basename(name, '.json')) {
      problems.push({ file: display(path), field: 'id', message: `expected "${basename(name, '.json')}", the file's name without .json (got "${parsed.data.id}")` });
      continue;
    }
    guides.set(parsed.data.id, parsed.data);
  }

  const texts: Partial<Record<Language, Record<string, GuideTexts>>> = {};
  for (const lang of SUPPORTED_LANGUAGES) {
    const path = join(localesDir, lang, 'guides.json');
    if (!existsSync(path)) continue;
    try {
      texts[lang] = JSON.parse(readFileSync(path, 'utf8')) as Record<string, GuideTexts>;
    } catch (error) {
      problems.push({ file: display(path), field: '(file)', message: `not valid JSON: ${(error as Error).message}` });
    }
  }

  const siteView = new Map([...sites].map(([id, s]) => [id, { guides: s.guides, allowedHosts: s.allowedHosts, languages: s.languages }]));
  const warnings: ConfigProblem[] = [];
  for (const p of checkGuides({ guides, sites: siteView, texts, today })) {
    const file = p.file === 'guide' ? join(dir, `${p.of}.json`) : p.file === 'site' ? join(configDir, 'sites', `${p.of}.json`) : join(localesDir, p.of, 'guides.json');
    const problem = { file: display(file), field: p.field, message: p.message };
    (p.severity === 'error' ? problems : warnings).push(problem);
  }
  if (problems.length) throw new ConfigError(problems);
  return { guides, warnings };
}
