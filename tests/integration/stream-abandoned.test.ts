import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onDuty } from '../support/help';
import { parseExposition, sampleValue } from '../support/prometheus';
import { kioskAuth, startTestServer, type TestServer } from '../support/server';

vi.setConfig({ testTimeout: 60_000 });

let server: TestServer;
afterEach(async () => {
  server?.app.server.closeAllConnections();
  await server?.close();
});

/** Sends a stream request on a raw socket and hangs up `afterMs` later, whatever was answered. */
function abandon(port: number, path: string, headers: Record<string, string>, afterMs: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => {
      const lines = [`GET ${path} HTTP/1.1`, 'Host: 127.0.0.1', 'Accept: text/event-stream', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''];
      socket.write(lines.join('\r\n'));
      setTimeout(() => socket.destroy(), afterMs);
    });
    socket.on('close', () => resolve());
    socket.on('error', () => resolve());
  });
}

async function openStreams(kind: string): Promise<number> {
  const res = await server.app.inject({ method: 'GET', url: '/metrics' });
  return sampleValue(parseExposition(res.body), 'borne_streams_open', undefined, { kind }) ?? 0;
}

describe('a stream request abandoned while the server is still preparing it', () => {
  it('leaves no stream open: a console or kiosk that hangs up early is not kept for ever', async () => {
    server = await startTestServer();
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = server.app.server.address() as { port: number };
    const staff = await onDuty(server, 'chatillon');
    // Hang-ups spread over the first milliseconds: some land while the route is still awaiting.
    const tries = Array.from({ length: 40 }, (_, i) => i % 12);
    await Promise.all(tries.map((ms, i) => (i % 2 === 0 ? abandon(port, '/api/staff/sites/chatillon/stream', staff, ms) : abandon(port, '/api/kiosk/stream', kioskAuth(server, 'chatillon-1'), ms))));
    const deadline = Date.now() + 5000;
    while ((await openStreams('staff')) + (await openStreams('kiosk')) > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect({ staff: await openStreams('staff'), kiosk: await openStreams('kiosk') }).toEqual({ staff: 0, kiosk: 0 });
  });
});
