import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { HelpCall, HelpContext, KioskHelpView } from '../../src/core/help/help-call';
import { insertStaff, type StaffRole } from '../../src/server/auth/staff.repository';
import { kioskAuth, staffCookie, testPasswordHash, type TestServer } from './server';

/** What a kiosk on its home screen in French sends with a call. */
export const HOME_CONTEXT: HelpContext = { screen: 'home', language: 'fr', accessibility: {} };

/** « Appeler un médiateur » from a demo kiosk; returns the raw response. */
export function pressHelp(server: TestServer, kioskId: string, requestId: string = randomUUID(), context: Partial<HelpContext> = {}): Promise<LightMyRequestResponse> {
  return server.app.inject({
    method: 'POST',
    url: '/api/kiosk/help-calls',
    headers: kioskAuth(server, kioskId),
    payload: { requestId, context: { ...HOME_CONTEXT, ...context } },
  });
}

/** Presses the button and returns the view, failing loudly if the call was not accepted. */
export async function callHelp(server: TestServer, kioskId: string, requestId?: string): Promise<KioskHelpView & { call: NonNullable<KioskHelpView['call']> }> {
  const res = await pressHelp(server, kioskId, requestId);
  if (res.statusCode !== 201) throw new Error(`help call refused: ${res.statusCode} ${res.body}`);
  const view = res.json<KioskHelpView>();
  if (!view.call) throw new Error('the help view has no call');
  return view as KioskHelpView & { call: NonNullable<KioskHelpView['call']> };
}

export async function kioskView(server: TestServer, kioskId: string): Promise<KioskHelpView> {
  const res = await server.app.inject({ method: 'GET', url: '/api/kiosk/help', headers: kioskAuth(server, kioskId) });
  if (res.statusCode !== 200) throw new Error(`kiosk view refused: ${res.statusCode} ${res.body}`);
  return res.json<KioskHelpView>();
}

/** Signs a staff member in and marks them on duty at `siteId`; returns the cookie header. */
export async function onDuty(server: TestServer, siteId: string, username = 'mediateur'): Promise<{ cookie: string }> {
  const cookie = await staffCookie(server.app, username);
  const res = await server.app.inject({ method: 'PUT', url: '/api/staff/duty', headers: cookie, payload: { siteId } });
  if (res.statusCode !== 200) throw new Error(`duty refused: ${res.statusCode} ${res.body}`);
  return cookie;
}

/** Adds a staff account whose password is its username (the demo has one médiateur only). */
export async function addStaff(server: TestServer, username: string, firstName: string, role: StaffRole = 'mediateur', siteIds: string[] = [...server.sites.keys()]): Promise<void> {
  await insertStaff(server.store.db, { id: randomUUID(), username, firstName, role, siteIds }, await testPasswordHash(username), new Date());
}

export function staffAction(server: TestServer, cookie: { cookie: string }, callId: string, action: 'claim' | 'resolve', outcome = 'helped'): Promise<LightMyRequestResponse> {
  return server.app.inject({
    method: 'POST',
    url: `/api/staff/help-calls/${callId}/${action}`,
    headers: cookie,
    ...(action === 'resolve' ? { payload: { outcome } } : {}),
  });
}

export async function storedCalls(server: TestServer): Promise<Pick<HelpCall, 'id' | 'status' | 'kioskId'>[]> {
  const rows = await server.store.db.selectFrom('help_calls').select(['id', 'status', 'kiosk_id']).orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, status: r.status as HelpCall['status'], kioskId: r.kiosk_id }));
}

/** The `{ error: { code } }` of a refused request, checking it is the catalogue's JSON shape. */
export function errorCode(res: LightMyRequestResponse): string {
  const body = res.json<{ error?: { code?: unknown; message?: unknown } }>();
  if (typeof body.error?.code !== 'string' || typeof body.error.message !== 'string' || body.error.message === '') {
    throw new Error(`not an API error body: ${res.body}`);
  }
  return body.error.code;
}
