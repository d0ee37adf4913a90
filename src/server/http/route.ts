import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseInput } from '../validation';

export type Auth = 'none' | 'kiosk' | 'staff';

export interface RouteSpec<B extends z.ZodType, P extends z.ZodType> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  auth: Auth;
  body?: B;
  params?: P;
  /** A short description of what the success returns, for the OpenAPI document. */
  returns?: string;
  handler: (input: { body: z.infer<B>; params: z.infer<P>; request: FastifyRequest; reply: FastifyReply }) => Promise<unknown>;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  summary: string;
  auth: Auth;
  body?: z.ZodType;
  params?: z.ZodType;
  returns?: string;
}

/** Routes as declared, so /api/openapi.json describes exactly what is served. */
export const routeRegistry: RegisteredRoute[] = [];

/**
 * Declares a route whose body and params are validated by zod schemas from src/core before the
 * handler runs; a bad input never reaches a service.
 */
export function defineRoute<B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined>(app: FastifyInstance, spec: RouteSpec<B, P>): void {
  if (!routeRegistry.some((r) => r.method === spec.method && r.url === spec.url)) {
    const { handler: _h, ...described } = spec;
    void _h;
    routeRegistry.push(described);
  }
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (request, reply) => {
      const params = spec.params ? parseInput(spec.params, request.params) : undefined;
      const body = spec.body ? parseInput(spec.body, request.body) : undefined;
      return spec.handler({ body: body as z.infer<B>, params: params as z.infer<P>, request, reply });
    },
  });
}
