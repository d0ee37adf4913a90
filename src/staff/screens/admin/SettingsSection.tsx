import { useEffect } from 'preact/hooks';
import { useT } from '../../../web/i18n-context';
import { AdminSitePicker } from '../../components/AdminSitePicker';
import { SettingsForm } from '../../components/settings/SettingsForm';
import { useAdmin } from '../../state/admin-context';

/** « Réglages du pôle »: the chosen pôle's settings, loaded by the state when the pôle changes. */
export function SettingsSection() {
  const t = useT('settings');
  const ta = useT('admin');
  const admin = useAdmin();
  const settings = admin.settings;
  const siteId = admin.siteId.value;
  useEffect(() => settings.open(siteId), [siteId]);
  const lang = document.documentElement.lang || 'fr';
  return (
    <div class="settings">
      <AdminSitePicker />
      {settings.loadError.value ? (
        <div role="alert">
          <p class="error">{t('loadFailed', { message: settings.loadError.value })}</p>
          <button type="button" class="button" onClick={() => void settings.reload()}>
            {t('retry')}
          </button>
        </div>
      ) : settings.draft.value ? (
        <SettingsForm lang={lang} />
      ) : (
        <p class="muted">{ta('common.loading')}</p>
      )}
    </div>
  );
}
