import { KEYBOARDS, lettersOf } from './keyboards';
import { LANGUAGES, SUPPORTED_LANGUAGES, type KeyboardLayout, type Language } from './languages';

/**
 * Latin letters for a name typed in another script, so that staff who do not read it can say it
 * and find it: « Мария Иванова » is shown with « Mariia Ivanova ». Pure: the console calls it.
 *
 * - Ukrainian: the national system (Cabinet of Ministers resolution no. 55, 27 January 2010,
 *   "KMU 2010"), the one of Ukrainian passports: Щербухи → Shcherbukhy, Згорани → Zghorany,
 *   Юрій → Yurii.
 * - Russian: ICAO Doc 9303, the one of Russian passports since 2013: Мария → Mariia.
 * - Arabic, Persian (Dari), Pashto: letter by letter, the consonants and the long vowels (ا و ي
 *   and their kin). These scripts do not write short vowels: « محمد » is m-ḥ-m-d, and whether it
 *   is Muhammad, Mohamed or Mehmed is in the reader's head, not on the page. Inventing vowels
 *   would print a wrong spelling that looks certain; « Mhmd » is honest, and staff ask the
 *   person how their name is written in their papers. Vowel signs, when someone types them, are
 *   kept as a, i, u.
 *
 * Latin text gives null: there is nothing to add. Letters of a script without a system here pass
 * through unchanged.
 */
export interface Transliteration {
  /** The name in Latin letters. */
  readonly latin: string;
  /** The system used, named by the keyboard layout of its script. */
  readonly system: Exclude<KeyboardLayout, 'latin'>;
  /** The language that system belongs to (for `lang` on the original). */
  readonly lang: Language;
}

type System = Exclude<KeyboardLayout, 'latin'>;

/** Word boundaries for the KMU rule "at the beginning of a word" (an apostrophe is inside a word). */
const BOUNDARY = /[\s\-‐–.,]/u;

// KMU 2010: [at the start of a word, elsewhere]. The soft sign and the apostrophe give nothing.
const UKRAINIAN: Record<string, string | [string, string]> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: ['ye', 'ie'], ж: 'zh', з: 'z', и: 'y', і: 'i', ї: ['yi', 'i'], й: ['y', 'i'],
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ь: '', ю: ['yu', 'iu'], я: ['ya', 'ia'], ʼ: '', "'": '', '’': '',
};

// ICAO 9303 (7th edition), Cyrillic of Russian.
const RUSSIAN: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p',
  р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

// Letter by letter. و and ي are consonants (w, y) at the start of a word and long vowels (u, i)
// elsewhere, which is what they most often are in names; a hamza or an ʿayn is an apostrophe.
const ARABIC_SCRIPT: Record<string, string | [string, string]> = {
  ا: 'a', أ: 'a', إ: 'i', آ: 'a', ٱ: 'a', ب: 'b', ت: 't', ث: 'th', ج: 'j', ح: 'h', خ: 'kh', د: 'd', ذ: 'dh', ر: 'r', ز: 'z', س: 's', ش: 'sh',
  ص: 's', ض: 'd', ط: 't', ظ: 'z', ع: "'", غ: 'gh', ف: 'f', ق: 'q', ك: 'k', ل: 'l', م: 'm', ن: 'n', ه: 'h', ة: 'a', و: ['w', 'u'], ي: ['y', 'i'],
  ى: 'a', ء: "'", ؤ: "'", ئ: "'",
  // Persian and Pashto letters, also typed in Arabic names from other keyboards.
  پ: 'p', چ: 'ch', ژ: 'zh', ک: 'k', گ: 'g', ی: ['y', 'i'], ۀ: 'e',
};
// In Persian and Pashto, ث ذ ص ض ظ are said s z s z z.
const PERSIAN: Record<string, string | [string, string]> = { ...ARABIC_SCRIPT, ث: 's', ذ: 'z', ض: 'z' };
const PASHTO: Record<string, string | [string, string]> = {
  ...PERSIAN,
  ټ: 't', ډ: 'd', ړ: 'r', ږ: 'zh', ښ: 'sh', ګ: 'g', ڼ: 'n', څ: 'ts', ځ: 'dz', ې: 'e', ۍ: 'ay', ئ: 'ay',
};
// Vowel signs (rarely typed in names): fatha, damma, kasra, the tanwīn, the dagger alif.
const ARABIC_MARKS: Record<string, string> = { '\u064E': 'a', '\u064F': 'u', '\u0650': 'i', '\u064B': 'an', '\u064C': 'un', '\u064D': 'in', '\u0670': 'a', '\u0652': '' };
const SHADDA = '\u0651';
/** Signs that only shape the writing: tatweel, zero-width non-joiner and joiner. */
const SHAPING = /[\u0640\u200C\u200D]/gu;

