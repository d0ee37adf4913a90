import { hostname } from 'node:os';
import type { FastifyRequest, FastifyServerOptions } from 'fastify';

/** Which server process wrote a log line or a metric, when several run behind one proxy. */
export function defaultInstanceId(): string {
  return `${hostname()}-${process.pid}`;
}

/** What INSTANCE_ID may hold: it goes into every log line and a metric label, so short and plain. */
export const INSTANCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** Route parameters that are secrets (a setup link's code): their values never reach a log. */
const SECRET_PARAMS = /code|token|secret/i;

/**
 * The request as the request log tells it: method and path, never the query string (which could
 * carry a code one day) nor a secret path parameter (/api/staff/setup/:code logs the pattern).
 */
export function requestForLog(request: FastifyRequest): Record<string, unknown> {
  const params = (request.params ?? {}) as Record<string, unknown>;
  const secret = Object.keys(params).some((key) => SECRET_PARAMS.test(key));
  const [path, query] = request.url.split('?', 2);
  const url = secret ? (request.routeOptions?.url ?? '[redacted]') : `${path}${query !== undefined ? '?[redacted]' : ''}`;
  return { method: request.method, url, host: request.host, remoteAddress: request.ip };
}

type LoggerOption = FastifyServerOptions['logger'];

/**
 * The server's logger options with `instance` and `version` on every line (pino's `base`, which
 * keeps pino's own pid and hostname too), and the redacting request serializer.
 */
export function withInstance(logger: LoggerOption, instance: string, version: string): LoggerOption {
  if (logger === undefined || logger === false) return false;
  const options = logger === true ? {} : logger;
  return {
    ...options,
    base: { pid: process.pid, hostname: hostname(), ...(options.base ?? {}), instance, version },
    serializers: { ...(options.serializers ?? {}), req: requestForLog as never },
  };
}
