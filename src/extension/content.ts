import type { RuntimeRequest, WhereAnswer } from './messages';
import { mountBar } from './content/mount-bar';
import { relayKioskPage } from './content/kiosk-relay';

/**
 * Runs in every page of the kiosk's single tab. On Borne's kiosk page it relays; on an official
 * site during a session it draws the bar; anywhere else it does nothing.
 */
async function main(): Promise<void> {
  // Injected into a page open before the install, it may also arrive by the manifest: run once.
  const marked = globalThis as { borneContent?: boolean };
  if (marked.borneContent) return;
  marked.borneContent = true;
  const where: RuntimeRequest = { type: 'where' };
  const answer = (await chrome.runtime.sendMessage(where).catch(() => null)) as WhereAnswer | null;
  if (!answer) return;
  if (answer.role === 'kiosk') relayKioskPage(answer);
  else if (answer.role === 'bar' && window.top === window) await mountBar();
}

void main();
