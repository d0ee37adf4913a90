import { existsSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { LAUNCHER_CONTROL_URL } from '../../core/lockdown/policy';
import { apiError } from '../errors';
import { COMPRESSIBLE } from './precompress';

/** Strict CSP: only our own scripts, styles and connections; no framing, no plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' data:",
  // The kiosk asks its launcher, on the same PC, for the hard reset at each session end.
  `connect-src 'self' ${LAUNCHER_CONTROL_URL}`,
  "worker-src 'self'",
  "manifest-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Vite puts every hashed file under assets/: those never change and are kept a year. Everything
 * else (index.html, sw.js, the webmanifest, icons) is revalidated on each load, so a new build
 * reaches the kiosks and the console at once. Judged on the path inside the app's folder, so a
 * dist folder that happens to sit under some …/assets/… is not cached for a year.
 */
export function cacheControlFor(relativePath: string): string {
  return /^assets[\\/]/.test(relativePath) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

function cacheHeaders(root: string) {
  return (res: { setHeader(name: string, value: string): void }, path: string): void => {
    res.setHeader('content-security-policy', CONTENT_SECURITY_POLICY);
    res.setHeader('cache-control', cacheControlFor(relative(root, path)));
    // The same URL is sent as brotli, gzip or plain depending on the request: a cache in between
    // (nginx, a proxy of the département) must keep them apart.
    if (COMPRESSIBLE.has(extname(path.replace(/\.(br|gz)$/, '')))) res.setHeader('vary', 'accept-encoding');
  };
}

/** Serves the built kiosk PWA at /kiosk/ and the console at /staff/, each a single-page app. */
export async function installStatic(app: FastifyInstance, distDirInput: string): Promise<void> {
  const distDir = resolve(distDirInput);
  const apps = ['kiosk', 'staff'] as const;
  for (const [i, name] of apps.entries()) {
    const root = join(distDir, name);
    if (!existsSync(join(root, 'index.html'))) {
      throw new Error(`The ${name} front end is not built (${root}/index.html is missing): run "npm run build" first.`);
    }
    // cacheControl: false, or @fastify/static writes its own `public, max-age=0` over ours.
    // preCompressed: the build wrote .br and .gz beside each text file (precompress.ts); the one
    // the browser accepts is sent with its Content-Encoding, and the plain file to anyone else.
    await app.register(fastifyStatic, { root, prefix: `/${name}/`, decorateReply: i === 0, wildcard: true, index: 'index.html', cacheControl: false, preCompressed: true, setHeaders: cacheHeaders(root) });
  }
  app.get('/', (_req, reply) => reply.redirect('/staff/'));
  app.get('/kiosk', (_req, reply) => reply.redirect('/kiosk/'));
  app.get('/staff', (_req, reply) => reply.redirect('/staff/'));

  app.setNotFoundHandler((request, reply: FastifyReply) => {
    const url = request.url.split('?')[0] ?? '';
    const spa = apps.find((name) => url.startsWith(`/${name}/`) && !/\.[a-z0-9]+$/i.test(url));
    if (spa && request.method === 'GET') {
      reply.header('content-security-policy', CONTENT_SECURITY_POLICY).header('cache-control', 'no-cache');
      return reply.sendFile('index.html', join(distDir, spa));
    }
    const error = apiError('not_found');
    return reply.code(error.statusCode).send(error.toBody());
  });
}

export function installApiNotFound(app: FastifyInstance): void {
  app.setNotFoundHandler((_request, reply) => {
    const error = apiError('not_found');
    return reply.code(error.statusCode).send(error.toBody());
  });
}
