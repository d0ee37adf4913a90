import type { FastifyReply, FastifyRequest } from 'fastify';

export interface SseChannel {
  send(event: string, data: unknown, id?: number): void;
  onClose(fn: () => void): void;
  /** Ends the response; used when the server shuts down. */
  end(): void;
  readonly closed: boolean;
}

/**
 * Opens a Server-Sent Events response. A comment every `heartbeatMs` keeps proxies from closing
 * the connection and lets clients notice a dead one.
 */
export function openSse(request: FastifyRequest, reply: FastifyReply, heartbeatMs = 15_000): SseChannel {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  let closed = false;
  const closers: (() => void)[] = [];
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), heartbeatMs);
  heartbeat.unref();
  const close = () => {
    if (closed) return;
    closed = true;
    clearInterval(heartbeat);
    for (const fn of closers) fn();
  };
  request.raw.on('close', close);
  res.on('close', close);
  // A client that left while the route was still awaiting (authorisation, snapshot) fired its
  // 'close' before these listeners existed: without this its stream, its subscriptions and a
  // kiosk's presence would stay open for ever.
  if (res.destroyed || request.raw.destroyed) close();
  return {
    send(event, data, id) {
      if (closed) return;
      res.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
    end() {
      if (!closed) res.end();
      close();
    },
    get closed() {
      return closed;
    },
  };
}
