import { describe, expect, it } from 'vitest';
import { CODE_ROWS, EMAIL_ROWS, KEYBOARDS, keyboardFor, lettersOf } from '../../src/core/i18n/keyboards';
import { LANGUAGES, SUPPORTED_LANGUAGES } from '../../src/core/i18n/languages';

const letters = (text: string) => [...text.replace(/\s/g, '')];

// The alphabets, written here from their usual lists, not from the layouts.
const ARABIC = letters('ا ب ت ث ج ح خ د ذ ر ز س ش ص ض ط ظ ع غ ف ق ك ل م ن ه و ي') // the 28 letters
  .concat(letters('ء أ إ آ ؤ ئ ة ى')); // hamza and its seats, tāʾ marbūṭa, alif maqṣūra
const PERSIAN = letters('ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ق ک گ ل م ن و ه ی').concat(letters('آ ء'));
const PASHTO = letters('ا ب پ ت ټ ث ج ځ چ څ ح خ د ډ ذ ر ړ ز ژ ږ س ش ښ ص ض ط ظ ع غ ف ق ک ګ ل م ن ڼ و ه ي ې ی ۍ ئ');
const RUSSIAN = letters('А Б В Г Д Е Ё Ж З И Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ъ Ы Ь Э Ю Я');
const UKRAINIAN = letters('А Б В Г Ґ Д Е Є Ж З И І Ї Й К Л М Н О П Р С Т У Ф Х Ц Ч Ш Щ Ь Ю Я');
const FRENCH = letters('A B C D E F G H I J K L M N O P Q R S T U V W X Y Z É È À Ç');

describe('the on-screen keyboard has every letter of each alphabet', () => {
  it.each([
    ['arabic', ARABIC, 36],
    ['persian', PERSIAN, 34],
    ['pashto', PASHTO, 44],
    ['russian', RUSSIAN, 33],
    ['ukrainian', UKRAINIAN, 33],
    ['latin', FRENCH, 30],
  ] as const)('%s', (id, alphabet, count) => {
    expect(alphabet).toHaveLength(count);
    const keys = lettersOf(KEYBOARDS[id]);
    expect(alphabet.filter((l) => !keys.has(l))).toEqual([]);
  });

  it('keeps each script to its own letters: Persian ک ی, never the Arabic ك ي; no Russian-only letter in Ukrainian', () => {
    expect(['ك', 'ي'].filter((l) => lettersOf(KEYBOARDS.persian).has(l))).toEqual([]);
    expect(['گ', 'ګ', 'ک'].filter((l) => lettersOf(KEYBOARDS.arabic).has(l))).toEqual([]);
    expect(['Ё', 'Ы', 'Э', 'Ъ'].filter((l) => lettersOf(KEYBOARDS.ukrainian).has(l))).toEqual([]);
    expect(['Ґ', 'Є', 'І', 'Ї'].filter((l) => lettersOf(KEYBOARDS.russian).has(l))).toEqual([]);
    // The Ukrainian apostrophe, a letter sign, is on the Ukrainian keys of a name.
    expect(KEYBOARDS.ukrainian.nameExtras).toContain('ʼ');
  });

  it('has each key once, in at most 4 rows of at most 12 keys (room for 48 px keys at 1280 px)', () => {
    for (const layout of [...Object.values(KEYBOARDS).map((k) => k.rows), EMAIL_ROWS, CODE_ROWS]) {
      const all = layout.flat();
      expect(new Set(all).size).toBe(all.length);
      expect(layout.length).toBeLessThanOrEqual(4);
      for (const row of layout) expect(row.length).toBeLessThanOrEqual(12);
    }
  });

  it('follows the language table: each language types on its own letters, Latin where it has none here', () => {
    for (const lang of SUPPORTED_LANGUAGES) expect(keyboardFor(lang).id).toBe(LANGUAGES[lang].keyboard);
    for (const layout of Object.values(KEYBOARDS)) expect(layout.hasCase).toBe(layout.rows[0]![0]!.toLowerCase() !== layout.rows[0]![0]);
    for (const layout of Object.values(KEYBOARDS)) expect(layout.dir).toBe(/\p{Script=Arabic}/u.test(layout.rows[0]![0]!) ? 'rtl' : 'ltr');
  });
});
