import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { onDuty } from '../support/help';
import { fixedClock, kioskAuth, startTestServer, type TestServer } from '../support/server';
import { openSse, type SseClient } from '../support/sse';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer;
let clock: ReturnType<typeof fixedClock>;
let base: string;
const clients: SseClient[] = [];

beforeEach(async () => {
  clock = fixedClock();
  server = await startTestServer({ clock });
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  server?.app.server.closeAllConnections();
  await server?.close();
});

async function stream(path: string, headers: Record<string, string>): Promise<SseClient> {
  const client = await openSse(`${base}${path}`, headers);
  clients.push(client);
  return client;
}

const kioskEvents = async () => (await server.store.db.selectFrom('events').select('payload').where('type', '=', 'kiosk').execute()).map((r) => JSON.parse(r.payload) as { kiosk: { id: string; online: boolean } });

describe('a kiosk stream that opens again within its lease (a server restart, a network blip)', () => {
  it('is no news: no stored event, nothing to the consoles; a kiosk coming online still is', async () => {
    const staff = await onDuty(server, 'chatillon');
    const console1 = await stream('/api/staff/sites/chatillon/stream', staff);
    await console1.next((m) => m.type === 'snapshot');

    // First open: the kiosk comes online, and the console hears it.
    const first = await stream('/api/kiosk/stream', kioskAuth(server, 'chatillon-1'));
    await first.next((m) => m.type === 'help');
    await console1.next((m) => m.type === 'kiosk' && m.data.kiosk.id === 'chatillon-1' && m.data.kiosk.online === true);
    expect(await kioskEvents()).toHaveLength(1);

    // The stream drops and comes back 10 s later, well within the lease: nothing changed.
    first.close();
    clock.advance(10_000);
    const again = await stream('/api/kiosk/stream', kioskAuth(server, 'chatillon-1'));
    await again.next((m) => m.type === 'help');
    // The next event the console hears is a later kiosk's first open, not chatillon-1 again.
    const other = await stream('/api/kiosk/stream', kioskAuth(server, 'chatillon-2'));
    await other.next((m) => m.type === 'help');
    const next = await console1.next((m) => m.type === 'kiosk');
    expect(next.data.kiosk.id).toBe('chatillon-2');
    expect((await kioskEvents()).map((e) => e.kiosk.id)).toEqual(['chatillon-1', 'chatillon-2']);
  });
});
