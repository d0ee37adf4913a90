import { LANGUAGES, SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/languages';
import { ESPEAK_WORDS_PER_MINUTE, speakableText, type Speakable, type SpeechAudio, type SpeechManifest, type TextLookup } from '../../core/i18n/speakable';
import { apiError } from '../errors';
import { hasVoice, installedVoices, programAvailable } from './espeak';
import { loadLocaleTexts } from './locale-texts';
import { Recordings, type Recording } from './recordings';
import { SpeechCache, type AudioFormat, type CachedAudio } from './speech-cache';

export interface SpeechOptions {
  /** locales/ (the texts read aloud). */
  localesDir?: string;
  /** AUDIO_DIR: the pôle's recordings, <lang>/<key>.ogg|mp3|wav. */
  audioDir?: string;
  /** SPEECH_CACHE_DIR: espeak-ng audio made so far. */
  cacheDir?: string;
  /** opus (Ogg Opus, when opusenc is installed) or wav; default: opus if opus-tools is there. */
  format?: AudioFormat;
  espeak?: string;
  opusenc?: string;
  log?: { info(obj: object, msg: string): void; warn(msg: string): void };
}

export const SPEECH_DEFAULTS = { localesDir: 'locales', audioDir: 'audio', cacheDir: 'data/speech-cache' } as const;

/**
 * « Écouter » on the server: the texts of locales/ read by espeak-ng when the kiosk's browser
 * has no voice, and the pôle's recordings. Which espeak-ng voices exist is checked at start
 * (`espeak-ng --voices`), against the voice each language of the table asks for.
 */
export class SpeechService {
  readonly texts: TextLookup;
  readonly recordings: Recordings;
  private cache: SpeechCache | null = null;
  private voices: Partial<Record<Language, string>> = {};
  private started: Promise<void> | null = null;

  constructor(private readonly options: SpeechOptions = {}) {
    this.texts = loadLocaleTexts(options.localesDir ?? SPEECH_DEFAULTS.localesDir);
    this.recordings = new Recordings(options.audioDir ?? SPEECH_DEFAULTS.audioDir, this.texts, (m) => options.log?.warn(m));
  }

  /** Checks espeak-ng and its voices once; later calls wait for the same check. */
  start(): Promise<void> {
    this.started ??= (async () => {
      const installed = await installedVoices(this.options.espeak);
      this.voices = {};
      for (const lang of SUPPORTED_LANGUAGES) {
        const voice = LANGUAGES[lang].voice.espeakVoice;
        if (installed && voice && hasVoice(installed, voice)) this.voices[lang] = voice;
      }
      const format = this.options.format ?? ((await programAvailable(this.options.opusenc ?? 'opusenc', ['--version'])) ? 'opus' : 'wav');
      this.cache = new SpeechCache(this.options.cacheDir ?? SPEECH_DEFAULTS.cacheDir, { format, wordsPerMinute: ESPEAK_WORDS_PER_MINUTE, ...(this.options.espeak ? { espeak: this.options.espeak } : {}), ...(this.options.opusenc ? { opusenc: this.options.opusenc } : {}) });
      const without = SUPPORTED_LANGUAGES.filter((l) => !this.voices[l]);
      this.options.log?.info({ espeak: installed !== null, voices: Object.keys(this.voices), withoutVoice: without, format }, installed ? 'speech: espeak-ng voices checked' : 'speech: espeak-ng is not installed (apt-get install espeak-ng): only recordings and the browsers\' voices speak');
    })();
    return this.started;
  }

  async espeakLanguages(): Promise<Language[]> {
    await this.start();
    return SUPPORTED_LANGUAGES.filter((l) => this.voices[l]);
  }

  async speechCache(): Promise<SpeechCache> {
    await this.start();
    return this.cache!;
  }

  async manifest(): Promise<SpeechManifest> {
    const recordings: Partial<Record<Language, Record<string, string>>> = {};
    for (const r of await this.recordings.scan()) (recordings[r.lang] ??= {})[r.key] = recordingUrl(r);
    return { espeak: await this.espeakLanguages(), recordings };
  }

  /**
   * Where the audio of one speakable is: the pôle's recording if there is one, else espeak-ng's
   * (made now, or from the cache). A French text standing in for a missing translation is read
   * in French, as the screen shows it, but only for a language that has a voice at all.
   */
  async audio(lang: Language, item: Speakable): Promise<SpeechAudio> {
    const text = speakableText(this.texts, lang, item);
    if (!text.ok) {
      const code = text.reason === 'unknown_key' ? 'speech_key_unknown' : text.reason === 'personal_placeholder' ? 'speech_not_speakable' : 'validation';
      throw code === 'validation' ? apiError('validation', [{ path: 'key', message: text.detail }]) : apiError(code, undefined, `${text.detail}.`);
    }
    await this.start();
    const noVoice = text.standIn && !this.voices[lang];
    if (!noVoice && (!item.values || Object.keys(item.values).length === 0)) {
      const recording = await this.recordings.find(text.lang, item.key);
      if (recording) return { url: recordingUrl(recording), source: 'recording', lang: text.lang, durationMs: null };
    }
    const voice = this.voices[text.lang];
    if (!voice || noVoice) {
      throw apiError('speech_no_voice', undefined, `There is no voice for ${LANGUAGES[lang].frenchName} (${lang}) on this server: record the text (AUDIO_DIR/${lang}/…), or install an espeak-ng that has the voice "${LANGUAGES[lang].voice.espeakVoice ?? '—'}".`);
    }
    const cached = await this.cache!.get(text.lang, voice, text.text).catch((error: unknown) => {
      this.options.log?.warn(`speech: espeak-ng failed for ${text.lang} "${item.key}": ${(error as Error).message}`);
      throw apiError('speech_unavailable');
    });
    return { url: cachedUrl(cached), source: 'espeak', lang: text.lang, durationMs: cached.durationMs };
  }

  async cachedFile(lang: Language, file: string): Promise<{ path: string } | null> {
    const cache = await this.speechCache();
    const found = await cache.read(lang, file);
    return found ? { path: cache.path(lang, file) } : null;
  }

  async recordingFile(lang: string, file: string): Promise<Recording | undefined> {
    return this.recordings.byUrl(lang, file);
  }
}

export const SPEECH_AUDIO_PREFIX = '/api/kiosk/speech/audio';
export const SPEECH_RECORDING_PREFIX = '/api/kiosk/speech/recordings';

function cachedUrl(a: CachedAudio): string {
  return `${SPEECH_AUDIO_PREFIX}/${a.lang}/${a.file}`;
}

function recordingUrl(r: Recording): string {
  return `${SPEECH_RECORDING_PREFIX}/${r.lang}/${r.file}`;
}
