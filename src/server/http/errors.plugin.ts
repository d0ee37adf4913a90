import type { FastifyError, FastifyInstance } from 'fastify';
import { ApiError, apiError } from '../errors';

/** Maps every failure to the error catalogue: the caller's mistakes are 4xx with a fix, never a 500. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | ApiError, request, reply) => {
    let mapped: ApiError;
    if (error instanceof ApiError) mapped = error;
    else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') mapped = apiError('unsupported_media_type');
    else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') mapped = apiError('body_too_large');
    else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') mapped = apiError('bad_json', undefined, 'The body is empty but says it is JSON: send a JSON object, or no Content-Type when there is nothing to send.');
    else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) mapped = apiError('bad_json');
    else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      mapped = apiError('validation', undefined, error.message);
      reply.code(error.statusCode);
      return reply.send(mapped.toBody());
    } else {
      // Only the error itself is logged: never bodies, which may hold personal data.
      request.log.error({ err: { message: error.message, stack: error.stack, code: error.code } }, 'unexpected error');
      mapped = apiError('internal');
    }
    // A refusal that says when to come back says it in the header too (429, 503).
    const retry = mapped.details?.retryAfterSeconds;
    if (typeof retry === 'number') reply.header('retry-after', String(Math.max(1, Math.ceil(retry))));
    return reply.code(mapped.statusCode).send(mapped.toBody());
  });
}
