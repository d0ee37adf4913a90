import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/languages';
import { SPEAKABLE_NAMESPACES, type SpeakableNamespace, type TextLookup } from '../../core/i18n/speakable';

type Tree = { readonly [key: string]: string | Tree };

/**
 * The kiosk's texts as the server reads them: locales/<lang>/<ns>.json of the speakable
 * namespaces, read once at start (they change with a deployment, which restarts the server).
 * The speech cache only ever holds audio of these texts: the API takes a key, never a text.
 */
export function loadLocaleTexts(localesDir: string): TextLookup {
  const trees = new Map<string, Tree>();
  for (const lang of SUPPORTED_LANGUAGES) {
    for (const ns of SPEAKABLE_NAMESPACES) {
      const file = join(localesDir, lang, `${ns}.json`);
      if (!existsSync(file)) continue;
      try {
        trees.set(`${lang}/${ns}`, JSON.parse(readFileSync(file, 'utf8')) as Tree);
      } catch (error) {
        throw new Error(`${file} is not valid JSON (${(error as Error).message}): fix it, then start again`);
      }
    }
  }
  return (lang: Language, ns: SpeakableNamespace, key: string) => {
    let node: string | Tree | undefined = trees.get(`${lang}/${ns}`);
    for (const part of key.split('.')) {
      if (node === undefined || typeof node === 'string' || !Object.hasOwn(node, part)) return undefined;
      node = node[part];
    }
    return typeof node === 'string' ? node : undefined;
  };
}
