import type { FastifyInstance, FastifyRequest } from 'fastify';
import { accountCreateSchema, accountParamsSchema, accountUpdateSchema, setupBodySchema, setupParamsSchema } from '../../core/api/accounts';
import { clientAddress } from '../audit/staff-audit';
import { defineRoute, type Authenticators } from '../http/route';
import type { AccountsService } from './accounts.service';

/** Where the setup link points: this server as the admin's browser reached it. */
function origin(request: FastifyRequest): string {
  return new URL(`${request.protocol}://${request.host}`).origin;
}

/** « Administration › Comptes », and the public setup link a new staff member opens. */
export function accountsRoutes(app: FastifyInstance, authn: Authenticators, accounts: AccountsService): void {
  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/accounts',
    summary: 'Staff accounts: every one for an admin département, those of their pôles for an admin de pôle',
    auth: 'staff',
    handler: async ({ staff }) => accounts.list(staff),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/accounts',
    summary: '« Ajouter un compte »: an account without a password, and its one-time setup link (shown once, valid 72 h)',
    auth: 'staff',
    body: accountCreateSchema,
    returns: 'The account and its setup link',
    handler: async ({ staff, body, request, reply }) => {
      reply.code(201);
      return accounts.create({ staff, address: clientAddress(request) }, body, origin(request));
    },
  });

  defineRoute(app, authn, {
    method: 'PUT',
    url: '/api/staff/accounts/:id',
    summary: "Change an account's first name, role and pôles; a stale version is refused (409 version_conflict)",
    auth: 'staff',
    params: accountParamsSchema,
    body: accountUpdateSchema,
    handler: async ({ staff, params, body, request }) => accounts.update({ staff, address: clientAddress(request) }, params.id, body),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/accounts/:id/disable',
    summary: '« Désactiver »: the person can no longer sign in; their sessions, duty and streams end at once',
    auth: 'staff',
    params: accountParamsSchema,
    handler: async ({ staff, params, request }) => accounts.disable({ staff, address: clientAddress(request) }, params.id),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/accounts/:id/enable',
    summary: '« Réactiver » a disabled account',
    auth: 'staff',
    params: accountParamsSchema,
    handler: async ({ staff, params, request }) => accounts.enable({ staff, address: clientAddress(request) }, params.id),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/accounts/:id/password-reset',
    summary: '« Forcer un nouveau mot de passe »: the old password stops working, sessions end, a new setup link',
    auth: 'staff',
    params: accountParamsSchema,
    handler: async ({ staff, params, request }) => accounts.resetPassword({ staff, address: clientAddress(request) }, params.id, origin(request)),
  });

  defineRoute(app, authn, {
    method: 'GET',
    url: '/api/staff/setup/:code',
    summary: 'Whose setup link this is (username, first name); expired, used and unknown codes get the same 404; rate-limited per address',
    auth: 'none',
    params: setupParamsSchema,
    handler: async ({ params, request }) => accounts.setupInfo(params.code, clientAddress(request)),
  });

  defineRoute(app, authn, {
    method: 'POST',
    url: '/api/staff/setup',
    summary: 'Choose your password from your setup link (at least 10 characters); the link then stops working',
    auth: 'none',
    body: setupBodySchema,
    handler: async ({ body, request }) => accounts.completeSetup(body.code, body.password, clientAddress(request)),
  });
}
