import { render } from 'preact';
import { LANGUAGE_INFO } from '../core/i18n/languages';
import { kioskHomeUrl } from '../core/lockdown/bridge';
import { readState } from './background/session-store';
import { useBundledFonts } from './fonts';
import { extensionI18n } from './i18n';

/**
 * Borne's page for an address the kiosk does not open, instead of the browser's error: calm words
 * in the usager's language and two ways out.
 */
async function main(): Promise<void> {
  const { context } = await readState();
  const language = context?.language ?? 'fr';
  const [i18n] = await Promise.all([extensionI18n(language), useBundledFonts(language)]);
  const t = i18n.t.bind(i18n);
  document.documentElement.lang = language;
  document.documentElement.dir = LANGUAGE_INFO[language].dir;
  document.documentElement.dataset.script = LANGUAGE_INFO[language].script;
  document.title = t('blocked.title');
  render(
    <>
      <h1>{t('blocked.title')}</h1>
      <p>{t('blocked.explain')}</p>
      <div class="actions">
        <button type="button" onClick={() => history.back()}>
          {t('blocked.back')}
        </button>
        {context ? (
          <button type="button" class="primary" onClick={() => location.assign(kioskHomeUrl(context))}>
            {t('blocked.home')}
          </button>
        ) : null}
      </div>
    </>,
    document.getElementById('app')!,
  );
}

void main();
