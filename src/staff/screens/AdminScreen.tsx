import { can } from '../../core/auth/policy';
import { useT } from '../../web/i18n-context';
import { useAdmin } from '../state/admin-context';
import { useStaff } from '../state/context';
import { ADMIN_SECTIONS, type AdminSection } from '../state/route';
import { AccountsSection } from './admin/AccountsSection';
import { FleetSection } from './admin/FleetSection';
import { MotifsSection } from './admin/MotifsSection';
import { ReferentsSection } from './admin/ReferentsSection';
import { SettingsSection } from './admin/SettingsSection';

const SECTIONS: Record<AdminSection, () => preact.JSX.Element> = {
  fleet: FleetSection,
  accounts: AccountsSection,
  referents: ReferentsSection,
  motifs: MotifsSection,
  settings: SettingsSection,
};

/**
 * « Administration »: shown only to admins. The same policy rule as the API's decides it, so a
 * médiateur who types the address reads a refusal that says who can help, and the API says 403.
 */
export function AdminScreen(props: { section: AdminSection }) {
  const t = useT('admin');
  const staff = useStaff();
  const admin = useAdmin();
  const me = staff.me.value;
  if (!me || !can(me, 'admin.open', { siteId: null })) {
    return (
      <main class="admin admin--refused" id="main">
        <section class="panel" role="alert" aria-labelledby="admin-refused-title">
          <h2 id="admin-refused-title">{t('refused.title')}</h2>
          <p>{t('refused.text')}</p>
          <a class="button" href="#/" onClick={() => admin.route.go({ area: 'calls' })}>
            {t('refused.back')}
          </a>
        </section>
      </main>
    );
  }
  const Section = SECTIONS[props.section];
  return (
    <div class="admin">
      <nav class="admin__nav" aria-label={t('nav.sections')}>
        <ul>
          {ADMIN_SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#/admin/${s}`} class="admin__link" aria-current={s === props.section ? 'page' : undefined}>
                {t(`nav.${s}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main class="admin__main" id="main" aria-labelledby="admin-section-title">
        <h2 id="admin-section-title">{t(`nav.${props.section}`)}</h2>
        <Section />
      </main>
    </div>
  );
}
