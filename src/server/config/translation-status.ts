import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { completionOf, type LocaleTree } from '../../core/i18n/completion';
import { SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/languages';
import type { LanguageStatus, TranslationMeta } from '../../core/i18n/translation-status';

/** The locale files beside the compiled server as beside the sources (see server-build.ts). */
const LOCALES = new URL('../../../locales/', import.meta.url);

function readTree(file: URL): LocaleTree | undefined {
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as LocaleTree;
}

function namespacesOf(lang: Language): Record<string, LocaleTree> {
  const dir = new URL(`${lang}/`, LOCALES);
  if (!existsSync(dir)) return {};
  const out: Record<string, LocaleTree> = {};
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.json') || file === 'meta.json') continue;
    const tree = readTree(new URL(file, dir));
    if (tree) out[file.replace(/\.json$/, '')] = tree;
  }
  return out;
}

/** A folder without meta.json says nothing of who made it: it counts as unreviewed. */
function metaOf(lang: Language): TranslationMeta {
  const raw = readTree(new URL(`${lang}/meta.json`, LOCALES)) as Partial<Record<keyof TranslationMeta, unknown>> | undefined;
  return {
    producedBy: typeof raw?.producedBy === 'string' ? raw.producedBy : 'unknown',
    reviewed: raw?.reviewed === true,
    reviewedBy: typeof raw?.reviewedBy === 'string' ? raw.reviewedBy : null,
  };
}

let cached: LanguageStatus[] | undefined;

/** Every language of the table: who made its texts, whether reviewed, how complete. Read once. */
export function translationStatus(): LanguageStatus[] {
  cached ??= (() => {
    const source = namespacesOf(SOURCE_LANGUAGE);
    return SUPPORTED_LANGUAGES.map((code) => {
      const own = namespacesOf(code);
      return { code, ...metaOf(code), kiosk: completionOf('kiosk', source, own), console: completionOf('console', source, own) };
    });
  })();
  return cached;
}
