import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { StaffUser } from '../auth/staff.repository';
import type { AuthenticatedKiosk } from '../fleet/fleet.service';
import { parseInput } from '../validation';

export type Auth = 'none' | 'kiosk' | 'staff';

export interface RouteSpec<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType = z.ZodUndefined> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  auth: Auth;
  body?: B;
  params?: P;
  /** The query string, validated like the body. */
  query?: Q;
  /** A short description of what the success returns, for the OpenAPI document. */
  returns?: string;
  handler: (input: RouteInput<B, P, Q>) => Promise<unknown>;
}

export interface RouteInput<B extends z.ZodType, P extends z.ZodType, Q extends z.ZodType = z.ZodUndefined> {
  body: z.infer<B>;
  params: z.infer<P>;
  query: z.infer<Q>;
  request: FastifyRequest;
  reply: FastifyReply;
  /** Set on routes with auth 'kiosk' (checked before anything else is read). */
  kiosk: AuthenticatedKiosk;
  /** Set on routes with auth 'staff'. */
  staff: StaffUser;
}

/** How each kind of caller proves who it is; given once to every route. */
export interface Authenticators {
  kiosk(request: FastifyRequest): Promise<AuthenticatedKiosk>;
  staff(request: FastifyRequest): Promise<StaffUser>;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  summary: string;
  auth: Auth;
  body?: z.ZodType;
  params?: z.ZodType;
  query?: z.ZodType;
  returns?: string;
}

/** Routes as declared, so /api/openapi.json describes exactly what is served. */
export const routeRegistry: RegisteredRoute[] = [];

/**
 * Declares a route whose body and params are validated by zod schemas from src/core before the
 * handler runs; a bad input never reaches a service.
 */
export function defineRoute<B extends z.ZodType = z.ZodUndefined, P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined>(app: FastifyInstance, authn: Authenticators, spec: RouteSpec<B, P, Q>): void {
  if (!routeRegistry.some((r) => r.method === spec.method && r.url === spec.url)) {
    const { handler: _h, ...described } = spec;
    void _h;
    routeRegistry.push(described);
  }
  app.route({
    method: spec.method,
    url: spec.url,
    // Read by the same-origin check (same-origin.ts), which runs before the body is parsed.
    config: { auth: spec.auth },
    handler: async (request, reply) => {
      // Who is asking comes first: an unknown caller learns nothing, not even which fields are wrong.
      const kiosk = spec.auth === 'kiosk' ? await authn.kiosk(request) : undefined;
      const staff = spec.auth === 'staff' ? await authn.staff(request) : undefined;
      const params = spec.params ? parseInput(spec.params, request.params) : undefined;
      const query = spec.query ? parseInput(spec.query, request.query) : undefined;
      const body = spec.body ? parseInput(spec.body, request.body) : undefined;
      return spec.handler({ body: body as z.infer<B>, params: params as z.infer<P>, query: query as z.infer<Q>, request, reply, kiosk: kiosk as AuthenticatedKiosk, staff: staff as StaffUser });
    },
  });
}
