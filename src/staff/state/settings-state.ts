import { batch, signal } from '@preact/signals';
import type { SettingsFieldError, SettingsView, SiteSettings } from '../../core/site/settings';
import { ApiRequestError } from '../../web/api-client';
import { settingsApi, type SettingsApi } from '../settings-api';
import { formRefusal, NO_REFUSAL, type FormRefusal } from './form-errors';
import { draftOf, settingsOfDraft, type SettingsDraft } from './settings-draft';
import type { StaffState } from './staff-state';

/**
 * « Réglages du pôle »: the pôle's settings as loaded, what the admin has typed, and the answer
 * of the last save. A refused save keeps the draft untouched; only the refusal changes.
 */
export function createSettingsState(deps: { staff: StaffState; api?: SettingsApi }) {
  const api = deps.api ?? settingsApi;
  const siteId = signal<string | null>(null);
  const view = signal<SettingsView | null>(null);
  const draft = signal<SettingsDraft | null>(null);
  const loadError = signal<string | null>(null);
  const saving = signal(false);
  const refusal = signal<FormRefusal>(NO_REFUSAL);
  /** The refused fields with the kind of mistake, for messages in the console's language. */
  const fieldErrors = signal<Record<string, SettingsFieldError>>({});
  /** Set after a save: whether the kiosks' browser policy must be regenerated, and how. */
  const saved = signal<{ policyCommand: string | null } | null>(null);
  let request = 0;

  async function load(id: string): Promise<void> {
    const mine = ++request;
    batch(() => {
      siteId.value = id;
      view.value = null;
      draft.value = null;
      loadError.value = null;
      refusal.value = NO_REFUSAL;
      fieldErrors.value = {};
      saved.value = null;
    });
    try {
      const loaded = await api.read(id);
      // A late answer for a pôle the admin has left is dropped.
      if (mine !== request) return;
      batch(() => {
        view.value = loaded;
        draft.value = draftOf(loaded.settings);
      });
    } catch (error) {
      if (mine === request) loadError.value = formRefusal(error).message ?? String(error);
    }
  }

  /** Shows a pôle's settings (the section calls it when the chosen pôle changes). */
  function open(id: string | null): void {
    if (id && id !== siteId.value) void load(id);
  }

  function edit(change: (draft: SettingsDraft) => SettingsDraft): void {
    if (!draft.value) return;
    draft.value = change(draft.value);
    saved.value = null;
  }

  async function save(): Promise<boolean> {
    const id = siteId.value;
    const current = view.value;
    const typed = draft.value;
    if (!id || !current || !typed || saving.value) return false;
    saving.value = true;
    saved.value = null;
    try {
      const answer = await api.save(id, settingsOfDraft(typed), current.version);
      batch(() => {
        view.value = answer;
        draft.value = draftOf(answer.settings);
        refusal.value = NO_REFUSAL;
        fieldErrors.value = {};
        saved.value = { policyCommand: answer.policyCommand };
      });
      return true;
    } catch (error) {
      const fields = error instanceof ApiRequestError ? ((error.fields ?? []) as SettingsFieldError[]) : [];
      batch(() => {
        refusal.value = formRefusal(error);
        fieldErrors.value = Object.fromEntries(fields.map((f) => [f.path, f]));
      });
      return false;
    } finally {
      saving.value = false;
    }
  }

  /** After a conflict: take the other person's values and version (what was typed is dropped, on request only). */
  function takeCurrent(): void {
    const conflict = refusal.value.conflict;
    const current = view.value;
    if (!conflict || !current) return;
    const settings = conflict.current as SiteSettings;
    batch(() => {
      view.value = { ...current, settings, version: conflict.version };
      draft.value = draftOf(settings);
      refusal.value = NO_REFUSAL;
      fieldErrors.value = {};
    });
  }

  return {
    siteId,
    view,
    draft,
    loadError,
    saving,
    refusal,
    fieldErrors,
    saved,
    open,
    reload: () => (siteId.value ? load(siteId.value) : Promise.resolve()),
    edit,
    save,
    takeCurrent,
  };
}

export type SettingsState = ReturnType<typeof createSettingsState>;
