import { LANGUAGE_INFO, SUPPORTED_LANGUAGES } from '../../core/i18n/languages';
import { useT } from '../../web/i18n-context';
import { can } from '../../core/auth/policy';
import { useAdmin } from '../state/admin-context';
import { useStaff } from '../state/context';

export function Header(props: { language: string; onLanguage: (lang: string) => void }) {
  const t = useT('staff');
  const ta = useT('admin');
  const staff = useStaff();
  const route = useAdmin().route.route.value;
  const me = staff.me.value;
  // Not allowed to watch this site (not on duty here) is not a network problem: say which it is.
  const state = staff.watching.value ? staff.connection.value : 'unwatched';
  return (
    <header class="header">
      <h1 class="header__title">{t('app.title')}</h1>
      {/* Administration is offered to admins only; the address still answers a médiateur, with a refusal. */}
      {me && can(me, 'admin.open', { siteId: null }) && (
        <nav class="header__nav" aria-label={ta('nav.label')}>
          <a href="#/" class="header__link" aria-current={route.area === 'calls' ? 'page' : undefined}>
            {ta('nav.calls')}
          </a>
          <a href="#/admin/fleet" class="header__link" aria-current={route.area === 'admin' ? 'page' : undefined}>
            {ta('nav.label')}
          </a>
        </nav>
      )}
      <p class={`connection connection--${state}`} role="status">
        <span class="connection__dot" aria-hidden="true" />
        {state === 'open' ? t('connection.connected') : state === 'connecting' ? t('connection.connecting') : state === 'unwatched' ? t('connection.notWatching') : t('connection.offline')}
      </p>
      <div class="header__user">
        {/* Eight languages: a list, not eight buttons, so the header keeps one line. */}
        <label class="header__language">
          <span>{t('language')}</span>
          <select value={props.language} onChange={(e) => props.onLanguage(e.currentTarget.value)}>
            {SUPPORTED_LANGUAGES.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {LANGUAGE_INFO[lang].nativeName}
              </option>
            ))}
          </select>
        </label>
        <span class="header__name">{staff.me.value?.firstName}</span>
        <button type="button" class="button" onClick={() => void staff.logout()}>
          {t('logout')}
        </button>
      </div>
    </header>
  );
}
