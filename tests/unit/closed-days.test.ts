import { describe, expect, it } from 'vitest';
import { whatInstead } from '../../src/core/help/help-session';
import { parseKioskContext, type KioskContext } from '../../src/core/lockdown/bridge';
import { openingSentence, openingState, type OpeningHours } from '../../src/core/site/opening-hours';
import { kioskSiteView, siteConfigSchema } from '../../src/core/site/site-config';

/** Closed days (issue 10 item 8): a public holiday or a closure wins over the weekly hours. */
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

describe('closed days in the opening hours', () => {
  it('a closed Tuesday is closed at 10:00, and the pôle opens on Wednesday', () => {
    const tuesday10h = at('2026-12-01T09:00:00Z');
    expect(openingState(HOURS, tuesday10h)).toEqual({ open: true, closesAt: at('2026-12-01T11:30:00Z') });
    const state = openingState(HOURS, tuesday10h, ['2026-12-01']);
    expect(state).toEqual({ open: false, opensAt: at('2026-12-02T07:30:00Z') });
    expect(openingSentence(at('2026-12-02T07:30:00Z'), tuesday10h, 'fr')).toEqual({ key: 'opensTomorrow', date: 'mercredi 2 décembre', time: '08:30' });
  });

  it('on the Monday evening before a closed Tuesday, says Wednesday by its date, not « demain »', () => {
    const mondayEvening = at('2026-11-30T18:00:00Z');
    const state = openingState(HOURS, mondayEvening, ['2026-12-01']);
    expect(state).toEqual({ open: false, opensAt: at('2026-12-02T07:30:00Z') });
    expect(openingSentence(at('2026-12-02T07:30:00Z'), mondayEvening, 'fr').key).toBe('opensOn');
  });

  it('the date is the Paris one: 23:30 UTC on a Monday is already the closed Tuesday', () => {
    expect(openingState(HOURS, at('2026-11-30T23:30:00Z'), ['2026-12-01'])).toEqual({ open: false, opensAt: at('2026-12-02T07:30:00Z') });
  });

  it('across the spring DST change: a closed Monday after it, the Tuesday opens at 08:30 summer time', () => {
    // 28 March 2027 is the change to summer time; Monday 29 is closed.
    expect(openingState(HOURS, at('2027-03-26T18:00:00Z'), ['2027-03-29'])).toEqual({ open: false, opensAt: at('2027-03-30T06:30:00Z') });
  });

  it('across the autumn DST change: a closed Monday after it, the Tuesday opens at 08:30 winter time', () => {
    // 25 October 2026 is the change back to winter time; Monday 26 is closed.
    expect(openingState(HOURS, at('2026-10-23T18:00:00Z'), ['2026-10-26'])).toEqual({ open: false, opensAt: at('2026-10-27T07:30:00Z') });
  });

  it('a closure longer than the look-ahead still finds the next opening', () => {
    const days: string[] = [];
    for (let d = at('2026-12-19T12:00:00Z'); d < at('2027-01-11T00:00:00Z'); d += 86_400_000) days.push(new Date(d).toISOString().slice(0, 10));
    expect(openingState(HOURS, at('2026-12-18T18:00:00Z'), days)).toEqual({ open: false, opensAt: at('2027-01-11T07:30:00Z') });
  });

  it('the help screen and the bar offer no closed accueil on a closed day', () => {
    expect(whatInstead(HOURS, at('2026-12-01T09:00:00Z'))).toEqual({ kind: 'fallback' });
    expect(whatInstead(HOURS, at('2026-12-01T09:00:00Z'), ['2026-12-01'])).toEqual({ kind: 'closed', opensAt: at('2026-12-02T07:30:00Z') });
  });

  it('the kiosk site view and the bridge carry the closed days; an older page without them still works', () => {
    const site = siteConfigSchema.parse({
      id: 'pole', name: 'Pôle', address: '1 rue', languages: ['fr'], defaultLanguage: 'fr', openingHours: HOURS, closedDays: ['2026-12-25'],
      kiosks: [{ id: 'pole-1', label: 'Poste 1' }], help: { escalationMinutes: 5, expiryMinutes: 30, fallback: { fr: 'Accueil' } }, idle: { warningAfterSeconds: 120, answerSeconds: 30 },
    });
    expect(kioskSiteView(site, 'pole-1')?.closedDays).toEqual(['2026-12-25']);
    const context: Omit<KioskContext, 'closedDays'> = {
      kioskToken: 'a'.repeat(32), kioskUrl: 'http://127.0.0.1:8080/kiosk/', language: 'fr', inSession: true,
      idle: { warningAfterSeconds: 30, answerSeconds: 20, claimedPauseMinutes: 10 }, fallback: 'x', openingHours: HOURS, guide: null,
    };
    expect(parseKioskContext(context)?.closedDays).toEqual([]);
    expect(parseKioskContext({ ...context, closedDays: ['2026-12-25'] })?.closedDays).toEqual(['2026-12-25']);
    expect(parseKioskContext({ ...context, closedDays: ['25/12/2026'] })).toBeNull();
  });
});
