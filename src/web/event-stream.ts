import { backoffDelay, STREAM_BACKOFF, type BackoffPolicy } from '../core/realtime/backoff';
import { createSseParser } from '../core/realtime/sse-parser';

/**
 * A Server-Sent Events client on fetch, because EventSource cannot send an Authorization header.
 * It reconnects by itself with back-off and full jitter (src/core/realtime/backoff.ts: after a
 * server restart, thousands of kiosks must not all come back in the same instant), sends
 * Last-Event-ID, and reports its state so the screen can say honestly whether it is connected.
 */
export type StreamState = 'connecting' | 'open' | 'closed';

export interface EventStreamOptions {
  url: string;
  headers?: Record<string, string>;
  onEvent: (type: string, data: unknown, id: string | null) => void;
  onState?: (state: StreamState) => void;
  /** A refusal (401/403/404) stops the stream instead of retrying forever. */
  onRefused?: (status: number) => void;
  /** A stream silent for longer than this is considered dead (the server sends a comment every 15 s). */
  silenceTimeoutMs?: number;
  /** When to try again after a drop (attempt 0 is the first retry). */
  backoff?: BackoffPolicy;
  /** The jitter's source, in [0, 1): Math.random, fixed in tests. */
  random?: () => number;
}

export interface EventStream {
  stop(): void;
  /** Drops the connection and reconnects now (used when the network comes back). */
  reconnect(): void;
}

export function startEventStream(options: EventStreamOptions): EventStream {
  const policy = options.backoff ?? STREAM_BACKOFF;
  const random = options.random ?? Math.random;
  const silenceTimeout = options.silenceTimeoutMs ?? 40_000;
  let lastEventId: string | null = null;
  let stopped = false;
  let attempt = 0;
  let controller: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;

  const setState = (s: StreamState) => options.onState?.(s);

  const armSilence = () => {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => controller?.abort(), silenceTimeout);
  };

  const scheduleRetry = () => {
    if (stopped) return;
    setState('closed');
    const delay = backoffDelay(attempt, random, policy);
    attempt += 1;
    retryTimer = setTimeout(connect, delay);
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    clearTimeout(retryTimer);
    controller = new AbortController();
    const own = controller;
    setState('connecting');
    try {
      const headers: Record<string, string> = { accept: 'text/event-stream', ...options.headers };
      if (lastEventId) headers['last-event-id'] = lastEventId;
      const response = await fetch(options.url, { headers, signal: own.signal, cache: 'no-store', credentials: 'same-origin' });
      if (response.status === 401 || response.status === 403 || response.status === 404) {
        stopped = true;
        setState('closed');
        options.onRefused?.(response.status);
        return;
      }
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      attempt = 0;
      setState('open');
      armSilence();
      await readEvents(response.body, (type, data, id) => {
        if (id !== null) lastEventId = id;
        options.onEvent(type, data, id);
      }, armSilence);
      throw new Error('stream ended');
    } catch {
      clearTimeout(silenceTimer);
      if (own === controller) scheduleRetry();
    }
  }

  void connect();
  return {
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      controller?.abort();
    },
    reconnect() {
      if (stopped) return;
      attempt = 0;
      const old = controller;
      controller = null;
      old?.abort();
      void connect();
    },
  };
}

/** Reads an event-stream body to its end, decoding UTF-8 across chunk boundaries. */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (type: string, data: unknown, id: string | null) => void,
  onActivity: () => void = () => {},
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const feed = createSseParser(onEvent);
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onActivity();
    feed(decoder.decode(value, { stream: true }));
  }
}
