import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Guide } from '../../src/core/guides/guide';
import { allSpeakables } from '../../src/core/i18n/kiosk-speakables';
import { ESPEAK_PACKAGE, installedVoices } from '../../src/server/speech/espeak';
import { SpeechService } from '../../src/server/speech/speech.service';

/**
 * « Écouter » with the server's voice: the audio of every text any kiosk screen reads (every
 * guide's too), in every language espeak-ng speaks here, made from an empty cache; then the
 * cache's size on disk. Targets: 95 % of the texts made in under 500 ms each, the whole cache
 * under 50 MB (it lives on the server's disk, next to the database).
 */
export async function speechBench(): Promise<{ name: string; figures: Record<string, number | string>; target: string; ok: boolean }> {
  const name = 'speech-espeak-cache';
  if (!(await installedVoices())) return { name, figures: { error: `espeak-ng is not installed: apt-get install ${ESPEAK_PACKAGE}` }, target: 'espeak-ng installed', ok: false };
  const guides: Guide[] = readdirSync('kiosk-config/guides')
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join('kiosk-config/guides', f), 'utf8')) as Guide);
  const items = allSpeakables(guides);
  const cacheDir = mkdtempSync(join(tmpdir(), 'borne-speech-bench-'));
  try {
    const service = new SpeechService({ cacheDir, audioDir: join(cacheDir, 'no-recordings') });
    const languages = await service.espeakLanguages();
    const cache = await service.speechCache();
    const times: number[] = [];
    let refused = 0;
    const t0 = performance.now();
    for (const lang of languages) {
      for (const item of items) {
        const start = performance.now();
        try {
          await service.audio(lang, item);
          times.push(performance.now() - start);
        } catch {
          refused += 1;
        }
      }
    }
    const totalSeconds = (performance.now() - t0) / 1000;
    times.sort((a, b) => a - b);
    const at = (q: number) => Number((times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1));
    const size = await cache.size();
    const megabytes = Number((size.bytes / 1024 / 1024).toFixed(2));
    const p95 = at(0.95);
    return {
      name,
      figures: { languages: languages.join(' '), texts: items.length, requests: times.length, refused, synthesized: cache.synthesized, format: cache.format, p50_ms: at(0.5), p95_ms: p95, max_ms: at(1), total_s: Number(totalSeconds.toFixed(1)), cache_files: size.files, cache_mb: megabytes },
      target: 'p95 of one text < 500 ms, cache < 50 MB',
      ok: p95 < 500 && megabytes < 50 && times.length > 0,
    };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}
