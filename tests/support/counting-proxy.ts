import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback HTTP proxy in front of a Borne server that records every request Chromium makes
 * (path and the bytes of the answer), so a test can tell what a session downloaded; and it can
 * refuse everything but /api/, as a server whose static files are out of reach. Requests not
 * made by a browser (the launcher's own look at sw.js) are passed on but not recorded.
 */
export interface ProxiedRequest {
  path: string;
  status: number;
  bytes: number;
  at: number;
}

export interface CountingProxy {
  url: string;
  requests: ProxiedRequest[];
  /** When true, every path outside /api/ answers 503 (the shell must come from the service worker). */
  staticUnreachable: boolean;
  /** When set, appended to /kiosk/sw.js for every client: a new build of Borne, as the launcher sees it. */
  serviceWorkerSuffix: string;
  close(): Promise<void>;
}

export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const upstream = new URL(target);
  const proxy: CountingProxy = { url: '', requests: [], staticUnreachable: false, serviceWorkerSuffix: '', close: async () => undefined };
  const isBrowser = (req: IncomingMessage) => /Chrome\//.test(req.headers['user-agent'] ?? '');
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const record = isBrowser(req) ? { path, status: 0, bytes: 0, at: Date.now() } : null;
    if (record) proxy.requests.push(record);
    if (proxy.staticUnreachable && !path.startsWith('/api/')) {
      if (record) record.status = 503;
      res.writeHead(503, { 'content-type': 'text/plain' }).end('static files out of reach');
      return;
    }
    const suffix = path.split('?')[0] === '/kiosk/sw.js' ? proxy.serviceWorkerSuffix : '';
    const headers = { ...req.headers, host: upstream.host };
    if (suffix) {
      // The whole body, uncompressed and unconditional, to append to it.
      delete headers['accept-encoding'];
      delete headers['if-none-match'];
      delete headers['if-modified-since'];
    }
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers }, (answer) => {
      if (record) record.status = answer.statusCode ?? 0;
      if (suffix) {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat([...chunks, Buffer.from(suffix)]);
          if (record) record.bytes += body.length;
          const { 'content-length': _length, etag: _etag, 'last-modified': _modified, ...rest } = answer.headers;
          res.writeHead(answer.statusCode ?? 502, { ...rest, 'content-length': body.length }).end(body);
        });
        return;
      }
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.on('data', (chunk: Buffer) => {
        if (record) record.bytes += chunk.length;
      });
      answer.pipe(res);
    });
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    res.on('close', () => forward.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxy.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return proxy;
}

/** The requests since `since` (ms) that were not API calls: what a session downloaded of the app. */
export function nonApi(requests: readonly ProxiedRequest[], since = 0): ProxiedRequest[] {
  return requests.filter((r) => r.at >= since && !r.path.startsWith('/api/'));
}
