import { describe, expect, it } from 'vitest';
import { isValidContactName, normalisePhone, normaliseReference } from '../../src/core/agenda/booking';
import { contactSchema } from '../../src/core/agenda/booking.schema';

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

  it('takes names in every script of the kiosk: Arabic, Persian, Pashto, Cyrillic, with their signs', () => {
    // The kiosk's keys (isValidContactName, without zod) and the API must agree on every name.
    const ok = (name: string) => {
      const api = contactSchema.safeParse({ name, phone: '0612345678' }).success;
      expect(isValidContactName(name), `the kiosk and the API disagree on ${name}`).toBe(api);
      return api;
    };
    for (const name of ['محمد علي', 'مُحَمَّد', 'زهرا حسین‌زاده', 'ګلالۍ ښکلا', 'Мария Иванова', 'Марʼяна Мельник', 'Мар’яна', "Олег Дем'яненко", 'Ёлкина-Щукина'])
      expect(ok(name), name).toBe(true);
    // The same limits in every script: letters first, no digits (Western or Arabic-Indic), 80 at most.
    for (const name of ['م', 'محمد ٣', '-Мария', 'Ива2нова', 'ا'.repeat(81)]) expect(ok(name), name).toBe(false);
  });
});
