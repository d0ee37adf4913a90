import { useEffect, useState } from 'preact/hooks';
import type { ReferentAdminView } from '../../../core/agenda/agenda-admin';
import { can } from '../../../core/auth/policy';
import { useT } from '../../../web/i18n-context';
import { Absences, HoursEditor } from '../../components/AgendaPanel';
import { ArchiveButton } from '../../components/agenda-admin/fields';
import { ReferentForm } from '../../components/agenda-admin/ReferentForm';
import { SectionFrame } from '../../components/agenda-admin/SectionFrame';
import { useAdmin } from '../../state/admin-context';
import { useStaff } from '../../state/context';
import type { FormRefusal } from '../../state/form-errors';

/**
 * « Référents »: who receives at the pôle, « Ajouter un référent », and for each their first
 * name, métier, gender and office, their weekly hours and absences (the agenda's own editors),
 * and « Archiver » for someone who left (their past appointments stay).
 */
export function ReferentsSection() {
  const t = useT('agendaAdmin');
  const staffT = useT('staff');
  const admin = useAdmin();
  const staff = useStaff();
  const state = admin.agendaAdmin;
  const siteId = admin.siteId.value;
  const [editing, setEditing] = useState<string | null>(null);
  const [refused, setRefused] = useState<{ id: string; refusal: FormRefusal } | null>(null);
  // The state fetches; the section only says which pôle it shows.
  useEffect(() => state.open(siteId), [siteId]);
  const lists = state.lists.value?.siteId === siteId ? state.lists.value : null;
  const me = staff.me.value;
  const editable = !lists?.managedBy && me !== null && siteId !== null && can(me, 'referent.manage', { siteId });
  const lang = document.documentElement.lang || 'fr';

  const archive = async (r: ReferentAdminView, archived: boolean) => {
    const refusal = await state.archiveReferent(r, archived);
    setRefused(refusal ? { id: r.id, refusal } : null);
  };
  const metier = (r: ReferentAdminView) => (r.gender ? staffT(`agenda.metier.${r.metier}`, { context: r.gender }) : staffT(`agenda.metier.${r.metier}`));

  return (
    <SectionFrame intro={t('referents.intro')} managedBy={lists?.managedBy ?? null}>
      {lists && siteId && (
        <>
          {editable && editing !== 'new' && (
            <button type="button" class="button button--primary" onClick={() => setEditing('new')}>
              {t('referents.add')}
            </button>
          )}
          {editing === 'new' && <ReferentForm referent={null} languages={lists.languages} onSave={(fields) => state.saveReferent(siteId, fields, null)} onDone={() => setEditing(null)} />}
          {lists.referents.length === 0 && <p class="muted">{t('referents.empty')}</p>}
          <ul class="agenda-admin__list">
            {lists.referents.map((r) => (
              <li key={r.id} class={r.archived ? 'agenda-admin__item agenda-admin__item--archived' : 'agenda-admin__item'}>
                {editing === r.id ? (
                  <ReferentForm referent={r} languages={lists.languages} onSave={(fields, version) => state.saveReferent(siteId, fields, { id: r.id, version: version ?? r.version })} onDone={() => setEditing(null)} />
                ) : (
                  <>
                    <h3 class="agenda-admin__name">
                      {staffT('agenda.referent', { name: r.firstName, metier: metier(r) })}
                      {r.archived && <span class="agenda-admin__badge">{t('archived')}</span>}
                    </h3>
                    <p>{t('referents.office', { place: `\u2068${r.place.fr}\u2069` })}</p>
                    {editable && (
                      <div class="actions-row">
                        {!r.archived && (
                          <button type="button" class="button" onClick={() => setEditing(r.id)}>
                            {t('referents.edit', { name: r.firstName })}
                          </button>
                        )}
                        <ArchiveButton name={r.firstName} archived={r.archived} disabled={false} onArchive={(archived) => void archive(r, archived)} />
                      </div>
                    )}
                    {refused?.id === r.id && (
                      <p class="agenda-admin__notice" role="alert">
                        {refused.refusal.conflict ? t('conflict.archive') : refused.refusal.message}
                      </p>
                    )}
                    {!r.archived && (
                      <details class="referent__more">
                        <summary>{t('referents.hoursAndAbsences', { name: r.firstName })}</summary>
                        <HoursEditor referent={r} editable={editable} />
                        <Absences referent={r} editable={editable} lang={lang} />
                      </details>
                    )}
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </SectionFrame>
  );
}
