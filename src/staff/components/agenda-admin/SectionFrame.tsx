import type { ComponentChildren } from 'preact';
import type { ManagedElsewhere } from '../../../core/agenda/agenda-admin';
import { useT } from '../../../web/i18n-context';
import { AdminSitePicker } from '../AdminSitePicker';
import { useAdmin } from '../../state/admin-context';

/** The pôle picker, the list's loading state, and where to change data a connector owns. */
export function SectionFrame(props: { intro: string; managedBy: ManagedElsewhere | null; children: ComponentChildren }) {
  const t = useT('agendaAdmin');
  const admin = useT('admin');
  const { agendaAdmin } = useAdmin();
  const status = agendaAdmin.status.value;
  return (
    // The section's title is the « Administration » page's own heading.
    <div class="agenda-admin">
      <AdminSitePicker />
      <p>{props.intro}</p>
      {props.managedBy && (
        <p class="agenda-admin__notice" role="note">
          {t('managedBy', { name: props.managedBy.name })}{' '}
          {props.managedBy.url && <a href={props.managedBy.url}>{t('managedByLink', { name: props.managedBy.name })}</a>}
        </p>
      )}
      {status === 'loading' && <p role="status">{admin('common.loading')}</p>}
      {status === 'failed' && (
        <div role="alert" class="agenda-admin__notice">
          <p>{t('loadFailed', { message: agendaAdmin.loadError.value ?? '' })}</p>
          <button type="button" class="button" onClick={() => void agendaAdmin.reload()}>
            {t('retry')}
          </button>
        </div>
      )}
      {status === 'ready' && props.children}
    </div>
  );
}
