import { computed, effect, signal } from '@preact/signals';
import { render } from 'preact';
import { isLanguage } from '../core/i18n/languages';
import { loadScriptFonts } from '../web/fonts';
import { changeLanguage, createI18n } from '../web/i18n';
import { ConsoleLanguageContext, createConsoleLanguage } from './state/console-language';
import { I18nProvider } from '../web/i18n-context';
import { staffApi } from './api';
import { App } from './App';
import { notify } from './notifications';
import { createChime } from './sound';
import { StaffStateContext } from './state/context';
import { createStaffState } from './state/staff-state';
import { startRinger } from './state/ringer';
import { AdminContext, createAdminStates } from './state/admin-context';
import { createRoute } from './state/route';
import { pageTitle } from './page-title';
import '../web/base.css';
import './styles.css';

const NAMESPACES = ['common', 'staff', 'guides', 'admin', 'fleet', 'enrol', 'accounts', 'agendaAdmin', 'settings', 'commands'] as const;

async function boot(): Promise<void> {
  const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/{common,staff,guides,admin,fleet,enrol,accounts,agendaAdmin,settings,commands}.json');
  const [i18n] = await Promise.all([createI18n({ loaders, namespaces: NAMESPACES, defaultNS: 'staff', language: 'fr' }), loadScriptFonts()]);
  const language = signal(i18n.language);
  const chime = createChime();
  let rings = 0;
  // Every ring, first or reminder, is counted on the body: the browser tests read it there.
  const ring = () => {
    rings += 1;
    document.body.dataset.rings = String(rings);
    chime.ring();
  };
  const state = createStaffState({
    api: staffApi,
    onNewCall: (call, kioskLabel) => {
      ring();
      notify(i18n.t('staff:notify.newCall', { kiosk: kioskLabel }), call.id);
    },
  });
  // Until someone claims it, a waiting call rings again at the site's interval.
  startRinger({ waiting: computed(() => state.waitingCalls.value.length), intervalSeconds: state.ringIntervalSeconds, ring });
  effect(() => {
    void language.value;
    document.title = pageTitle(i18n, state.me.value ? state.waitingCalls.value.length : 0);
  });
  const admin = createAdminStates(state, createRoute());
  const consoleLanguage = createConsoleLanguage(i18n.language, async (lang) => (language.value = await changeLanguage(i18n, lang, NAMESPACES)));
  const onLanguage = (lang: string) => consoleLanguage.choose(isLanguage(lang) ? lang : 'fr');
  const Root = () => (
    <I18nProvider i18n={i18n} language={language}>
      <ConsoleLanguageContext.Provider value={consoleLanguage}>
        <StaffStateContext.Provider value={state}>
          <AdminContext.Provider value={admin}>
            <App chime={chime} language={language.value} onLanguage={onLanguage} />
          </AdminContext.Provider>
        </StaffStateContext.Provider>
      </ConsoleLanguageContext.Provider>
    </I18nProvider>
  );
  render(<Root />, document.getElementById('app')!);
  await state.init();
}

void boot();
