import { signal, type ReadonlySignal } from '@preact/signals';
import type { i18n } from 'i18next';
import { LANGUAGES, type Language } from '../../core/i18n/languages';
import { speakableText, stepVolume, type Speakable, type SpeakableNamespace, type SpeechAudio, type SpeechManifest, type TextLookup } from '../../core/i18n/speakable';
import { voiceFor, type SpeechPlayer, type SpeechSegment } from '../io/speech';

export type ListenStatus = 'idle' | 'playing' | 'no-voice' | 'failed';

export interface SpeechApi {
  speechManifest?(): Promise<SpeechManifest>;
  speechAudio?(lang: Language, item: Speakable): Promise<SpeechAudio>;
}

export interface SpeechDeps {
  api: SpeechApi;
  i18n: i18n;
  language: ReadonlySignal<Language>;
  /** The pôle's volume (site setting speech.volume): every session starts there. */
  siteVolume: () => number;
  synth?: () => SpeechSynthesis | undefined;
  /** Changing the volume starts a session, so its end brings the volume back. */
  onUse?: () => void;
}

const NO_MANIFEST: SpeechManifest = { espeak: [], recordings: {} };

/**
 * « Écouter »: reads the current screen's main text (its keys, see core/i18n/kiosk-speakables.ts) in
 * the session's language. For each text, in this order: the pôle's recording of it, the
 * browser's voice for the language, the server's espeak-ng audio; a language with none of these
 * says so (status 'no-voice') and the kiosk offers « Appeler un médiateur ».
 */
export function createSpeechState(deps: SpeechDeps) {
  const synth = deps.synth ?? (() => globalThis.speechSynthesis);
  const status = signal<ListenStatus>('idle');
  const volume = signal(deps.siteVolume());
  /** « Écouter » was pressed in this session (a help call says so to the médiateur). */
  const used = signal(false);
  let manifest: SpeechManifest | null = null;
  let player: SpeechPlayer | null = null;

  const lookup: TextLookup = (lang: Language, ns: SpeakableNamespace, key: string) => {
    const value = deps.i18n.getResource(lang, ns, key) as unknown;
    return typeof value === 'string' ? value : undefined;
  };

  async function loadManifest(): Promise<SpeechManifest> {
    if (manifest) return manifest;
    const loaded = await deps.api.speechManifest?.().catch(() => null);
    // Offline: only the browser's voices speak; the next « Écouter » asks again.
    if (loaded) manifest = loaded;
    return loaded ?? NO_MANIFEST;
  }

  function browserVoice(lang: Language): SpeechSynthesisVoice | null {
    return voiceFor(LANGUAGES[lang].voice.speechLang, synth());
  }

  /** The segments of a reading; null for a text no voice can read in this session. */
  function plan(items: readonly Speakable[], lang: Language, m: SpeechManifest): (SpeechSegment | null)[] {
    const ownRecordings = m.recordings[lang] ?? {};
    const langHasVoice = browserVoice(lang) !== null || m.espeak.includes(lang);
    return items.map((item) => {
      const text = speakableText(lookup, lang, item);
      if (!text.ok) return null;
      // A French text standing in for a missing translation is read in French, as the screen
      // shows it; a language without any voice says so instead of switching to French.
      if (text.standIn && !langHasVoice && !ownRecordings[item.key]) return null;
      const recording = item.values ? undefined : m.recordings[text.lang]?.[item.key];
      if (recording) return { kind: 'audio', url: Promise.resolve(recording) };
      const voice = browserVoice(text.lang);
      if (voice) return { kind: 'synth', text: text.text, voice };
      if (m.espeak.includes(text.lang) && deps.api.speechAudio) {
        const url = deps.api.speechAudio(lang, item).then((a) => a.url);
        url.catch(() => undefined);
        return { kind: 'audio', url };
      }
      return null;
    });
  }

  let reading = 0;

  /** « Écouter »: reads the texts from the start (again, if it was reading). */
  async function listen(items: readonly Speakable[]): Promise<void> {
    const mine = (reading += 1);
    used.value = true;
    player?.stop();
    const lang = deps.language.value;
    const m = await loadManifest();
    if (mine !== reading) return;
    const segments = plan(items, lang, m).filter((s): s is SpeechSegment => s !== null);
    if (segments.length === 0 || !player) {
      status.value = 'no-voice';
      return;
    }
    status.value = 'playing';
    const outcome = await player.play(segments, volume.value);
    if (mine !== reading) return;
    status.value = outcome === 'failed' ? 'failed' : 'idle';
  }

  /** « Arrêter la lecture », and what a new screen, a new language or the session's end do. */
  function stop(): void {
    reading += 1;
    player?.stop();
    status.value = 'idle';
  }

  function changeVolume(direction: 1 | -1): void {
    deps.onUse?.();
    volume.value = stepVolume(volume.value, direction);
    player?.setVolume(volume.value);
  }

  return {
    status,
    volume,
    used,
    listen,
    stop,
    louder: () => changeVolume(1),
    quieter: () => changeVolume(-1),
    /** The ListenButton gives its <audio> element's player; null when it unmounts. */
    attach(next: SpeechPlayer | null): void {
      player?.stop();
      player = next;
    },
    /** At every session end: silence, the pôle's volume for the next person, and the recordings read again. */
    reset(): void {
      stop();
      used.value = false;
      manifest = null;
      volume.value = deps.siteVolume();
    },
    /** The server's voices or recordings may have changed (a site change, a reconnection). */
    forgetManifest(): void {
      manifest = null;
    },
  };
}

export type SpeechState = ReturnType<typeof createSpeechState>;
