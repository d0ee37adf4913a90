import type { FastifyInstance, FastifyRequest } from 'fastify';
import { apiError } from '../errors';
import type { Auth } from './route';

/**
 * Cross-site requests are refused by the server itself, not only by the SameSite cookie.
 *
 * Every state-changing request (POST, PUT, PATCH, DELETE) must come from the server's own pages:
 * - `Sec-Fetch-Site` (every current browser, on https and localhost) must be `same-origin` or
 *   `none`; when it is there it decides, because it does not depend on how a proxy rewrites Host.
 * - otherwise `Origin`, when sent, must be this server's origin (protocol and host as Fastify sees
 *   them: X-Forwarded-Proto/Host count only with trustProxy). `Origin: null` is refused.
 * - with neither header the caller is not a browser (curl, a script on the server): no ambient
 *   credential was sent on its behalf, so there is nothing to forge.
 *
 * Routes authenticated by the kiosk's bearer token skip the check: a browser never attaches that
 * token by itself (it is read from the kiosk's own storage, or the extension's), so another site
 * cannot make a kiosk act; and the extension's worker sends `Origin: chrome-extension://…`.
 * Staff routes, sign-in and sign-out included, rely on the session cookie and are checked.
 *
 * Body-less staff actions accept only what the console sends: no Content-Type at all, or JSON.
 * A cross-site <form> can send text/plain, urlencoded or multipart without a preflight; those are
 * refused before anything is parsed.
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set by defineRoute: who the route authenticates (bearer-token kiosk routes skip the check). */
    auth?: Auth;
  }
}

function ownOrigin(request: FastifyRequest): string | undefined {
  try {
    return new URL(`${request.protocol}://${request.host}`).origin;
  } catch {
    return undefined;
  }
}

export function isSameOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') return site === 'same-origin' || site === 'none';
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return origin !== 'null' && origin === ownOrigin(request);
}

function acceptsBody(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  if (type === undefined) return true;
  return /^application\/json\s*(;|$)/i.test(type);
}

export function installSameOriginCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!UNSAFE.has(request.method)) return;
    if (request.routeOptions.config.auth === 'kiosk') return;
    if (!isSameOrigin(request)) throw apiError('cross_site');
    if (!acceptsBody(request)) throw apiError('unsupported_media_type');
  });
}
