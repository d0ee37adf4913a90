import { useT } from '../../web/i18n-context';
import { useAdmin } from '../state/admin-context';
import { useStaff } from '../state/context';

/**
 * The pôle a section edits (référents, motifs, réglages): the person's own pôles only, which
 * is what /api/staff/sites returns. The first one until the person picks another.
 */
export function AdminSitePicker() {
  const t = useT('admin');
  const staff = useStaff();
  const admin = useAdmin();
  const sites = staff.sites.value;
  const current = admin.siteId.value;
  return (
    <p class="field admin__site">
      <label for="admin-site">{t('site.label')}</label>
      <select id="admin-site" value={current ?? ''} onChange={(e) => admin.chooseSite((e.currentTarget as HTMLSelectElement).value)}>
        {sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </p>
  );
}
