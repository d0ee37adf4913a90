import i18next, { type i18n, type Resource } from 'i18next';
import { LANGUAGE_INFO, LANGUAGES, SOURCE_LANGUAGE, isLanguage, type Language } from '../core/i18n/languages';

/** The namespaces screens translate with (guides are read through guides.ts). */
export type Namespace = 'common' | 'kiosk' | 'staff' | 'admin' | 'fleet' | 'enrol' | 'accounts' | 'agendaAdmin' | 'settings' | 'commands';

export type LocaleLoaders = Record<string, () => Promise<{ default: Record<string, unknown> }>>;

/**
 * Finds the loader of one language's namespace among an app's `import.meta.glob` of
 * locales/<lang>/<ns>.json. Each file is its own chunk: the service worker precaches them all,
 * a page loads only the language in use.
 */
function loaderFor(loaders: LocaleLoaders, lang: string, ns: string) {
  const suffix = `/locales/${lang}/${ns}.json`;
  const key = Object.keys(loaders).find((k) => k.endsWith(suffix));
  return key ? loaders[key] : undefined;
}

export interface I18nOptions {
  loaders: LocaleLoaders;
  namespaces: readonly (Namespace | 'guides')[];
  defaultNS: 'kiosk' | 'staff';
  language: Language;
  /** Called for a key missing in every language; tests make it throw. */
  onMissingKey?: (key: string) => void;
}

const loadersOf = new WeakMap<i18n, LocaleLoaders>();

type Texts = { [key: string]: string | Texts };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/**
 * The French texts a language lacks, each with the visible « en français » marker (in that
 * language), so a partial translation shows French honestly instead of passing it off. The
 * French text is isolated (FSI … PDI) so it keeps its direction inside a right-to-left screen.
 * Plural texts take every form the language needs, from the French "other" (or "one").
 */
export function frenchStandIns(french: Texts, own: Texts, marker: string, pluralForms: readonly string[]): Texts {
  const out: Texts = {};
  const ownBases = new Set(Object.keys(own).map((k) => k.replace(PLURAL, '')));
  for (const [key, value] of Object.entries(french)) {
    if (typeof value !== 'string') {
      const mine = own[key];
      const sub = frenchStandIns(value, typeof mine === 'object' ? mine : {}, marker, pluralForms);
      if (Object.keys(sub).length) out[key] = sub;
      continue;
    }
    const base = key.replace(PLURAL, '');
    if (ownBases.has(base)) continue;
    const mark = (text: string) => `\u2068${text}\u2069 (${marker})`;
    if (base === key) out[key] = mark(value);
    else if (key.endsWith('_other')) {
      for (const form of pluralForms) {
        const source = french[`${base}_${form}`];
        out[`${base}_${form}`] = mark(typeof source === 'string' ? source : value);
      }
    }
  }
  return out;
}

async function loadLanguage(instance: i18n, lang: Language, namespaces: readonly string[]): Promise<void> {
  const loaders = loadersOf.get(instance) ?? {};
  // Only what this language has not had yet: a usager switching back and forth reloads nothing
  // and rebuilds no stand-ins (they are added to the bundle, which then counts as loaded).
  const fresh = namespaces.filter((ns) => !instance.hasResourceBundle(lang, ns));
  if (!fresh.length) return;
  await Promise.all(
    fresh.map(async (ns) => {
      const load = loaderFor(loaders, lang, ns);
      if (load) instance.addResourceBundle(lang, ns, (await load()).default, true, true);
    }),
  );
  if (lang === SOURCE_LANGUAGE) return;
  // Guides have their own marker (guides.ts); every other namespace gets French stand-ins.
  const marker = (instance.getResource(lang, 'common', 'inFrench') as string | undefined) ?? (instance.getResource(SOURCE_LANGUAGE, 'common', 'inFrench') as string);
  const forms = new Intl.PluralRules(LANGUAGES[lang].intlLocale).resolvedOptions().pluralCategories;
  for (const ns of fresh) {
    if (ns === 'guides') continue;
    const french = instance.getResourceBundle(SOURCE_LANGUAGE, ns) as Texts | undefined;
    if (!french) continue;
    const standIns = frenchStandIns(french, (instance.getResourceBundle(lang, ns) as Texts | undefined) ?? {}, marker, forms);
    if (Object.keys(standIns).length) instance.addResourceBundle(lang, ns, standIns, true, false);
  }
}

/** Sets the page language and direction: Arabic must turn the whole layout right-to-left. */
export function applyDocumentLanguage(lang: Language, doc: Document = document): void {
  doc.documentElement.lang = lang;
  doc.documentElement.dir = LANGUAGE_INFO[lang].dir;
  doc.documentElement.dataset.script = LANGUAGE_INFO[lang].script;
}

export async function createI18n(options: I18nOptions): Promise<i18n> {
  const instance = i18next.createInstance();
  loadersOf.set(instance, options.loaders);
  const resources: Resource = {};
  await instance.init({
    resources,
    lng: options.language,
    fallbackLng: SOURCE_LANGUAGE,
    ns: [...options.namespaces],
    defaultNS: options.defaultNS,
    interpolation: { escapeValue: false },
    returnNull: false,
    saveMissing: Boolean(options.onMissingKey),
    missingKeyHandler: options.onMissingKey ? (_lngs, _ns, key) => options.onMissingKey!(key) : false,
  });
  await loadLanguage(instance, SOURCE_LANGUAGE, options.namespaces);
  await changeLanguage(instance, options.language, options.namespaces);
  return instance;
}

export async function changeLanguage(instance: i18n, lang: string, namespaces: readonly string[]): Promise<Language> {
  const target = isLanguage(lang) ? lang : SOURCE_LANGUAGE;
  await loadLanguage(instance, target, namespaces);
  await instance.changeLanguage(target);
  if (typeof document !== 'undefined') applyDocumentLanguage(target);
  return target;
}
