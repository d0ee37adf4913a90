import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { apiError, type ErrorCode } from '../errors';

/**
 * What fails before a route is found still answers in the API's own error format:
 * - Node refuses some requests before Fastify sees them (headers over 16 KiB, a request that never
 *   finishes, bytes that are not HTTP): Fastify's clientErrorHandler writes on the raw socket.
 * - The router refuses bad percent-encoding (`/api/%zz`) and over-long params: frameworkErrors.
 * Nothing of the request is echoed back or logged: a URL may hold a dossier number.
 */

function clientErrorCode(error: NodeJS.ErrnoException): ErrorCode {
  if (error.code === 'HPE_HEADER_OVERFLOW') return 'headers_too_large';
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return 'request_timeout';
  return 'bad_request';
}

export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const mapped = apiError(clientErrorCode(error));
    const body = JSON.stringify(mapped.toBody());
    socket.write(
      `HTTP/1.1 ${mapped.statusCode} ${STATUS_CODES[mapped.statusCode] ?? ''}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = error.code === 'FST_ERR_BAD_URL' ? 'bad_url' : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'url_too_long' : 'bad_request';
  const mapped = apiError(code);
  void reply.code(mapped.statusCode).header('cache-control', 'no-store').send(mapped.toBody());
}

/** Spread into Fastify({...}) in build(). */
export const frameworkErrorOptions = { clientErrorHandler, frameworkErrors } satisfies Partial<FastifyServerOptions>;
