import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Speakable } from '../../core/i18n/speakable';
import { speechFileParamsSchema, speechQuerySchema } from '../../core/i18n/speakable.schema';
import { apiError } from '../errors';
import { defineRoute, type Authenticators } from '../http/route';
import { CONTENT_TYPE } from './speech-cache';
import type { SpeechService } from './speech.service';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Sends an audio file, whole or the byte range asked: Chromium reads an Ogg file's length from
 * its last page, with a Range request, before it can say how long it lasts.
 */
async function sendAudio(request: FastifyRequest, reply: FastifyReply, path: string): Promise<FastifyReply> {
  const size = (await stat(path)).size;
  const ext = path.split('.').pop()!.toLowerCase();
  reply.header('content-type', CONTENT_TYPE[ext] ?? 'application/octet-stream').header('cache-control', IMMUTABLE).header('accept-ranges', 'bytes');
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    if (start >= size || start > end) return reply.code(416).header('content-range', `bytes */${size}`).send();
    return reply
      .code(206)
      .header('content-range', `bytes ${start}-${end}/${size}`)
      .header('content-length', String(end - start + 1))
      .send(createReadStream(path, { start, end }));
  }
  return reply.header('content-length', String(size)).send(createReadStream(path));
}

/**
 * « Écouter »: which voices and recordings exist, where the audio of a text is, and the audio.
 *
 * The first two need the kiosk's token, like the rest of the kiosk API: asking for a text's
 * audio may make espeak-ng work. The audio files themselves are public, like the app's hashed
 * assets: an <audio> element cannot send the token, what they hold is only texts of locales/
 * (public, in the kiosk's own bundle; never personal data, see core/i18n/speakable.ts), their
 * URL names a hash that only the authenticated route hands out, and these routes make nothing:
 * they serve a file that exists, or 404.
 */
export function speechRoutes(app: FastifyInstance, authn: Authenticators, speech: SpeechService): void {
  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/kiosk/speech/manifest',
    summary: 'The languages the server reads with espeak-ng, and the recordings the pôle put in AUDIO_DIR (by language and text key)',
    auth: 'kiosk',
    handler: async () => speech.manifest(),
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/kiosk/speech',
    summary: 'Where the audio of one text of the locales is (a recording, or espeak-ng audio made now and cached): by key and language, never free text',
    auth: 'kiosk',
    query: speechQuerySchema,
    returns: '{ url, source, lang, durationMs }',
    handler: async ({ query }) => {
      const { lang, key, ...counts } = query;
      const values = Object.fromEntries(Object.entries(counts).filter(([, v]) => v !== undefined)) as Speakable['values'];
      return speech.audio(lang, { key, ...(values && Object.keys(values).length ? { values } : {}) });
    },
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/kiosk/speech/audio/:lang/:file',
    summary: 'espeak-ng audio of a text (immutable: the name is a hash of voice, rate, format and text)',
    auth: 'none',
    params: speechFileParamsSchema,
    handler: async ({ params, request, reply }) => {
      const found = await speech.cachedFile(params.lang, params.file);
      if (!found) throw apiError('speech_audio_not_found');
      return sendAudio(request, reply, found.path);
    },
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/kiosk/speech/recordings/:lang/:file',
    summary: 'A recording of the pôle (immutable: the name is a hash of the file)',
    auth: 'none',
    params: speechFileParamsSchema,
    handler: async ({ params, request, reply }) => {
      const found = await speech.recordingFile(params.lang, params.file);
      if (!found) throw apiError('speech_audio_not_found');
      return sendAudio(request, reply, found.path);
    },
  });
}
