import { effect, signal } from '@preact/signals';
import type { ManagedElsewhere, MotifAdminView, MotifFields, ReferentAdminView, ReferentFields } from '../../core/agenda/agenda-admin';
import type { Language } from '../../core/i18n/languages';
import { agendaAdminApi, type AgendaAdminApi } from '../agenda-admin-api';
import { formRefusal, type FormRefusal } from './form-errors';
import type { StaffState } from './staff-state';

export interface AgendaAdminLists {
  siteId: string;
  managedBy: ManagedElsewhere | null;
  languages: Language[];
  referents: ReferentAdminView[];
  motifs: MotifAdminView[];
}

/**
 * « Référents » and « Motifs »: the lists of the pôle the sections show, reloaded when the agenda
 * changes (the 'agenda' event), and the saves. A save answers with a FormRefusal (null: saved) so
 * the form keeps what was typed; on a conflict the refusal carries the record as it is now.
 */
export function createAgendaAdminState(deps: { staff: StaffState; api?: AgendaAdminApi }) {
  const api = deps.api ?? agendaAdminApi;
  const lists = signal<AgendaAdminLists | null>(null);
  const status = signal<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  const loadError = signal<string | null>(null);
  let openSite: string | null = null;
  let generation = 0;

  async function load(siteId: string): Promise<void> {
    const mine = ++generation;
    if (lists.value?.siteId !== siteId) status.value = 'loading';
    try {
      const [referents, motifs] = await Promise.all([api.referents(siteId), api.motifs(siteId)]);
      if (mine !== generation) return;
      lists.value = { siteId, managedBy: motifs.managedBy ?? referents.managedBy, languages: motifs.languages, referents: referents.referents, motifs: motifs.motifs };
      status.value = 'ready';
      loadError.value = null;
    } catch (error) {
      if (mine !== generation) return;
      status.value = 'failed';
      loadError.value = formRefusal(error).message;
    }
  }

  /** The section shows this pôle: load it (again when another is chosen). */
  function open(siteId: string | null): void {
    openSite = siteId;
    if (siteId) void load(siteId);
  }

  // Hours, absences, another admin's change: the 'agenda' event bumps agendaVersion.
  effect(() => {
    void deps.staff.agendaVersion.value;
    if (openSite) void load(openSite);
  });

  // Signing out leaves nothing behind.
  effect(() => {
    if (deps.staff.me.value === null) {
      lists.value = null;
      status.value = 'idle';
      openSite = null;
    }
  });

  /** Runs a save; reloads the lists on success, gives the refusal otherwise. */
  async function save<T>(write: () => Promise<T>): Promise<FormRefusal | null> {
    try {
      await write();
    } catch (error) {
      return formRefusal(error);
    }
    if (openSite) await load(openSite);
    return null;
  }

  return {
    lists,
    status,
    loadError,
    open,
    reload: () => (openSite ? load(openSite) : Promise.resolve()),
    /** A new référent when `existing` is null; otherwise a change from that version. */
    saveReferent: (siteId: string, fields: ReferentFields, existing: { id: string; version: number } | null) =>
      save(() => (existing ? api.updateReferent(existing.id, fields, existing.version) : api.createReferent(siteId, fields))),
    archiveReferent: (r: Pick<ReferentAdminView, 'id' | 'version'>, archived: boolean) => save(() => api.archiveReferent(r.id, archived, r.version)),
    saveMotif: (siteId: string, fields: MotifFields, existing: { id: string; version: number } | null) =>
      save(() => (existing ? api.updateMotif(existing.id, fields, existing.version) : api.createMotif(siteId, fields))),
    archiveMotif: (m: Pick<MotifAdminView, 'id' | 'version'>, archived: boolean) => save(() => api.archiveMotif(m.id, archived, m.version)),
  };
}

export type AgendaAdminState = ReturnType<typeof createAgendaAdminState>;
