import { describe, expect, it } from 'vitest';
import { farewellLanguage, kioskHomeUrl, parseKioskContext, sessionEndedElsewhere, type KioskContext } from '../../src/core/lockdown/bridge';

const CONTEXT: KioskContext = {
  kioskToken: 'a'.repeat(32),
  kioskUrl: 'http://127.0.0.1:8080/kiosk/',
  language: 'ar',
  inSession: true,
  idle: { warningAfterSeconds: 30, answerSeconds: 20, claimedPauseMinutes: 10 },
  fallback: 'x',
  openingHours: { mon: [['08:30', '12:30']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  closedDays: [],
  guide: null,
};

describe('the kiosk ↔ extension bridge', () => {
  it('the address after a session ended elsewhere carries the language to say goodbye in (issue 9 item 4)', () => {
    const url = kioskHomeUrl(CONTEXT, { ended: true });
    const hash = new URL(url).hash;
    expect(sessionEndedElsewhere(hash)).toBe(true);
    expect(farewellLanguage(hash)).toBe('ar');
    // « Retour à la borne » in the middle of a session: no goodbye, the session's language stays in the tab.
    expect(farewellLanguage(new URL(kioskHomeUrl(CONTEXT)).hash)).toBeNull();
    expect(farewellLanguage('#kiosk=x&ended=1&bye=zz')).toBeNull();
  });

  it('the bar gets the session rules of the site: claimed pause and opening hours, checked', () => {
    expect(parseKioskContext(CONTEXT)).toEqual(CONTEXT);
    expect(parseKioskContext({ ...CONTEXT, idle: { warningAfterSeconds: 30, answerSeconds: 20 } })).toBeNull();
    expect(parseKioskContext({ ...CONTEXT, openingHours: { mon: [['8h', '12h']] } })).toBeNull();
  });
});
