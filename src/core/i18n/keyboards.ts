import { LANGUAGES, type KeyboardLayout, type Language } from './languages';

/**
 * The letters of the kiosk's on-screen keyboard, per script (the `keyboard` of each language in
 * languages.ts). Pure data: the kiosk draws the keys, the tests check that every letter of each
 * alphabet is there, the console's transliteration recognises a script from the same letters.
 *
 * Keys never need a shift: names get their capitals by themselves (src/kiosk/io/keypad.ts) and
 * the letters that carry a sign (ё, ї, أ, آ…) have keys of their own.
 */
export interface KeyboardScript {
  readonly id: KeyboardLayout;
  /** The order the rows are read in: Arabic-script rows start on the right. */
  readonly dir: 'ltr' | 'rtl';
  /** Whether the script has capitals (names are capitalised only then). */
  readonly hasCase: boolean;
  /** Letter rows, as shown on the keys (capitals where the script has them). */
  readonly rows: readonly (readonly string[])[];
  /** The signs a name may hold besides letters and spaces (hyphen, the script's apostrophe). */
  readonly nameExtras: readonly string[];
  readonly searchExtras: readonly string[];
  /** What the key that brings this script back shows: a few of its first letters. */
  readonly sample: string;
}

const keys = (...rows: string[]): string[][] => rows.map((row) => [...row.replace(/ /g, '')]);

export const KEYBOARDS: Readonly<Record<KeyboardLayout, KeyboardScript>> = {
  // AZERTY, as printed on French keyboards, with the accented capitals of French names.
  latin: { id: 'latin', dir: 'ltr', hasCase: true, rows: keys('AZERTYUIOP', 'QSDFGHJKLM', 'WXCVBNÉÈÀÇ'), nameExtras: ['-', "'"], searchExtras: ["'"], sample: 'ABC' },
  // The Arabic-script layouts follow the order of the alphabet as taught at school, not a PC's
  // layout: most usagers here have little computer practice, and 36 or 45 letters in 4 rows,
  // in the order everyone learnt them, are found faster. The variants of alif stand by it.
  arabic: {
    id: 'arabic',
    dir: 'rtl',
    hasCase: false,
    rows: keys('ا أ إ آ ب ت ث ج ح', 'خ د ذ ر ز س ش ص ض', 'ط ظ ع غ ف ق ك ل م', 'ن ه و ي ى ة ء ؤ ئ'),
    nameExtras: ['-'],
    searchExtras: [],
    sample: 'أ ب ت',
  },
  // Persian letters (ک U+06A9 and ی U+06CC, never the Arabic ك ي), with پ چ ژ گ.
  persian: {
    id: 'persian',
    dir: 'rtl',
    hasCase: false,
    rows: keys('ا آ ب پ ت ث ج چ ح', 'خ د ذ ر ز ژ س ش ص', 'ض ط ظ ع غ ف ق ک گ', 'ل م ن و ه ی ء أ ئ'),
    nameExtras: ['-'],
    searchExtras: [],
    sample: 'ا ب پ',
  },
  // The 44 letters of the Pashto alphabet, and آ.
  pashto: {
    id: 'pashto',
    dir: 'rtl',
    hasCase: false,
    rows: keys('ا آ ب پ ت ټ ث ج ځ چ څ ح', 'خ د ډ ذ ر ړ ز ژ ږ س ش', 'ښ ص ض ط ظ ع غ ف ق ک ګ', 'ل م ن ڼ و ه ي ې ی ۍ ئ'),
    nameExtras: ['-'],
    searchExtras: [],
    sample: 'ا ب پ',
  },
  // ЙЦУКЕН, the layout of Russian keyboards and phones, with Ё.
  russian: { id: 'russian', dir: 'ltr', hasCase: true, rows: keys('ЙЦУКЕНГШЩЗХЪ', 'ФЫВАПРОЛДЖЭ', 'ЁЯЧСМИТЬБЮ'), nameExtras: ['-'], searchExtras: [], sample: 'АБВ' },
  // ЙЦУКЕН of Ukrainian keyboards, with Ґ, and the Ukrainian apostrophe ʼ (U+02BC, a letter
  // sign: «Марʼяна» keeps the small я after it, where ' would start a new capital).
  ukrainian: { id: 'ukrainian', dir: 'ltr', hasCase: true, rows: keys('ЙЦУКЕНГШЩЗХЇ', 'ФІВАПРОЛДЖЄ', 'ҐЯЧСМИТЬБЮ'), nameExtras: ['ʼ', '-'], searchExtras: ['ʼ'], sample: 'АБВ' },
};

/** The keyboard a language's names and searches are typed on (Latin is always one tap away). */
export function keyboardFor(lang: Language): KeyboardScript {
  return KEYBOARDS[LANGUAGES[lang].keyboard];
}

/** E-mail addresses: Latin, digits first, and the signs an address needs. */
export const EMAIL_ROWS: readonly (readonly string[])[] = keys('1234567890', 'AZERTYUIOP', 'QSDFGHJKLM', 'WXCVBN');
export const EMAIL_EXTRAS: readonly string[] = ['@', '.', '-', '_'];
/** Ticket references never use 0, 1, I or O: fewer keys, no confusion. */
export const CODE_ROWS: readonly (readonly string[])[] = keys('23456789', 'AZERTYUP', 'QSDFGHJKLM', 'WXCVBN');

/** Every letter of a layout, in capitals where the script has them. */
export function lettersOf(layout: KeyboardScript): ReadonlySet<string> {
  return new Set(layout.rows.flat());
}
