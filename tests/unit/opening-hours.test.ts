import { describe, expect, it } from 'vitest';
import { formatOpening, openingDay, openingSentence, openingState, type OpeningHours } from '../../src/core/site/opening-hours';

const HOURS: OpeningHours = {
  mon: [['08:30', '12:30'], ['13:30', '17:30']],
  tue: [['08:30', '12:30'], ['13:30', '17:30']],
  wed: [['08:30', '12:30']],
  thu: [['08:30', '12:30'], ['13:30', '17:30']],
  fri: [['08:30', '12:30']],
  sat: [],
  sun: [],
};
const at = (iso: string) => Date.parse(iso);

describe('is the pôle open, and when does it open next (Europe/Paris)', () => {
  it('is open inside a period, and says when it closes', () => {
    expect(openingState(HOURS, at('2026-12-01T09:00:00Z'))).toEqual({ open: true, closesAt: at('2026-12-01T11:30:00Z') });
  });

  it('at lunch, opens again the same afternoon', () => {
    expect(openingState(HOURS, at('2026-12-01T12:00:00Z'))).toEqual({ open: false, opensAt: at('2026-12-01T12:30:00Z') });
  });

  it('on Friday evening, opens on Monday morning', () => {
    const now = at('2026-12-04T18:00:00Z');
    const state = openingState(HOURS, now);
    expect(state).toEqual({ open: false, opensAt: at('2026-12-07T07:30:00Z') });
    expect(openingDay(at('2026-12-07T07:30:00Z'), now)).toBe('later');
  });

  it('says « today » and « tomorrow » by the Paris date, not the UTC one', () => {
    // 23:30 UTC on Monday is already Tuesday 00:30 in Paris: Tuesday 08:30 is « today ».
    const now = at('2026-11-30T23:30:00Z');
    const state = openingState(HOURS, now);
    expect(state).toEqual({ open: false, opensAt: at('2026-12-01T07:30:00Z') });
    expect(openingDay(at('2026-12-01T07:30:00Z'), now)).toBe('today');
    expect(openingDay(at('2026-12-01T07:30:00Z'), at('2026-11-30T20:00:00Z'))).toBe('tomorrow');
  });

  it('follows summer time: 08:30 in Paris is 06:30 UTC in July', () => {
    expect(openingState(HOURS, at('2026-07-06T05:00:00Z'))).toEqual({ open: false, opensAt: at('2026-07-06T06:30:00Z') });
  });

  it('the closing minute is closed; a site never open has no next opening', () => {
    expect(openingState(HOURS, at('2026-12-01T16:30:00Z')).open).toBe(false);
    const never: OpeningHours = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
    expect(openingState(never, at('2026-12-01T09:00:00Z'))).toEqual({ open: false, opensAt: null });
  });

  it('writes the next opening in the session language, in Paris time', () => {
    expect(formatOpening(at('2026-12-07T07:30:00Z'), 'fr')).toEqual({ date: 'lundi 7 décembre', time: '08:30' });
    expect(formatOpening(at('2026-12-07T07:30:00Z'), 'en').date).toMatch(/Monday/);
    expect(formatOpening(at('2026-12-07T07:30:00Z'), 'ar').date).toMatch(/الاثنين/);
  });
});

describe('the sentence that says when the pôle opens', () => {
  it('picks today, tomorrow, a date, or says it does not know', () => {
    expect(openingSentence(at('2026-12-01T12:30:00Z'), at('2026-12-01T12:00:00Z'), 'fr')).toEqual({ key: 'opensToday', date: 'mardi 1 décembre', time: '13:30' });
    expect(openingSentence(at('2026-12-02T07:30:00Z'), at('2026-12-01T18:00:00Z'), 'fr').key).toBe('opensTomorrow');
    expect(openingSentence(at('2026-12-07T07:30:00Z'), at('2026-12-04T18:00:00Z'), 'fr').key).toBe('opensOn');
    expect(openingSentence(null, 0, 'fr').key).toBe('opensUnknown');
  });
});
