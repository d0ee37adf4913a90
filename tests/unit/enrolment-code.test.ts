import { describe, expect, it } from 'vitest';
import { ENROLMENT_ALPHABET, enrolmentCodeSchema, formatEnrolmentCode, normaliseEnrolmentCode } from '../../src/core/fleet/enrolment';

describe('enrolment codes as people type them', () => {
  it('accepts the code with or without the dash, with spaces, in any case', () => {
    for (const typed of ['K7M4-9QXR', 'k7m4-9qxr', 'K7M49QXR', ' k7m4 9qxr ', 'K7m4-9Qxr']) expect(normaliseEnrolmentCode(typed)).toBe('K7M4-9QXR');
  });

  it('refuses what cannot be a code: wrong length, look-alike signs never used', () => {
    for (const typed of ['', 'K7M4-9QX', 'K7M4-9QXRR', 'K7M0-9QXR', 'K7MO-9QXR', 'K7M1-9QXR', 'K7MI-9QXR', 'K7ML-9QXR', 'K7M4_9QXR']) expect(normaliseEnrolmentCode(typed)).toBeNull();
  });

  it('has no look-alike in its alphabet', () => {
    for (const ch of '01OILUV') expect(ENROLMENT_ALPHABET).not.toContain(ch);
    expect(new Set(ENROLMENT_ALPHABET).size).toBe(ENROLMENT_ALPHABET.length);
  });

  it('shows two groups of four', () => {
    expect(formatEnrolmentCode('K7M49QXR')).toBe('K7M4-9QXR');
  });

  it('the request schema gives the normalised form, and a message that shows an example', () => {
    expect(enrolmentCodeSchema.parse('k7m49qxr')).toBe('K7M4-9QXR');
    const refused = enrolmentCodeSchema.safeParse('hello');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toContain('K7M4-9QXR');
  });
});
