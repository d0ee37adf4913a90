import { render } from 'preact';
import { isLanguage } from '../../core/i18n/languages';
import { useBundledFonts } from '../fonts';
import { extensionI18n } from '../i18n';
import { BAR_PORT, type BarRequest, type BarState, type BarUpdate } from '../messages';
import { Bar } from './Bar';
import css from './bar.css?inline';
import { watchIdle } from './idle-watch';

/**
 * Puts Borne's bar on an official site's page, in a closed shadow root, and keeps a port open to
 * the background worker for as long as the page lives. The page gets room at its end, so the bar
 * never hides the site's last buttons.
 */
export async function mountBar(): Promise<void> {
  const host = document.createElement('borne-bar');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = css;
  root.append(style);
  const container = document.createElement('div');
  root.append(container);
  const spacer = document.createElement('div');
  spacer.setAttribute('aria-hidden', 'true');

  const port = chrome.runtime.connect({ name: BAR_PORT });
  const send = (request: BarRequest) => port.postMessage(request);
  const ping = setInterval(() => send({ type: 'ping' }), 20_000);

  let state: BarState | null = null;
  let idleSecondsLeft: number | null = null;
  let idle: ReturnType<typeof watchIdle> | null = null;
  const i18n = await extensionI18n('fr');

  const draw = () => {
    if (!state) return;
    render(
      <Bar
        state={state}
        i18n={i18n}
        idleSecondsLeft={idleSecondsLeft}
        send={(request) => {
          if (request.type === 'activity') idle?.touch();
          send(request);
        }}
      />,
      container,
    );
    spacer.style.blockSize = `${(container.firstElementChild as HTMLElement | null)?.offsetHeight ?? 0}px`;
  };

  port.onMessage.addListener((update: BarUpdate) => {
    if (update.type !== 'state') return;
    const first = state === null;
    state = update.state;
    const lang = isLanguage(state.context.language) ? state.context.language : 'fr';
    // The language's script font is registered on the document and loaded before the bar draws.
    void Promise.all([i18n.language === lang ? Promise.resolve() : i18n.changeLanguage(lang), useBundledFonts(lang)]).then(draw);
    if (first) {
      document.documentElement.append(host);
      document.body?.append(spacer);
      idle = watchIdle({
        settings: state.context.idle,
        lastActivity: state.lastActivity,
        help: () => state!.help,
        onActivity: () => send({ type: 'activity' }),
        onWarning: (left) => {
          if (left === idleSecondsLeft) return;
          idleSecondsLeft = left;
          draw();
        },
        onExpired: () => send({ type: 'end-session', why: 'idle' }),
      });
      // Being on the page is being active: the usager just came here.
      idle.touch();
    }
  });
  port.onDisconnect.addListener(() => {
    clearInterval(ping);
    idle?.stop();
  });
}
