import { describe, expect, it } from 'vitest';
import { applyKey, birthDateFromDigits, cleanDigits, formatBirthDigits } from '../../src/kiosk/io/keypad';

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