const TABLES: Record<System, Record<string, string | [string, string]>> = { ukrainian: UKRAINIAN, russian: RUSSIAN, arabic: ARABIC_SCRIPT, persian: PERSIAN, pashto: PASHTO };

/**
 * When a name fits several alphabets (« Олена » is Russian and Ukrainian, « محمد » Arabic,
 * Persian and Pashto), the first of these reads it; a letter only one alphabet has decides
 * otherwise (і ї є ґ for Ukrainian, پ گ ی for Persian, ټ ښ ګ for Pashto).
 */
const PREFERENCE: readonly System[] = ['russian', 'arabic', 'persian', 'pashto', 'ukrainian'];

/** The letters of each system's keyboard (and its letter signs, such as ʼ), in small letters. */
const SYSTEM_LETTERS = new Map<System, ReadonlySet<string>>(
  PREFERENCE.map((s) => [s, new Set([...lettersOf(KEYBOARDS[s]), ...KEYBOARDS[s].nameExtras.filter((c) => /\p{L}/u.test(c))].map((c) => c.toLowerCase()))]),
);

const isLatin = (c: string) => /\p{Script=Latin}/u.test(c);

/** Which system reads this text: the alphabet holding most of its letters; null for Latin only. */
export function systemFor(text: string): System | null {
  const letters = [...new Set([...text.normalize('NFC').toLowerCase()].filter((c) => /\p{L}/u.test(c) && !isLatin(c)))];
  if (letters.length === 0) return null;
  let best: System | null = null;
  let bestCount = 0;
  for (const system of PREFERENCE) {
    const count = letters.filter((c) => SYSTEM_LETTERS.get(system)!.has(c)).length;
    if (count > bestCount) [best, bestCount] = [system, count];
  }
  return best;
}

/** The language a system belongs to, from the language table. */
export function languageOfSystem(system: System): Language {
  return SUPPORTED_LANGUAGES.find((l) => LANGUAGES[l].keyboard === system)!;
}

/** The name in Latin letters, or null when it is already Latin (or in a script with no system here). */
export function transliterate(text: string): Transliteration | null {
  const system = systemFor(text);
  if (!system) return null;
  const latin = transliterateWith(system, text);
  return latin === text ? null : { latin, system, lang: languageOfSystem(system) };
}

export function transliterateWith(system: System, input: string): string {
  // NFC puts the shadda after a vowel sign; it doubles the consonant, so it is read first.
  const text = input.normalize('NFC').replace(SHAPING, '').replace(/([\u064B-\u0650])\u0651/gu, '\u0651$1');
  const table = TABLES[system];
  const chars = [...text];
  const cased = KEYBOARDS[system].hasCase;
  let out = '';
  let wordStart = true;
  let consonant = '';
  chars.forEach((char, i) => {
    const lower = char.toLowerCase();
    const entry = table[lower];
    const mark = cased ? undefined : ARABIC_MARKS[char];
    let latin: string;
    if (entry !== undefined) {
      latin = Array.isArray(entry) ? entry[wordStart ? 0 : 1] : entry;
      // KMU 2010: зг is zgh, so it is not read as ж.
      if (system === 'ukrainian' && lower === 'г' && chars[i - 1]?.toLowerCase() === 'з') latin = 'gh';
      if (cased && char !== lower) latin = upper(latin, chars[i + 1] ?? '', chars[i - 1] ?? '');
      consonant = latin;
    } else if (mark !== undefined) latin = mark;
    else if (char === SHADDA) latin = consonant;
    else latin = char;
    out += latin;
    wordStart = BOUNDARY.test(char);
  });
  return cased ? out : capitaliseWords(out);
}

/** « Щ » is « Shch » in « Щербухи » and « SHCH » in « ЩЕРБУХИ ». */
function upper(latin: string, next: string, previous: string): string {
  const isUpperLetter = (c: string) => /\p{Lu}/u.test(c);
  if (isUpperLetter(next) || (!/\p{L}/u.test(next) && isUpperLetter(previous))) return latin.toUpperCase();
  return latin.charAt(0).toUpperCase() + latin.slice(1);
}

/** Scripts without capitals: each word's first letter is made a capital, as names are written in Latin. */
function capitaliseWords(text: string): string {
  return text.replace(/(^|[\s-])([^a-z\s-]*)([a-z])/g, (_, before: string, signs: string, letter: string) => `${before}${signs}${letter.toUpperCase()}`);
}
