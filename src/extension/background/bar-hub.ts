import type { KioskCommand } from '../../core/fleet/commands';
import { createHelpSession, type HelpSession, type HelpTransport } from '../../core/help/help-session';
import { HEARTBEAT_INTERVAL_MS } from '../../core/fleet/presence';
import { kioskHomeUrl, barStep } from '../../core/lockdown/bridge';
import { startEventStream, type EventStream } from '../../web/event-stream';
import { BAR_PORT, type BarRequest, type BarState, type BarUpdate } from '../messages';
import { kioskApi, requestHardReset } from './kiosk-api';
import { forgetSession, readState, updateState, type StoredState } from './session-store';
import { wipeBrowsingData } from './wipe';

/**
 * The bars on the official sites talk to this hub over ports. While a bar is open the hub follows
 * the kiosk's event stream, as the kiosk app does: help call updates and the console's remote
 * reset reach the usager on the official site too. The bar pings every 20 s, which also keeps this
 * worker awake while it is needed.
 */
export function startBarHub(): void {
  const ports = new Set<chrome.runtime.Port>();
  let stream: EventStream | null = null;
  // The kiosk page is gone while on an official site: the hub renews the kiosk's lease instead.
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let stopTimer: ReturnType<typeof setTimeout> | undefined;
  let ending = false;

  const broadcast = async (state?: StoredState): Promise<void> => {
    const s = state ?? (await readState());
    if (!s.context) return;
    const bar: BarState = { context: s.context, help: s.help, lastActivity: s.lastActivity, ending };
    const update: BarUpdate = { type: 'state', state: bar };
    for (const port of ports) port.postMessage(update);
  };

  // The same protocol as the kiosk page's (request id kept across retries, cancel), over this
  // worker's fetch and chrome.storage.session, so a fix lands on both sides at once.
  const withContext = async () => {
    const { context } = await readState();
    if (!context) throw new Error('no kiosk context yet');
    return kioskApi(context);
  };
  const transport: HelpTransport = {
    callHelp: async (requestId, helpContext) => (await withContext()).callHelp(requestId, helpContext),
    cancelHelp: async (id) => (await withContext()).cancelHelp(id),
  };
  const help: HelpSession = createHelpSession({
    transport,
    store: {
      read: async () => (await readState()).help,
      update: async (change) => (await updateState((s) => ({ ...s, help: change(s.help) }))).help,
    },
    newId: () => crypto.randomUUID(),
    now: () => Date.now(),
    onChange: () => void broadcast(),
  });

  const followStream = async (): Promise<void> => {
    clearTimeout(stopTimer);
    if (stream) return;
    const { context } = await readState();
    if (!context) return;
    const api = kioskApi(context);
    clearInterval(heartbeat);
    // The extension is built from the same package.json as the kiosk app: its version is the app's.
    // It cannot see the camera nor knows the page's start: the server keeps what the page said.
    heartbeat = setInterval(() => void api.heartbeat({ appVersion: chrome.runtime.getManifest().version }).catch(() => undefined), HEARTBEAT_INTERVAL_MS);
    stream = startEventStream({
      url: api.streamUrl,
      headers: { authorization: `Bearer ${context.kioskToken}` },
      onEvent: (type, data) => {
        if (type === 'help') void help.receive((data as { view: Parameters<HelpSession['receive']>[0] }).view);
        else if (type === 'command') void followCommand(api, (data as { command?: Partial<KioskCommand> }).command);
      },
      onState: (state) => {
        if (state === 'open') {
          void api.help().then((view) => help.receive(view), () => undefined);
          // A call that could not leave leaves now, with the same request id.
          void help.reconnected();
        }
      },
    });
  };

  const stopStreamSoon = () => {
    clearTimeout(stopTimer);
    // A click from page to page of the same site closes one bar and opens the next: wait a little.
    stopTimer = setTimeout(() => {
      if (ports.size > 0) return;
      stream?.stop();
      stream = null;
      clearInterval(heartbeat);
    }, 10_000);
  };

  async function sendHelp(): Promise<void> {
    const { context } = await readState();
    if (!context) return;
    const guide = context.guide;
    await help.call({
      screen: guide ? 'guide' : 'guides',
      language: context.language,
      accessibility: {},
      ...(guide ? { guideId: guide.id, step: barStep(guide) } : {}),
    });
  }

  async function moveStep(step: number): Promise<void> {
    const s = await updateState((st) => {
      const g = st.context?.guide;
      if (!st.context || !g) return;
      const next = Math.max(1, Math.min(step, g.steps.length));
      return { ...st, context: { ...st.context, guide: { ...g, step: next } }, guideStep: { id: g.id, step: next } };
    });
    await broadcast(s);
    const g = s.context?.guide;
    if (s.context && g) void kioskApi(s.context).reportState({ inSession: true, screen: 'guide', language: s.context.language, guide: { id: g.id, step: g.step } }).catch(() => undefined);
  }

  async function backToKiosk(tabId: number | undefined): Promise<void> {
    const { context } = await readState();
    if (context && tabId !== undefined) await chrome.tabs.update(tabId, { url: kioskHomeUrl(context) });
  }

  /** « Terminer », idle or the console's reset: tell Borne, wipe, ask the launcher, go home. */
  /**
   * A remote action of the console while the usager is on an official site. « Terminer la
   * session » and « Mettre hors service » both end the session here (wipe, hard reset); the
   * kiosk page then reads its state again and shows the out-of-service notice. « Recharger » is
   * left unacknowledged, so the kiosk page gets it when it is back, and applies it there.
   */
  async function followCommand(api: ReturnType<typeof kioskApi>, command: Partial<KioskCommand> | undefined): Promise<void> {
    if (!command?.id || (command.kind !== 'reset' && command.kind !== 'out_of_service')) return;
    await api.ackCommand(command.id, 'acknowledged').catch(() => undefined);
    await endSession(null, 'remote');
    await api.ackCommand(command.id, 'done').catch(() => undefined);
  }

  async function endSession(tabId: number | null, why: 'terminer' | 'idle' | 'remote'): Promise<void> {
    if (ending) return;
    ending = true;
    await broadcast();
    try {
      const before = await readState();
      const context = before.context;
      if (!context) return;
      // The remote reset already ended the session on the server.
      if (why !== 'remote') await kioskApi(context).endSession().catch(() => undefined);
      await wipeBrowsingData(before.borneOrigin).catch(() => undefined);
      await forgetSession();
      await requestHardReset();
      // Without a launcher (development), or while it restarts Chromium: the tab goes home.
      const tabs = tabId !== null ? [tabId] : (await chrome.tabs.query({})).flatMap((t) => (t.id === undefined ? [] : [t.id]));
      await Promise.all(tabs.map((id) => chrome.tabs.update(id, { url: kioskHomeUrl(context, { ended: true }) }).catch(() => undefined)));
    } finally {
      ending = false;
    }
  }

  chrome.runtime.onConnect.addListener((port) => {
    if (port.name !== BAR_PORT) return;
    ports.add(port);
    const tabId = port.sender?.tab?.id;
    void followStream();
    void broadcast();
    port.onDisconnect.addListener(() => {
      ports.delete(port);
      if (ports.size === 0) stopStreamSoon();
    });
    port.onMessage.addListener((message: BarRequest) => {
      switch (message.type) {
        case 'ping':
          return;
        case 'activity':
          void updateState((s) => ({ ...s, lastActivity: Date.now() }));
          return;
        case 'step':
          void moveStep(message.step);
          return;
        case 'help':
          void sendHelp();
          return;
        case 'cancel-help':
          void help.cancel();
          return;
        case 'back-to-kiosk':
          void backToKiosk(tabId);
          return;
        case 'end-session':
          void endSession(tabId ?? null, message.why);
          return;
      }
    });
  });
}
