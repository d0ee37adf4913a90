import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Language } from '../../core/i18n/languages';
import { encodeOpus, synthesizeWav, wavDurationMs } from './espeak';

export type AudioFormat = 'opus' | 'wav';
export const FORMAT_EXTENSION: Record<AudioFormat, string> = { opus: 'ogg', wav: 'wav' };
export const CONTENT_TYPE: Record<string, string> = { ogg: 'audio/ogg', opus: 'audio/ogg', wav: 'audio/wav', mp3: 'audio/mpeg' };

export interface CachedAudio {
  lang: Language;
  /** `<hash>.<ext>`: the file's name in the cache and in its URL. */
  file: string;
  durationMs: number;
}

/** The file name of a text's audio: a hash of everything that makes the sound, so a change of any gives a new URL. */
export function cacheName(voice: string, wordsPerMinute: number, format: AudioFormat, text: string): string {
  const hash = createHash('sha256').update(JSON.stringify([voice, wordsPerMinute, format, text])).digest('hex').slice(0, 32);
  return `${hash}.${FORMAT_EXTENSION[format]}`;
}

export const CACHE_FILE = /^[0-9a-f]{32}\.(ogg|wav)$/;

/**
 * espeak-ng audio on disk, in <dir>/<lang>/<hash>.<ext>, with <hash>.json holding its duration.
 * Made once per (voice, rate, format, text); two requests for the same text wait for the same
 * synthesis; at most `concurrency` espeak-ng processes run at once (the server has few cores).
 * Files are written under a temporary name and renamed, so a reader never sees half a file.
 */
export class SpeechCache {
  private readonly inFlight = new Map<string, Promise<CachedAudio>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** How many texts were synthesized (a hit makes none); tests and the bench read it. */
  synthesized = 0;

  constructor(
    readonly dir: string,
    private readonly options: { format: AudioFormat; wordsPerMinute: number; concurrency?: number; espeak?: string; opusenc?: string },
  ) {}

  get format(): AudioFormat {
    return this.options.format;
  }

  async get(lang: Language, voice: string, text: string): Promise<CachedAudio> {
    const file = cacheName(voice, this.options.wordsPerMinute, this.options.format, text);
    const id = `${lang}/${file}`;
    const known = await this.read(lang, file);
    if (known) return known;
    let pending = this.inFlight.get(id);
    if (!pending) {
      pending = this.make(lang, voice, text, file).finally(() => this.inFlight.delete(id));
      this.inFlight.set(id, pending);
    }
    return pending;
  }

  /** The cached audio of a file name, or null (the audio route serves only what exists). */
  async read(lang: Language, file: string): Promise<CachedAudio | null> {
    if (!CACHE_FILE.test(file)) return null;
    try {
      const meta = JSON.parse(await readFile(join(this.dir, lang, `${file.split('.')[0]}.json`), 'utf8')) as { durationMs: number };
      await stat(join(this.dir, lang, file));
      return { lang, file, durationMs: meta.durationMs };
    } catch {
      return null;
    }
  }

  path(lang: Language, file: string): string {
    return join(this.dir, lang, file);
  }

  /** Bytes on disk, every language (the bench's figure). */
  async size(): Promise<{ bytes: number; files: number }> {
    let bytes = 0;
    let files = 0;
    for (const lang of await readdir(this.dir).catch(() => [] as string[])) {
      for (const name of await readdir(join(this.dir, lang)).catch(() => [] as string[])) {
        if (!CACHE_FILE.test(name)) continue;
        bytes += (await stat(join(this.dir, lang, name))).size;
        files += 1;
      }
    }
    return { bytes, files };
  }

  private async make(lang: Language, voice: string, text: string, file: string): Promise<CachedAudio> {
    await this.acquire();
    const folder = join(this.dir, lang);
    const tmp = join(folder, `.${randomUUID()}`);
    try {
      await mkdir(folder, { recursive: true });
      await synthesizeWav(text, voice, this.options.wordsPerMinute, `${tmp}.wav`, this.options.espeak);
      const durationMs = wavDurationMs(await readFile(`${tmp}.wav`));
      if (this.options.format === 'opus') await encodeOpus(`${tmp}.wav`, `${tmp}.ogg`, this.options.opusenc);
      await rename(`${tmp}.${FORMAT_EXTENSION[this.options.format]}`, join(folder, file));
      // The duration last: an entry counts as cached once its .json exists.
      await writeFile(`${tmp}.json`, JSON.stringify({ durationMs }));
      await rename(`${tmp}.json`, join(folder, `${file.split('.')[0]}.json`));
      this.synthesized += 1;
      return { lang, file, durationMs };
    } finally {
      await rm(`${tmp}.wav`, { force: true });
      await rm(`${tmp}.ogg`, { force: true });
      await rm(`${tmp}.json`, { force: true });
      this.release();
    }
  }

  private async acquire(): Promise<void> {
    if (this.running < (this.options.concurrency ?? 2)) {
      this.running += 1;
      return;
    }
    // release() hands its slot straight to the next waiter.
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running -= 1;
  }
}
