import type { BookingConfirmation, MotifView, NotifyChannel, WeekSlotsView } from '../core/agenda/booking';
import type { DossierView } from '../core/dossier/dossier';
import type { HeartbeatBody } from '../core/fleet/heartbeat';
import type { HelpContext, KioskHelpView, KioskScreen } from '../core/help/help-call';
import type { Language } from '../core/i18n/languages';
import { kioskHelpTransport } from '../core/help/help-session';
import type { KioskCommand } from '../core/fleet/commands';
import type { KioskSiteView } from '../core/site/site-config';
import type { Speakable, SpeechAudio, SpeechManifest } from '../core/i18n/speakable';
import { apiRequest } from '../web/api-client';
import { startEventStream, type EventStream, type StreamState } from '../web/event-stream';

export interface KioskApi {
  me(): Promise<KioskSiteView>;
  callHelp(requestId: string, context: HelpContext): Promise<KioskHelpView>;
  cancelHelp(callId: string): Promise<KioskHelpView>;
  reportState(state: { inSession: boolean; screen: KioskScreen; language: Language; guide: { id: string; step: number } | null }): Promise<void>;
  endSession(): Promise<void>;
  /** Renews the kiosk's presence lease (src/kiosk/io/heartbeat.ts sends it every 15 s). */
  heartbeat(details?: HeartbeatBody): Promise<void>;
  identify(dossierNumber: string, birthDate: string): Promise<{ token: string; expiresAt: string }>;
  identifyByCode(code: string): Promise<{ token: string; expiresAt: string }>;
  dossier(usagerToken: string): Promise<DossierView>;
  motifs(): Promise<MotifView[]>;
  slots(motifId: string, week: string | null, usagerToken: string | null): Promise<WeekSlotsView>;
  book(body: { motifId: string; referentId: string; start: string; contact?: { name: string; phone: string }; language: Language }, usagerToken: string | null): Promise<BookingConfirmation>;
  move(appointmentId: string, body: { referentId: string; start: string; language: Language }, holder: BookingHolder): Promise<BookingConfirmation>;
  cancel(appointmentId: string, holder: BookingHolder): Promise<void>;
  guideProgress(guideId: string, event: 'opened' | 'completed'): Promise<void>;
  findBooking(reference: string, phone: string): Promise<{ access: string; appointment: DossierView['appointments'][number] }>;
  notify(appointmentId: string, body: { channel: NotifyChannel; to: string; receipt: string; language: Language }): Promise<void>;
  stream(handlers: { onHelp: (view: KioskHelpView) => void; onState: (state: StreamState) => void; onRefused: () => void; onCommand: (command: KioskCommand) => void; onAgenda: () => void; onSite?: () => void }): EventStream;
  /** The kiosk received (acknowledged) or applied (done) a remote action of the console. */
  ackCommand(id: string, status: 'acknowledged' | 'done'): Promise<void>;
  /** « Écouter »: the server's espeak-ng languages and the pôle's recordings. */
  speechManifest?(): Promise<SpeechManifest>;
  /** « Écouter »: where the audio of one text is (by key and language, never a text). */
  speechAudio?(lang: Language, item: Speakable): Promise<SpeechAudio>;
}

/** Who may change a booking: the usager session of a dossier, or the access found with a ticket reference. */
export interface BookingHolder {
  usager: string | null;
  access: string | null;
}

export function createKioskApi(token: string, base = '/api/kiosk'): KioskApi {
  const headers = { authorization: `Bearer ${token}` };
  // The help calls go through the one protocol module shared with the extension (src/core/help/help-session.ts).
  const help = kioskHelpTransport((path, init) => apiRequest(`${base}/${path}`, { method: init.method, headers, ...(init.body === undefined ? {} : { body: init.body }) }));
  return {
    me: () => apiRequest(`${base}/me`, { headers }),
    callHelp: help.callHelp,
    cancelHelp: help.cancelHelp,
    reportState: (state) => apiRequest(`${base}/state`, { method: 'PUT', headers, body: state }),
    endSession: () => apiRequest(`${base}/session/end`, { method: 'POST', headers }),
    heartbeat: (details) => apiRequest(`${base}/heartbeat`, { method: 'POST', headers, ...(details ? { body: details } : {}) }),
    identify: (dossierNumber, birthDate) => apiRequest(`${base}/identify`, { method: 'POST', headers, body: { dossierNumber, birthDate } }),
    identifyByCode: (code) => apiRequest(`${base}/identify/code`, { method: 'POST', headers, body: { code } }),
    // The usager token travels in a header, never in a URL that history or logs could keep.
    dossier: (usagerToken) => apiRequest(`${base}/dossier`, { headers: { ...headers, 'x-usager-session': usagerToken } }),
    motifs: () => apiRequest(`${base}/agenda/motifs`, { headers }),
    slots: (motifId, week, usagerToken) =>
      apiRequest(`${base}/agenda/slots?${new URLSearchParams({ motifId, ...(week ? { week } : {}) }).toString()}`, { headers: withUsager(headers, usagerToken) }),
    book: (body, usagerToken) => apiRequest(`${base}/appointments`, { method: 'POST', headers: withUsager(headers, usagerToken), body }),
    move: (id, body, holder) => apiRequest(`${base}/appointments/${encodeURIComponent(id)}/move`, { method: 'POST', headers: withHolder(headers, holder), body }),
    cancel: (id, holder) => apiRequest(`${base}/appointments/${encodeURIComponent(id)}/cancel`, { method: 'POST', headers: withHolder(headers, holder) }),
    guideProgress: (guideId, event) => apiRequest(`${base}/guides/${encodeURIComponent(guideId)}/progress`, { method: 'POST', headers, body: { event } }),
    findBooking: (reference, phone) => apiRequest(`${base}/appointments/find`, { method: 'POST', headers, body: { reference, phone } }),
    notify: (id, body) => apiRequest(`${base}/appointments/${encodeURIComponent(id)}/notify`, { method: 'POST', headers, body }),
    ackCommand: (id, status) => apiRequest(`${base}/commands/${encodeURIComponent(id)}/ack`, { method: 'POST', headers, body: { status } }),
    speechManifest: () => apiRequest(`${base}/speech/manifest`, { headers }),
    speechAudio: (lang, item) => {
      const counts = Object.entries(item.values ?? {}).map(([k, v]) => [k, String(v)]);
      return apiRequest(`${base}/speech?${new URLSearchParams([['lang', lang], ['key', item.key], ...counts]).toString()}`, { headers });
    },
    stream: ({ onHelp, onState, onRefused, onCommand, onAgenda, onSite }) =>
      startEventStream({
        url: `${base}/stream`,
        headers,
        onEvent: (type, data) => {
          if (type === 'help') onHelp((data as { view: KioskHelpView }).view);
          // A remote action of the console (src/kiosk/state/commands.ts): reset, reload, out of / back in service.
          else if (type === 'command') onCommand((data as { command: KioskCommand }).command);
          else if (type === 'agenda') onAgenda();
          // The pôle's settings changed: the kiosk reads its site view again (texts, hours, timings).
          else if (type === 'site') onSite?.();
        },
        onState,
        onRefused,
      }),
  };
}

/** The usager session travels in a header, never in the URL. */
function withUsager(headers: Record<string, string>, usagerToken: string | null): Record<string, string> {
  return usagerToken ? { ...headers, 'x-usager-session': usagerToken } : headers;
}

function withHolder(headers: Record<string, string>, holder: BookingHolder): Record<string, string> {
  const out = withUsager(headers, holder.usager);
  return holder.access ? { ...out, 'x-booking-access': holder.access } : out;
}
