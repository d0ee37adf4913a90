import { describe, expect, it } from 'vitest';
import { systemFor, transliterate, transliterateWith } from '../../src/core/i18n/transliterate';

const latin = (text: string) => transliterate(text)?.latin ?? null;

describe('Ukrainian names, by the national system (KMU 2010, resolution no. 55)', () => {
  it('gives the examples of the resolution', () => {
    // Each pair is in the resolution's own table.
    const examples: [string, string][] = [
      ['Щербухи', 'Shcherbukhy'],
      ['Згорани', 'Zghorany'],
      ['Юрій', 'Yurii'],
      ['Алушта', 'Alushta'],
      ['Борщагівка', 'Borshchahivka'],
      ['Вишгород', 'Vyshhorod'],
      ['Гадяч', 'Hadiach'],
      ['Ґалаґан', 'Galagan'],
      ['Єнакієве', 'Yenakiieve'],
      ['Житомир', 'Zhytomyr'],
      ['Закарпаття', 'Zakarpattia'],
      ['Іршава', 'Irshava'],
      ['Їжакевич', 'Yizhakevych'],
      ['Кадіївка', 'Kadiivka'],
      ['Йосипівка', 'Yosypivka'],
      ['Стрий', 'Stryi'],
      ['Олексій', 'Oleksii'],
      ['Київ', 'Kyiv'],
      ['Миколаїв', 'Mykolaiv'],
      ['Ужгород', 'Uzhhorod'],
      ['Харків', 'Kharkiv'],
      ['Біла Церква', 'Bila Tserkva'],
      ['Чернівці', 'Chernivtsi'],
      ['Гоща', 'Hoshcha'],
      ['Крюківка', 'Kriukivka'],
      ['Яготин', 'Yahotyn'],
      ['Ічня', 'Ichnia'],
      ["Знам'янка", 'Znamianka'],
    ];
    for (const [cyrillic, expected] of examples) expect(transliterateWith('ukrainian', cyrillic), cyrillic).toBe(expected);
  });

  it('reads people’s names, with the Ukrainian apostrophe and the soft sign left out', () => {
    expect(latin('Олексій Шевчук')).toBe('Oleksii Shevchuk');
    expect(latin('Євгенія Коваленко')).toBe('Yevheniia Kovalenko');
    expect(latin('Марʼяна Мельник')).toBe('Mariana Melnyk');
    expect(latin('Наталія Бондар-Ющенко')).toBe('Nataliia Bondar-Yushchenko');
    expect(transliterate('Ігор')).toEqual({ latin: 'Ihor', system: 'ukrainian', lang: 'uk' });
  });

  it('keeps capitals as typed: a name in capitals stays in capitals', () => {
    expect(latin('ЩЕРБУХИ Юрій')).toBe('SHCHERBUKHY Yurii');
    expect(transliterateWith('ukrainian', 'ЗГОРАНИ')).toBe('ZGHORANY');
  });
});

describe('Russian names, by ICAO 9303 (Russian passports)', () => {
  it('transliterates letter by letter, я as ia and ъ as ie', () => {
    expect(latin('Мария Иванова')).toBe('Mariia Ivanova');
    expect(transliterate('Мария')).toEqual({ latin: 'Mariia', system: 'russian', lang: 'ru' });
    expect(latin('Юлия Щукина')).toBe('Iuliia Shchukina');
    expect(latin('Сергей Подъячев')).toBe('Sergei Podieiachev');
    expect(latin('Артём Цыганов')).toBe('Artem Tsyganov');
    expect(latin('Ольга Хабарова')).toBe('Olga Khabarova');
    expect(latin('Эдуард Дмитриев')).toBe('Eduard Dmitriev');
  });

  it('reads a Cyrillic name with only common letters as Russian, with і ї є ґ as Ukrainian', () => {
    expect(systemFor('Олена')).toBe('russian');
    expect(systemFor('Олена Шевчук')).toBe('russian');
    expect(systemFor('Олексій')).toBe('ukrainian');
    expect(systemFor('Наталья Ёлкина')).toBe('russian');
  });
});

describe('Arabic, Persian and Pashto names, letter by letter', () => {
  it('gives the consonants and the long vowels, with a capital to each word', () => {
    expect(transliterate('محمد')).toEqual({ latin: 'Mhmd', system: 'arabic', lang: 'ar' });
    expect(latin('فاطمة')).toBe('Fatma');
    expect(latin('خديجة')).toBe('Khdija');
    expect(latin('إبراهيم يوسف')).toBe('Ibrahim Yusf');
    expect(latin('عبد الله')).toBe("'Bd Allh");
  });

  it('writes the short vowels when the name carries their signs', () => {
    expect(latin('مُحَمَّد')).toBe('Muhammad');
  });

  it('knows Persian and Pashto by their own letters', () => {
    expect(transliterate('پری')).toEqual({ latin: 'Pri', system: 'persian', lang: 'fa' });
    expect(latin('ژیلا')).toBe('Zhila');
    expect(transliterate('ښايسته')).toEqual({ latin: 'Shaisth', system: 'pashto', lang: 'ps' });
    expect(latin('ګل‌پاڼه')).toBe('Glpanh');
  });
});

describe('text already in Latin letters', () => {
  it('has no transliteration', () => {
    expect(transliterate('Awa Traoré')).toBeNull();
    expect(transliterate("Aïcha N'Diaye-Léger")).toBeNull();
    expect(transliterate('')).toBeNull();
  });

  it('is kept as it is inside a name partly in another script', () => {
    expect(latin('Мария Smith')).toBe('Mariia Smith');
  });
});
