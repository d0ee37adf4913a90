import { effect, signal } from '@preact/signals';
import { render } from 'preact';
import { isLanguage } from '../core/i18n/languages';
import { farewellLanguage, sessionEndedElsewhere } from '../core/lockdown/bridge';
import { LAUNCHER_CONTROL_URL } from '../core/lockdown/policy';
import { GUIDES } from '../web/guides';
import { createI18n } from '../web/i18n';
import { loadScriptFonts } from '../web/fonts';
import { I18nProvider } from '../web/i18n-context';
import { createKioskApi } from './api';
import { App } from './App';
import { announceSessionEnd, connectExtension } from './extension-bridge';
import { readDeviceToken } from './device';
import { enrolFromAddress } from './enrol';
import { EnrolRefusedScreen } from './screens/EnrolRefusedScreen';
import { UnknownKioskScreen } from './screens/UnknownKioskScreen';
import { preloadScreens } from './screens/lazy-screens';
import { KioskStateContext } from './state/context';
import { createKioskState, LANGUAGE_KEY, readCachedSite } from './state/kiosk-state';
import { registerServiceWorker } from './sw-update';
import { pageHealth } from './io/heartbeat';
import '../web/base.css';
import './styles.css';

async function boot(): Promise<void> {
  const root = document.getElementById('app')!;
  const cachedLang = readCachedSite(localStorage)?.site.defaultLanguage;
  // The session ended on an official site (the extension's bar): what this tab kept of it goes.
  if (sessionEndedElsewhere(window.location.hash)) sessionStorage.clear();
  const goodbye = farewellLanguage(window.location.hash);
  // A session in progress keeps its language through a reload, a return from an official site or an app update.
  const sessionLang = sessionStorage.getItem(LANGUAGE_KEY);
  const loaders = import.meta.glob<{ default: Record<string, unknown> }>('../../locales/*/{common,kiosk,guides}.json');
  const startLang = goodbye ?? (isLanguage(sessionLang) ? sessionLang : isLanguage(cachedLang) ? cachedLang : 'fr');
  const [i18n] = await Promise.all([createI18n({ loaders, namespaces: ['common', 'kiosk', 'guides'], defaultNS: 'kiosk', language: startLang }), loadScriptFonts()]);
  const enrolled = await enrolFromAddress();
  if (enrolled === 'refused' || enrolled === 'unreachable') {
    render(
      <I18nProvider i18n={i18n} language={signal(i18n.language)}>
        <EnrolRefusedScreen reason={enrolled} />
      </I18nProvider>,
      root,
    );
    return;
  }
  const token = readDeviceToken();
  const updates = registerServiceWorker();
  if (!token) {
    render(
      <I18nProvider i18n={i18n} language={signal(i18n.language)}>
        <UnknownKioskScreen />
      </I18nProvider>,
      root,
    );
    return;
  }
  const requestHardReset = () => void fetch(`${LAUNCHER_CONTROL_URL}/reset`, { method: 'POST', mode: 'no-cors', keepalive: true }).catch(() => undefined);
  const state = createKioskState({ api: createKioskApi(token), i18n, guides: GUIDES, requestHardReset, health: pageHealth(), reload: () => updates.reloadNow(), ...(goodbye ? { goodbye } : {}), onSessionEnded: () => {
      announceSessionEnd();
      updates.applyUpdateIfWaiting(state.language.value);
    },
  });
  connectExtension(state, i18n, token);
  effect(() => {
    void state.language.value;
    document.title = i18n.t('kiosk:app.title');
  });
  render(
    <I18nProvider i18n={i18n} language={state.language}>
      <KioskStateContext.Provider value={state}>
        <App />
      </KioskStateContext.Provider>
    </I18nProvider>,
    root,
  );
  await state.start();
  // The other screens' chunks, once home is on screen: a usager's first tap then waits for nothing.
  const preload = () => void preloadScreens().catch(() => undefined);
  if ('requestIdleCallback' in window) window.requestIdleCallback(preload, { timeout: 2000 });
  else setTimeout(preload, 500);
}

void boot();
