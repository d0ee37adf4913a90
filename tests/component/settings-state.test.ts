import { describe, expect, it } from 'vitest';
import type { SettingsSaved, SettingsView } from '../../src/core/site/settings';
import { fieldMessage } from '../../src/staff/components/settings/field-messages';
import type { SettingsApi } from '../../src/staff/settings-api';
import { settingsOfDraft } from '../../src/staff/state/settings-draft';
import { createSettingsState } from '../../src/staff/state/settings-state';
import type { StaffState } from '../../src/staff/state/staff-state';
import { ApiRequestError } from '../../src/web/api-client';
import { changeLanguage } from '../../src/web/i18n';
import { staffI18n } from './support/staff-harness';

/** « Réglages du pôle » in the console: what a refusal, a conflict and a save do to what was typed. */
const VIEW: SettingsView = {
  version: 3,
  updatedAt: '2026-12-01T09:00:00.000Z',
  updatedBy: null,
  guides: [{ id: 'caf-rsa', title: 'Demander le RSA' }],
  languages: (['fr', 'en', 'ar'] as const).map((code) => ({
    code,
    producedBy: code === 'fr' ? 'The source language.' : 'Machine translation, not reviewed.',
    reviewed: code === 'fr',
    reviewedBy: code === 'fr' ? 'Borne' : null,
    kiosk: { translated: 10, total: 10, ratio: 1, status: 'complete' as const },
    console: { translated: 10, total: 10, ratio: 1, status: 'complete' as const },
  })),
  settings: {
    name: 'Pôle social de Châtillon', address: '5 rue de la Mairie', languages: ['fr', 'ar'], defaultLanguage: 'fr',
    openingHours: { mon: [['08:30', '12:30']], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, closedDays: [],
    help: { escalationMinutes: 5, expiryMinutes: 30, fallback: { fr: "Allez à l'accueil." }, claimedPauseMinutes: 10, ringIntervalSeconds: 30, offlineExpiryMinutes: 5 },
    idle: { warningAfterSeconds: 120, answerSeconds: 30 }, guides: ['caf-rsa'], allowedHosts: ['www.caf.fr'],
    booking: { maxLivePerPhone: 2, maxLivePerDossier: 3, maxPerKioskPerHour: 12 }, fleet: { offlineAlertMinutes: 10 },
  },
};

function fakeApi(answer: (settings: Record<string, unknown>, version: number) => SettingsSaved) {
  const sent: { settings: Record<string, unknown>; version: number }[] = [];
  const api: SettingsApi = {
    read: async () => VIEW,
    save: async (_siteId, settings, version) => {
      sent.push({ settings: settings as Record<string, unknown>, version });
      return answer(settings as Record<string, unknown>, version);
    },
  };
  return { api, sent };
}

async function opened(api: SettingsApi) {
  const state = createSettingsState({ staff: {} as StaffState, api });
  state.open('chatillon');
  await expect.poll(() => state.draft.value).not.toBeNull();
  return state;
}

describe('the settings state', () => {
  it('a refused save keeps everything typed and keeps each field’s refusal with its kind', async () => {
    const { api, sent } = fakeApi(() => {
      throw new ApiRequestError(400, 'validation', 'The request is not valid', [
        { path: 'help.escalationMinutes', message: 'expected a number of minutes greater than 0, for example 5 (got 0)', issue: { kind: 'too_small', limit: 0, inclusive: false } },
        { path: 'idle.answerSeconds', message: 'expected whole seconds (got 2.5)', issue: { kind: 'not_integer' } },
      ] as never);
    });
    const state = await opened(api);
    state.edit((d) => ({ ...d, numbers: { ...d.numbers, 'help.escalationMinutes': '0', 'idle.answerSeconds': '2,5' }, fallback: { ...d.fallback, fr: 'Guichet 3' } }));
    expect(await state.save()).toBe(false);
    expect(sent[0]).toMatchObject({ version: 3, settings: { help: { escalationMinutes: 0, fallback: { fr: 'Guichet 3' } }, idle: { answerSeconds: 2.5 } } });
    expect(state.draft.value?.numbers['idle.answerSeconds']).toBe('2,5');
    expect(state.draft.value?.fallback.fr).toBe('Guichet 3');
    expect(Object.keys(state.fieldErrors.value)).toEqual(['help.escalationMinutes', 'idle.answerSeconds']);

    const i18n = await staffI18n();
    const t = i18n.getFixedT('fr', 'settings');
    expect(fieldMessage(t, state.fieldErrors.value['help.escalationMinutes']!)).toBe('Délai avant de signaler un appel sans réponse : plus de 0.');
    expect(fieldMessage(t, state.fieldErrors.value['idle.answerSeconds']!)).toBe("Temps laissé pour répondre à l'avertissement : un nombre entier, sans virgule.");
    await changeLanguage(i18n, 'ar', ['settings']);
    expect(fieldMessage(i18n.getFixedT('ar', 'settings'), { path: 'booking.maxLivePerPhone', message: 'expected at most 20', issue: { kind: 'too_big', limit: 20 } })).toBe('المواعيد القادمة لكل رقم هاتف: 20 على الأكثر.');
    expect(fieldMessage(t, { path: 'closedDays.0', message: 'expected a date', issue: { kind: 'wrong_format' } })).toBe('Jours de fermeture : attendu une date, par exemple 25/12/2026.');
    // A refusal of another kind is said in the server's words, which name the fix.
    expect(fieldMessage(t, { path: 'guides.0', message: 'there is no guide "x": choose one of the guides listed, or remove it' })).toMatch(/no guide "x"/);
  });

  it('a conflict keeps what was typed until the admin takes the current values and version', async () => {
    const theirs = { ...VIEW.settings, help: { ...VIEW.settings.help, fallback: { fr: 'Guichet 2' } } };
    const { api } = fakeApi(() => {
      throw new ApiRequestError(409, 'version_conflict', 'Someone else saved this', undefined, { version: 4 }, theirs);
    });
    const state = await opened(api);
    state.edit((d) => ({ ...d, fallback: { ...d.fallback, fr: 'Guichet 9' } }));
    expect(await state.save()).toBe(false);
    expect(state.refusal.value.conflict).toEqual({ version: 4, current: theirs });
    expect(state.draft.value?.fallback.fr).toBe('Guichet 9');
    state.takeCurrent();
    expect(state.draft.value?.fallback.fr).toBe('Guichet 2');
    expect(state.view.value?.version).toBe(4);
    expect(state.refusal.value.conflict).toBeNull();
  });

  it('a save sends every field, empty translations left out, hosts one per line, and says when the policy must be regenerated', async () => {
    const { api, sent } = fakeApi((settings) => ({ ...VIEW, version: 4, settings: { ...VIEW.settings, allowedHosts: settings.allowedHosts as string[] }, policyCommand: 'npm run kiosk -- policy --site chatillon' }));
    const state = await opened(api);
    state.edit((d) => ({ ...d, allowedHosts: 'www.caf.fr\n  WWW.Ameli.fr \n\n', closedDays: [...d.closedDays, '2026-12-25'] }));
    expect(await state.save()).toBe(true);
    const body = sent[0]!.settings;
    expect(body.allowedHosts).toEqual(['www.caf.fr', 'www.ameli.fr']);
    expect(body.closedDays).toEqual(['2026-12-25']);
    expect((body.help as { fallback: object }).fallback).toEqual({ fr: "Allez à l'accueil." });
    expect(Object.keys(body).sort()).toEqual(Object.keys(settingsOfDraft(state.draft.value!)).sort());
    expect(state.saved.value).toEqual({ policyCommand: 'npm run kiosk -- policy --site chatillon' });
    expect(state.view.value?.version).toBe(4);
  });
});
