import { EXTENSION_MESSAGE, KIOSK_MESSAGE, parseKioskContext, type ExtensionToKiosk } from '../../core/lockdown/bridge';
import type { RuntimeRequest, WhereAnswer } from '../messages';

/**
 * On the kiosk page: passes what the kiosk app says (its context, the end of a session) to the
 * background worker, and hands the app the guide step the bar moved to while it was away. Only
 * messages from this very window and origin count.
 */
export function relayKioskPage(answer: WhereAnswer): void {
  const toKiosk = (message: ExtensionToKiosk) => window.postMessage({ source: EXTENSION_MESSAGE, ...message }, location.origin);
  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (event.source !== window || event.origin !== location.origin) return;
    const data = event.data as { source?: unknown; type?: unknown; context?: unknown } | null;
    if (data?.source !== KIOSK_MESSAGE) return;
    let request: RuntimeRequest | null = null;
    if (data.type === 'context') {
      const context = parseKioskContext(data.context);
      if (context) request = { type: 'kiosk-context', context };
    } else if (data.type === 'session-ended') request = { type: 'kiosk-session-ended' };
    if (request) void chrome.runtime.sendMessage(request).catch(() => undefined);
  });
  if (answer.guideStep) toKiosk({ type: 'guide-step', ...answer.guideStep });
  // The app may have spoken before this script arrived: ask it to speak again.
  toKiosk({ type: 'hello' });
}
