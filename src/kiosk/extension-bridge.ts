import { effect } from '@preact/signals';
import type { i18n } from 'i18next';
import { pickLocalized } from '../core/i18n/languages';
import { EXTENSION_MESSAGE, KIOSK_MESSAGE, type BridgeGuide, type ExtensionToKiosk, type KioskContext, type KioskToExtension } from '../core/lockdown/bridge';
import { guideText } from '../web/guides';
import type { KioskState } from './state/kiosk-state';

const ALWAYS_OPEN: KioskContext['openingHours'] = Object.fromEntries((['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((d) => [d, [['00:00', '23:59']]])) as KioskContext['openingHours'];

/**
 * Talks to Borne's companion extension when the kiosk runs with it (ARCHITECTURE.md, lockdown):
 * tells it who this kiosk is, the language and the guide step, so its bar on the official sites
 * shows the same step and calls for help as this kiosk; and takes back the step the usager reached
 * with the bar. Messages stay in this window and origin; without the extension nobody hears them.
 */
export function connectExtension(state: KioskState, i18n: i18n, kioskToken: string): () => void {
  const post = (message: KioskToExtension) => window.postMessage({ source: KIOSK_MESSAGE, ...message }, location.origin);

  const currentGuide = (): BridgeGuide | null => {
    const current = state.guide.current.value;
    const guide = state.guide.guide.value;
    if (!current || !guide) return null;
    const lang = state.language.value;
    const text = (path: string) => guideText(i18n, lang, guide.id, path)?.text ?? '';
    return {
      id: guide.id,
      step: current.step,
      organism: i18n.t(`kiosk:guides.organism.${guide.organism}`),
      title: text('title'),
      steps: guide.steps.map((s) => text(`steps.${s.id}`)),
    };
  };

  const context = (): KioskContext | null => {
    const site = state.site.value;
    if (!site) return null;
    return {
      kioskToken,
      kioskUrl: new URL('/kiosk/', location.href).toString(),
      language: state.language.value,
      inSession: state.inSession.value,
      idle: { warningAfterSeconds: site.idle.warningAfterSeconds, answerSeconds: site.idle.answerSeconds, claimedPauseMinutes: site.help.claimedPauseMinutes ?? 10 },
      fallback: pickLocalized(site.help.fallback, state.language.value).text,
      // A site view cached by an older version has no hours: an always-open week keeps the fallback text.
      openingHours: site.openingHours ?? ALWAYS_OPEN,
      closedDays: site.closedDays ?? [],
      guide: currentGuide(),
    };
  };

  const sendContext = () => {
    const c = context();
    if (c) post({ type: 'context', context: c });
  };

  const stopEffect = effect(() => {
    // Read every signal the context depends on, so any change sends it again.
    void [state.site.value, state.language.value, state.inSession.value, state.guide.current.value];
    sendContext();
  });

  const onMessage = (event: MessageEvent<unknown>) => {
    if (event.source !== window || event.origin !== location.origin) return;
    const data = event.data as ({ source?: unknown } & Partial<ExtensionToKiosk>) | null;
    if (data?.source !== EXTENSION_MESSAGE) return;
    if (data.type === 'hello') sendContext();
    else if (data.type === 'guide-step' && typeof data.step === 'number' && state.guide.current.value?.id === data.id) state.guide.go(data.step);
  };
  window.addEventListener('message', onMessage);

  return () => {
    stopEffect();
    window.removeEventListener('message', onMessage);
  };
}

/** Tells the extension the session is over: it wipes every other origin's data at once. */
export function announceSessionEnd(): void {
  window.postMessage({ source: KIOSK_MESSAGE, type: 'session-ended' } satisfies { source: string } & KioskToExtension, location.origin);
}
