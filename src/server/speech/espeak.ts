import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The Debian packages the server's voice needs; named in every message about a missing program. */
export const ESPEAK_PACKAGE = 'espeak-ng';
export const OPUS_PACKAGE = 'opus-tools';

export class MissingProgramError extends Error {}

/** One line of `espeak-ng --voices`: its language code and its file (e.g. `fr-fr`, `roa/fr`). */
export interface InstalledVoice {
  language: string;
  file: string;
}

/**
 * Parses `espeak-ng --voices` (columns: Pty, Language, Age/Gender, VoiceName, File, Other).
 * Debian 12's espeak-ng 1.51 lists fr-fr (file roa/fr), en-gb, ar, uk, fa, ru; no ps, no ti.
 */
export function parseVoices(output: string): InstalledVoice[] {
  return output
    .split('\n')
    .slice(1)
    .map((line) => line.trim().split(/\s+/))
    .filter((cols) => cols.length >= 5)
    .map((cols) => ({ language: cols[1]!.toLowerCase(), file: cols[4]!.toLowerCase() }));
}

/** Whether a voice name of the language table (`fr`, `en-gb`) is among the installed voices. */
export function hasVoice(installed: readonly InstalledVoice[], voice: string): boolean {
  const v = voice.toLowerCase();
  return installed.some((i) => i.language === v || i.file.split('/').pop() === v || i.language.startsWith(`${v}-`));
}

/** The voices of the installed espeak-ng, or null when espeak-ng is not installed at all. */
export async function installedVoices(program = 'espeak-ng'): Promise<InstalledVoice[] | null> {
  try {
    const { stdout } = await run(program, ['--voices'], { timeout: 10_000 });
    return parseVoices(stdout);
  } catch {
    return null;
  }
}

export async function programAvailable(program: string, args: string[] = ['--version']): Promise<boolean> {
  try {
    await run(program, args, { timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

function runWithInput(program: string, args: string[], input: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'ignore', 'pipe'] });
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-500)));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new MissingProgramError(`${program} is not installed: apt-get install ${program === 'opusenc' ? OPUS_PACKAGE : ESPEAK_PACKAGE}`) : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`${program} failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/**
 * Writes the WAV of a text. The text goes through stdin, never the command line, so nothing in
 * it can be read as an option; `-b 1` says it is UTF-8.
 */
export async function synthesizeWav(text: string, voice: string, wordsPerMinute: number, outFile: string, program = 'espeak-ng'): Promise<void> {
  await runWithInput(program, ['-v', voice, '-s', String(wordsPerMinute), '-b', '1', '-w', outFile], text, 30_000);
}

/** Compresses a WAV to Ogg Opus for speech (about 20 times smaller at 24 kbit/s, see README). */
export async function encodeOpus(wavFile: string, outFile: string, program = 'opusenc'): Promise<void> {
  await runWithInput(program, ['--quiet', '--speech', '--bitrate', '24', wavFile, outFile], '', 30_000);
}

/** Duration of a PCM WAV file from its header and size (espeak-ng writes a plain 44-byte header). */
export function wavDurationMs(wav: Buffer): number {
  if (wav.length < 44 || wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let byteRate = 0;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') byteRate = wav.readUInt32LE(offset + 16);
    if (id === 'data') {
      if (!byteRate) throw new Error('WAV without a format chunk');
      const dataBytes = Math.min(size, wav.length - offset - 8);
      return Math.round((dataBytes / byteRate) * 1000);
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV without a data chunk');
}
