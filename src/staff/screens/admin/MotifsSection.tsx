import { useEffect, useState } from 'preact/hooks';
import type { MotifAdminView } from '../../../core/agenda/agenda-admin';
import { can } from '../../../core/auth/policy';
import { LANGUAGES } from '../../../core/i18n/languages';
import { useT } from '../../../web/i18n-context';
import { ArchiveButton } from '../../components/agenda-admin/fields';
import { MotifForm } from '../../components/agenda-admin/MotifForm';
import { SectionFrame } from '../../components/agenda-admin/SectionFrame';
import { useAdmin } from '../../state/admin-context';
import { useStaff } from '../../state/context';
import type { FormRefusal } from '../../state/form-errors';

/**
 * « Motifs »: what an appointment can be for at the pôle, in the kiosk's order, with its texts
 * per language, duration, place, who may book it, delays and change limit; « Archiver » stops
 * offering it (its appointments stay).
 */
export function MotifsSection() {
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
  const editable = !lists?.managedBy && me !== null && siteId !== null && can(me, 'motif.manage', { siteId });

  const archive = async (m: MotifAdminView, archived: boolean) => {
    const refusal = await state.archiveMotif(m, archived);
    setRefused(refusal ? { id: m.id, refusal } : null);
  };

  return (
    <SectionFrame intro={t('motifs.intro')} managedBy={lists?.managedBy ?? null}>
      {lists && siteId && (
        <>
          {editable && editing !== 'new' && (
            <button type="button" class="button button--primary" onClick={() => setEditing('new')}>
              {t('motifs.add')}
            </button>
          )}
          {editing === 'new' && <MotifForm motif={null} languages={lists.languages} onSave={(fields) => state.saveMotif(siteId, fields, null)} onDone={() => setEditing(null)} />}
          {lists.motifs.length === 0 && <p class="muted">{t('motifs.empty')}</p>}
          <ul class="agenda-admin__list">
            {lists.motifs.map((m) => (
              <li key={m.id} class={m.archived ? 'agenda-admin__item agenda-admin__item--archived' : 'agenda-admin__item'}>
                {editing === m.id ? (
                  <MotifForm motif={m} languages={lists.languages} onSave={(fields, version) => state.saveMotif(siteId, fields, { id: m.id, version: version ?? m.version })} onDone={() => setEditing(null)} />
                ) : (
                  <>
                    <h3 class="agenda-admin__name">
                      {/* The French text is data: marked so, it reads in its own direction in an Arabic console. */}
                      <span lang="fr" dir="auto">
                        {m.name.fr}
                      </span>
                      {m.archived && <span class="agenda-admin__badge">{t('archived')}</span>}
                    </h3>
                    {lists.languages
                      .filter((l) => l !== 'fr' && m.name[l])
                      .map((l) => (
                        <p key={l} lang={l} dir={LANGUAGES[l].dir} class="muted">
                          {m.name[l]}
                        </p>
                      ))}
                    <p lang="fr" dir="auto">
                      {m.description.fr}
                    </p>
                    <p class="dots">
                      <span>{t('motifs.duration', { count: m.durationMinutes })}</span>
                      <span>{staffT(`agenda.mode.${m.mode}`)}</span>
                      <span>{m.firstContact ? t('motifs.open') : t('motifs.followUp')}</span>
                      {m.metiers.length > 0 && <span>{m.metiers.map((x) => staffT(`agenda.metier.${x}`)).join(', ')}</span>}
                    </p>
                    <p class="muted">{t('motifs.rules', { min: m.minDelayMinutes, max: m.maxDelayDays, limit: m.changeLimitHours })}</p>
                    {editable && (
                      <div class="actions-row">
                        {!m.archived && (
                          <button type="button" class="button" onClick={() => setEditing(m.id)}>
                            {t('motifs.edit', { name: m.name.fr })}
                          </button>
                        )}
                        <ArchiveButton name={m.name.fr} archived={m.archived} disabled={false} onArchive={(archived) => void archive(m, archived)} />
                      </div>
                    )}
                    {refused?.id === m.id && (
                      <p class="agenda-admin__notice" role="alert">
                        {refused.refusal.conflict ? t('conflict.archive') : refused.refusal.message}
                      </p>
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
