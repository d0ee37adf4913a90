import { describe, expect, it } from 'vitest';
import { applyKey, applyTextKey, birthDateFromDigits, cleanDigits, formatBirthDigits, type TextKey } from '../../src/kiosk/io/keypad';

describe('on-screen keypad', () => {
  it('appends digits up to the field length, and erases the last one', () => {
    let v = '';
    for (const k of ['1', '0', '0', '0', '0', '0', '0', '1', '9'] as const) v = applyKey(v, k, 8);
    expect(v).toBe('10000001');
    expect(applyKey(v, 'erase', 8)).toBe('1000000');
    expect(applyKey('', 'erase', 8)).toBe('');
  });

  it('keeps only digits from a physical keyboard or a paste', () => {
    expect(cleanDigits('10 000-001x', 8)).toBe('10000001');
    expect(cleanDigits('123456789', 8)).toBe('12345678');
  });

  it('reads a date of birth typed day, month, year', () => {
    expect(birthDateFromDigits('14031985')).toBe('1985-03-14');
    expect(birthDateFromDigits('140319')).toBeNull();
    expect(formatBirthDigits('140319')).toBe('14/03/19');
    expect(formatBirthDigits('1')).toBe('1');
  });
});

const type = (keys: (string | 'space' | 'erase')[], kind: 'name' | 'email' | 'code') =>
  keys.reduce((value, k) => applyTextKey(value, k === 'space' || k === 'erase' ? k : ({ char: k } as TextKey), kind), '');

describe('the on-screen letter keys', () => {
  it('capitalise each part of a name by themselves, after a space, a hyphen or an apostrophe', () => {
    expect(type(['A', 'W', 'A', 'space', 'T', 'R', 'A', 'O', 'R', 'É'], 'name')).toBe('Awa Traoré');
    expect(type(['J', 'E', 'A', 'N', '-', 'L', 'U', 'C', 'space', 'D', "'", 'A', 'R', 'C'], 'name')).toBe("Jean-Luc D'Arc");
  });

  it('never start a name with a space or put two in a row, and erase one character', () => {
    expect(type(['space', 'A', 'space', 'space', 'B'], 'name')).toBe('A B');
    expect(type(['A', 'B', 'erase'], 'name')).toBe('A');
  });

  it('keep e-mail addresses in lower case, without spaces', () => {
    expect(type(['A', '.', 'B', '@', 'X', '.', 'F', 'R', 'space'], 'email')).toBe('a.b@x.fr');
  });

  it('capitalise names in Cyrillic, keep the small letter after the Ukrainian apostrophe, and leave Arabic letters as they are', () => {
    expect(type(['М', 'А', 'Р', 'И', 'Я', 'space', 'И', 'В', 'А', 'Н', 'О', 'В', 'А'], 'name')).toBe('Мария Иванова');
    expect(type(['М', 'А', 'Р', 'ʼ', 'Я', 'Н', 'А', '-', 'Ї', 'Ж', 'А', 'К'], 'name')).toBe('Марʼяна-Їжак');
    expect(type(['م', 'ح', 'م', 'د', 'space', 'ع', 'ل', 'ي'], 'name')).toBe('محمد علي');
  });

  it('stop a ticket reference at its six characters', () => {
    expect(type(['Z', 'G', '2', 'T', 'E', 'H', 'K'], 'code')).toBe('ZG2TEH');
  });
});
