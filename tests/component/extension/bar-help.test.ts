import { describe, expect, it } from 'vitest';
import type { KioskHelpView } from '../../../src/core/help/help-call';
import { applyView, NO_HELP } from '../../../src/core/help/help-session';
import type { KioskContext } from '../../../src/core/lockdown/bridge';
import { helpStatus } from '../../../src/extension/content/Bar';
import { extensionI18n } from '../../../src/extension/i18n';
import type { BarState } from '../../../src/extension/messages';

/** The bar on official sites words the same help states as the kiosk page (issue 9 item 6). */
const CONTEXT: KioskContext = {
  kioskToken: 'x'.repeat(32),
  kioskUrl: 'http://127.0.0.1:8080/kiosk/',
  language: 'fr',
  inSession: true,
  idle: { warningAfterSeconds: 120, answerSeconds: 30, claimedPauseMinutes: 10 },
  fallback: "Allez à l'accueil du pôle.",
  openingHours: { mon: [['08:30', '12:30']], tue: [['08:30', '12:30']], wed: [], thu: [], fri: [], sat: [], sun: [] },
  closedDays: [],
  guide: null,
};
const MONDAY_10H = Date.parse('2026-12-07T09:00:00Z');
const SUNDAY = Date.parse('2026-12-06T10:00:00Z');

function bar(view: KioskHelpView): BarState {
  return { context: CONTEXT, help: applyView({ ...NO_HELP, callId: 'c' }, view, 0), lastActivity: 0, ending: false };
}
const call = (extra: Partial<NonNullable<KioskHelpView['call']>>): KioskHelpView => ({
  call: { id: 'c', status: 'waiting', createdAt: '2026-12-07T09:00:00.000Z', claimedByFirstName: null, escalated: false, outcome: null, ...extra },
  onDutyCount: 1,
  position: 1,
  estimatedWait: { minMinutes: 2, maxMinutes: 3 },
});

describe('the bar says where the call is', () => {
  it('escalated: nobody could come yet (not "nobody could come in time"), then the fallback', async () => {
    const i18n = await extensionI18n('fr');
    expect(helpStatus({ state: bar(call({ escalated: true })), i18n, now: MONDAY_10H })).toBe("Personne n'a encore pu venir, et nous en sommes désolés. Allez à l'accueil du pôle.");
  });

  it('closed pôle: when it opens, never the accueil', async () => {
    const i18n = await extensionI18n('fr');
    const text = helpStatus({ state: bar({ ...call({}), onDutyCount: 0 }), i18n, now: SUNDAY });
    expect(text).toBe("Aucun médiateur n'est disponible en ce moment. Le pôle est fermé en ce moment. Il ouvre demain, lundi 7 décembre, à 08:30. Vous pouvez prendre rendez-vous sur la borne.");
    expect(text).not.toContain('accueil');
  });
});
