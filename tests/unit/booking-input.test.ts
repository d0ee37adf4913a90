import { describe, expect, it } from 'vitest';
import { contactSchema, normalisePhone, normaliseReference } from '../../src/core/agenda/booking';
import { applyTextKey, type TextKey } from '../../src/kiosk/io/keypad';

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

  it('stop a ticket reference at its six characters', () => {
    expect(type(['Z', 'G', '2', 'T', 'E', 'H', 'K'], 'code')).toBe('ZG2TEH');
  });
});

describe('what a person types when booking', () => {
  it('accepts French phone numbers written in the usual ways', () => {
    expect(normalisePhone('06 12 34 56 78')).toBe('0612345678');
    expect(normalisePhone('06.12.34.56.78')).toBe('0612345678');
    expect(normalisePhone('+33 6 12 34 56 78')).toBe('0612345678');
    expect(normalisePhone('0012345678')).toBeNull();
    expect(normalisePhone('061234567')).toBeNull();
  });

  it('reads a ticket reference with or without its hyphen, in any case, and refuses 0, 1, I and O', () => {
    expect(normaliseReference('zg2teh')).toBe('ZG2-TEH');
    expect(normaliseReference('ZG2 TEH')).toBe('ZG2-TEH');
    expect(normaliseReference('ZG0-TEH')).toBeNull();
    expect(normaliseReference('ZG2-TE')).toBeNull();
  });

  it('takes names with accents, hyphens and apostrophes, and refuses digits', () => {
    expect(contactSchema.safeParse({ name: "Aïcha N'Diaye-Léger", phone: '0612345678' }).success).toBe(true);
    expect(contactSchema.safeParse({ name: 'R2D2', phone: '0612345678' }).success).toBe(false);
  });
});
