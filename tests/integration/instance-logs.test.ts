import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readServerOptions } from '../../src/server/config/server-options';
import { startTestServer, type TestServer } from '../support/server';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The server's JSON log, line by line, as it would reach journald. */
function logCapture(): { stream: Writable; lines: () => Record<string, unknown>[]; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString('utf8');
      done();
    },
  });
  return { stream, text: () => text, lines: () => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('JSON logs', () => {
  it('carry the instance id and the version on every line', async () => {
    const log = logCapture();
    server = await startTestServer({ logger: { level: 'info', stream: log.stream }, logRequests: true, instanceId: 'borne-2', version: '4.5.6' });
    await server.app.inject({ method: 'GET', url: '/healthz' });
    server.app.log.warn('something to tell');
    const lines = log.lines();
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['incoming request', 'request completed', 'something to tell']));
    for (const line of lines) expect(line).toMatchObject({ instance: 'borne-2', version: '4.5.6', pid: process.pid, hostname: expect.any(String) });
  });

  it('log no query string and no setup code from a request line', async () => {
    const log = logCapture();
    server = await startTestServer({ logger: { level: 'info', stream: log.stream }, logRequests: true });
    await server.app.inject({ method: 'GET', url: '/api/staff/setup/S3CR3T-SETUP-CODE' });
    await server.app.inject({ method: 'GET', url: '/api/kiosk/agenda/slots?motifId=x&code=QUERY-SECRET' });
    const requests = log.lines().filter((l) => l.msg === 'incoming request').map((l) => (l.req as { url: string }).url);
    expect(requests).toEqual(['/api/staff/setup/:code', '/api/kiosk/agenda/slots?[redacted]']);
    expect(log.text()).not.toMatch(/S3CR3T|QUERY-SECRET/);
  });
});

describe('INSTANCE_ID and METRICS_TOKEN', () => {
  it('default to <hostname>-<pid> and no token; a bad value stops the start with the fix', () => {
    expect(readServerOptions([], {})).toMatchObject({ instanceId: expect.stringMatching(new RegExp(`-${process.pid}$`)) });
    expect(readServerOptions([], {}).metricsToken).toBeUndefined();
    expect(readServerOptions([], { INSTANCE_ID: 'borne-a', METRICS_TOKEN: 'x'.repeat(32) })).toMatchObject({ instanceId: 'borne-a', metricsToken: 'x'.repeat(32) });
    expect(() => readServerOptions([], { INSTANCE_ID: 'borne a"' })).toThrow(/INSTANCE_ID must be .*INSTANCE_ID=borne-1/);
    expect(() => readServerOptions([], { METRICS_TOKEN: 'short' })).toThrow(/openssl rand -hex 32/);
  });
});
