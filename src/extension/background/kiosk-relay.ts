import { kioskHomeUrl } from '../../core/lockdown/bridge';
import type { RuntimeRequest, WhereAnswer } from '../messages';
import { forgetSession, readState, updateState } from './session-store';
import { wipeBrowsingData } from './wipe';

/**
 * Listens to the content scripts: the kiosk page hands over its context (who the kiosk is, the
 * language, the guide in progress) and says when its session ends; any page asks what it is.
 */
export function startKioskRelay(): void {
  chrome.runtime.onMessage.addListener((message: RuntimeRequest, sender, reply: (answer: WhereAnswer | null) => void) => {
    const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : null);
    if (!origin || sender.id !== chrome.runtime.id) return false;
    void handle(message, origin, sender.tab?.id).then(reply, () => reply(null));
    return true;
  });
}

async function handle(message: RuntimeRequest, origin: string, tabId: number | undefined): Promise<WhereAnswer | null> {
  const state = await readState();
  const isBorne = state.borneOrigin === origin;
  switch (message.type) {
    case 'where': {
      if (isBorne) {
        // The kiosk page takes the step the bar moved to, once.
        const guideStep = state.guideStep;
        if (guideStep) await updateState((s) => ({ ...s, guideStep: null }));
        return { role: 'kiosk', guideStep };
      }
      return { role: state.context?.inSession ? 'bar' : state.borneOrigin ? 'none' : 'kiosk', guideStep: null };
    }
    case 'kiosk-context': {
      // Only the first kiosk page to speak is Borne; an official site cannot take its place.
      if (state.borneOrigin && !isBorne) return null;
      if (new URL(message.context.kioskUrl).origin !== origin) return null;
      await updateState((s) => ({
        ...s,
        borneOrigin: origin,
        context: message.context,
        // Entering a session on the kiosk counts as activity for the idle watch on official sites.
        lastActivity: Date.now(),
      }));
      return null;
    }
    case 'kiosk-session-ended': {
      if (!isBorne) return null;
      await wipeBrowsingData(origin).catch(() => undefined);
      const context = await forgetSession();
      // The wipe took the kiosk's own storage too (its device token): reload it from the address
      // that enrols it again. With a launcher, Chromium is being replaced anyway.
      if (context && tabId !== undefined) await chrome.tabs.update(tabId, { url: kioskHomeUrl(context, { ended: true }) }).catch(() => undefined);
      return null;
    }
  }
}
