import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SpeechAudio, SpeechManifest } from '../../src/core/i18n/speakable';
import { ESPEAK_PACKAGE, installedVoices, OPUS_PACKAGE, programAvailable, synthesizeWav, wavDurationMs } from '../../src/server/speech/espeak';
import { SpeechService } from '../../src/server/speech/speech.service';
import { kioskAuth, startTestServer, type TestServer } from '../support/server';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/**
 * « Écouter » on the server: a text of locales/ by key and language, read by espeak-ng (Debian
 * package espeak-ng) into a cache, or the pôle's recording when there is one. WAV here, so the
 * duration can be read from the file; the Opus path is the same code plus opusenc.
 */
let server: TestServer;
let dir: string;
let auth: { authorization: string };
let recording: string;

beforeAll(async () => {
  if (!(await installedVoices())) throw new Error(`espeak-ng is not installed: these tests need the Debian package ${ESPEAK_PACKAGE} (apt-get install ${ESPEAK_PACKAGE})`);
  dir = mkdtempSync(join(tmpdir(), 'borne-speech-'));
  // The pôle recorded « home.intro » in French (here: espeak-ng's English voice, so it differs).
  mkdirSync(join(dir, 'audio', 'fr'), { recursive: true });
  recording = join(dir, 'audio', 'fr', 'home.intro.wav');
  await synthesizeWav('Recorded by the pole', 'en-gb', 160, join(dir, 'rec.wav'));
  copyFileSync(join(dir, 'rec.wav'), recording);
  server = await startTestServer({ speech: { cacheDir: join(dir, 'cache'), audioDir: join(dir, 'audio'), format: 'wav' } });
  auth = kioskAuth(server, 'chatillon-1');
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function resolve(query: string): Promise<{ status: number; body: SpeechAudio & { error?: { code: string; message: string } } }> {
  const res = await server.app.inject({ method: 'GET', url: `/api/kiosk/speech?${query}`, headers: auth });
  return { status: res.statusCode, body: res.json() };
}

describe('GET /api/kiosk/speech', () => {
  it('reads a known key with espeak-ng: audio/wav of a sensible length, immutable, public', async () => {
    const { status, body } = await resolve('lang=fr&key=home.title');
    expect(status).toBe(200);
    expect(body).toMatchObject({ source: 'espeak', lang: 'fr', url: expect.stringMatching(/^\/api\/kiosk\/speech\/audio\/fr\/[0-9a-f]{32}\.wav$/) });
    // « Bonjour, bienvenue » at 130 words a minute: about a second and a half.
    expect(body.durationMs).toBeGreaterThan(700);
    expect(body.durationMs).toBeLessThan(5000);
    // No token: an <audio> element cannot send one.
    const audio = await server.app.inject({ method: 'GET', url: body.url });
    expect(audio.statusCode).toBe(200);
    expect(audio.headers['content-type']).toBe('audio/wav');
    expect(audio.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Math.abs(wavDurationMs(audio.rawPayload) - body.durationMs!)).toBeLessThan(20);
    // Byte ranges, which Chromium asks for to find an Ogg file's length.
    const tail = await server.app.inject({ method: 'GET', url: body.url, headers: { range: 'bytes=-100' } });
    expect(tail.statusCode).toBe(206);
    expect(tail.headers['content-range']).toBe(`bytes ${audio.rawPayload.length - 100}-${audio.rawPayload.length - 1}/${audio.rawPayload.length}`);
    expect(tail.rawPayload.equals(audio.rawPayload.subarray(-100))).toBe(true);
    expect((await server.app.inject({ method: 'GET', url: body.url, headers: { range: `bytes=${audio.rawPayload.length}-` } })).statusCode).toBe(416);
  });

  it('makes a text once: the second request is a cache hit with the same URL', async () => {
    const cache = await server.app.borne.speech.speechCache();
    const first = await resolve('lang=en&key=home.intro');
    const made = cache.synthesized;
    const second = await resolve('lang=en&key=home.intro');
    expect(second.body.url).toBe(first.body.url);
    expect(cache.synthesized).toBe(made);
  });

  it('prefers the pôle\'s recording, and lists it in the manifest', async () => {
    const { status, body } = await resolve('lang=fr&key=home.intro');
    expect(status).toBe(200);
    expect(body).toMatchObject({ source: 'recording', lang: 'fr', url: expect.stringMatching(/^\/api\/kiosk\/speech\/recordings\/fr\/[0-9a-f]{24}\.wav$/) });
    const file = await server.app.inject({ method: 'GET', url: body.url });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(readFileSync(recording))).toBe(true);
    const manifest = await server.app.inject({ method: 'GET', url: '/api/kiosk/speech/manifest', headers: auth });
    const m = manifest.json<SpeechManifest>();
    expect(m.recordings.fr).toEqual({ 'home.intro': body.url });
    expect(m.espeak).toEqual(expect.arrayContaining(['fr', 'en', 'ar', 'uk', 'fa', 'ru']));
    // Tigrinya has no synthetic voice at all (languages.ts).
    expect(m.espeak).not.toContain('ti');
  });

  it('reads guide texts as keys of the guides namespace, and counts that are declared non-personal', async () => {
    expect((await resolve('lang=fr&key=guides:caf-rsa.steps.demande')).status).toBe(200);
    expect((await resolve('lang=ar&key=guide.step&n=2&total=6')).status).toBe(200);
  });

  it('refuses unknown keys and personal placeholders with a clear 4xx, never a 500', async () => {
    const unknown = await resolve('lang=fr&key=home.nothing');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: 'speech_key_unknown', message: expect.stringContaining('home.nothing') });
    // « {{name}} arrive pour vous aider. » names a médiateur.
    const personal = await resolve('lang=fr&key=help.claimed');
    expect(personal.status).toBe(422);
    expect(personal.body.error).toMatchObject({ code: 'speech_not_speakable', message: expect.stringContaining('{{name}}') });
    for (const bad of ['lang=fr&key=guide.step', 'lang=fr&key=guide.step&n=10000001&total=3', 'lang=xx&key=home.title', 'lang=fr&key=..%2F..%2Fetc%2Fpasswd', 'lang=fr&key=staff:title', 'lang=fr&key=home.title&text=Bonjour%20Marie', 'lang=fr']) {
      const res = await resolve(bad);
      expect({ bad, status: res.status, code: res.body.error?.code }).toMatchObject({ bad, status: 400, code: 'validation' });
    }
  });

  it('says there is no voice for a language espeak-ng lacks', async () => {
    const ti = await resolve('lang=ti&key=home.title');
    expect(ti.status).toBe(404);
    expect(ti.body.error?.code).toBe('speech_no_voice');
  });

  it('asks for the kiosk\'s token, and serves only audio that exists', async () => {
    expect((await server.app.inject({ method: 'GET', url: '/api/kiosk/speech?lang=fr&key=home.title' })).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/api/kiosk/speech/manifest' })).statusCode).toBe(401);
    const missing = await server.app.inject({ method: 'GET', url: `/api/kiosk/speech/audio/fr/${'0'.repeat(32)}.wav` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('speech_audio_not_found');
    expect((await server.app.inject({ method: 'GET', url: '/api/kiosk/speech/audio/fr/..%2F..%2Fborne.sqlite' })).statusCode).toBe(400);
  });
});

describe('the Opus cache', () => {
  it('compresses espeak-ng\'s audio to Ogg Opus, many times smaller than the WAV (opusenc, Debian package opus-tools)', async () => {
    if (!(await programAvailable('opusenc'))) throw new Error(`opusenc is not installed: this test needs the Debian package ${OPUS_PACKAGE} (apt-get install ${OPUS_PACKAGE})`);
    const opus = new SpeechService({ cacheDir: join(dir, 'opus-cache'), audioDir: join(dir, 'audio'), format: 'opus' });
    const a = await opus.audio('fr', { key: 'home.actions.guidesHint' });
    expect(a.url).toMatch(/\.ogg$/);
    const path = (await opus.cachedFile('fr', a.url.split('/').pop()!))!.path;
    expect(readFileSync(path).subarray(0, 4).toString('ascii')).toBe('OggS');
    // WAV from espeak-ng: 22,050 samples of 16 bits a second.
    const wavBytes = (a.durationMs! / 1000) * 44_100;
    expect(statSync(path).size).toBeLessThan(wavBytes / 8);
  });
});
