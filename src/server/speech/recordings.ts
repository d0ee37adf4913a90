import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isLanguage, SUPPORTED_LANGUAGES, type Language } from '../../core/i18n/languages';
import { SPEAKABLE_NAMESPACES, speakableText, type TextLookup } from '../../core/i18n/speakable';

export const RECORDING_EXTENSIONS = ['ogg', 'mp3', 'wav'] as const;
export const RECORDING_FILE = /^[0-9a-f]{24}\.(ogg|mp3|wav)$/;

export interface Recording {
  lang: Language;
  /** The speakable key: `home.title` (kiosk namespace) or `guides:caf-rsa.steps.demande`. */
  key: string;
  path: string;
  /** `<content hash>.<ext>`: its immutable URL's last part. */
  file: string;
}

/** Where a recording sits under AUDIO_DIR/<lang>/ → its key, or null if the path is not one. */
export function keyOfRecording(pathInLang: string): { key: string; ext: string } | null {
  const parts = pathInLang.split(sep).join('/').split('/');
  const name = parts.pop()!;
  const match = /^(.+)\.(ogg|mp3|wav)$/i.exec(name);
  if (!match) return null;
  if (parts.length > 1) return null;
  const ns = parts[0];
  if (ns !== undefined && !(SPEAKABLE_NAMESPACES as readonly string[]).includes(ns)) return null;
  return { key: ns && ns !== 'kiosk' ? `${ns}:${match[1]}` : match[1]!, ext: match[2]!.toLowerCase() };
}

/**
 * The pôle's recordings: AUDIO_DIR/<lang>/<key>.ogg|mp3|wav for kiosk texts,
 * AUDIO_DIR/<lang>/guides/<key>.ogg for guide texts. Read again when asked (a pôle adds files
 * without a restart); a file's content hash is kept while its size and time stay the same.
 * A file whose key is not a text without placeholders is left out, and said once in the log.
 */
export class Recordings {
  private readonly hashes = new Map<string, { stamp: string; hash: string }>();
  private byFile = new Map<string, Recording>();
  private readonly warned = new Set<string>();

  constructor(
    readonly dir: string,
    private readonly texts: TextLookup,
    private readonly warn: (message: string) => void,
  ) {}

  async scan(): Promise<Recording[]> {
    const found: Recording[] = [];
    for (const lang of SUPPORTED_LANGUAGES) {
      const root = join(this.dir, lang);
      for (const path of await walk(root, 2)) {
        const named = keyOfRecording(relative(root, path));
        if (!named) continue;
        const text = speakableText(this.texts, lang, { key: named.key });
        // A recording reads one fixed text: a key with counts, or none at all, has none.
        if (!text.ok || text.lang !== lang) {
          if (!this.warned.has(path)) this.warn(`speech: ${path} is not used: ${text.ok ? `there is no ${lang} text for "${named.key}"` : text.detail}`);
          this.warned.add(path);
          continue;
        }
        const info = await stat(path);
        const stamp = `${info.size}:${info.mtimeMs}`;
        let known = this.hashes.get(path);
        if (known?.stamp !== stamp) {
          known = { stamp, hash: createHash('sha256').update(await readFile(path)).digest('hex').slice(0, 24) };
          this.hashes.set(path, known);
        }
        found.push({ lang, key: named.key, path, file: `${known.hash}.${named.ext}` });
      }
    }
    this.byFile = new Map(found.map((r) => [`${r.lang}/${r.file}`, r]));
    return found;
  }

  /** The recording of a language's key, if the pôle put one. */
  async find(lang: Language, key: string): Promise<Recording | undefined> {
    return (await this.scan()).find((r) => r.lang === lang && r.key === key);
  }

  /** The recording behind an immutable URL; scans again once if it is not known (a restart, a new file). */
  async byUrl(lang: string, file: string): Promise<Recording | undefined> {
    if (!isLanguage(lang) || !RECORDING_FILE.test(file)) return undefined;
    return this.byFile.get(`${lang}/${file}`) ?? (await this.scan(), this.byFile.get(`${lang}/${file}`));
  }
}

async function walk(dir: string, depth: number): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory() && depth > 1) out.push(...(await walk(path, depth - 1)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
