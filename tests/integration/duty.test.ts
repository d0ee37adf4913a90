import { afterEach, describe, expect, it } from 'vitest';
import { kioskView, onDuty } from '../support/help';
import { fixedClock, startTestServer, type TestServer } from '../support/server';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('duty', () => {
  it('ends by itself when the médiateur’s session expires, so kiosks stop counting them', async () => {
    const clock = fixedClock();
    server = await startTestServer({ clock });
    await onDuty(server, 'chatillon');
    expect((await kioskView(server, 'chatillon-1')).onDutyCount).toBe(1);

    clock.advance(9 * 3600_000);
    await server.app.borne.sweep();
    expect((await kioskView(server, 'chatillon-1')).onDutyCount).toBe(1);

    clock.advance(2 * 3600_000); // past the 10 h session
    await server.app.borne.sweep();
    expect((await kioskView(server, 'chatillon-1')).onDutyCount).toBe(0);
  });

  it('ends on sign-out', async () => {
    server = await startTestServer();
    const cookie = await onDuty(server, 'chatillon');
    await server.app.inject({ method: 'DELETE', url: '/api/staff/session', headers: cookie });
    expect((await kioskView(server, 'chatillon-1')).onDutyCount).toBe(0);
  });
});
