import { createSseParser } from '../../src/core/realtime/sse-parser';

export interface SseMessage {
  type: string;
  data: any;
  id: number | null;
}

export interface SseClient {
  status: number;
  contentType: string | null;
  /** Every message received so far, in order. */
  readonly received: SseMessage[];
  /** Resolves with the next message not yet taken that matches, waiting for it if needed. */
  next(match?: (m: SseMessage) => boolean, timeoutMs?: number): Promise<SseMessage>;
  /** Resolves when the server ends the response. */
  readonly ended: Promise<void>;
  close(): void;
}

/**
 * Opens an SSE stream with fetch and reads it as the browser's EventSource would. `next` waits
 * for an event (with a deadline so a missing event fails the test instead of hanging it).
 */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const received: SseMessage[] = [];
  let taken = 0;
  let wake: (() => void) | null = null;
  const feed = createSseParser((type, data, id) => {
    received.push({ type, data, id: id === null ? null : Number(id) });
    wake?.();
  });
  let ended: Promise<void> = Promise.resolve();
  if (response.body) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    ended = (async () => {
      for (let r = await reader.read(); !r.done; r = await reader.read()) feed(decoder.decode(r.value, { stream: true }));
    })()
      .catch(() => undefined)
      .finally(() => wake?.());
  }
  let finished = false;
  void ended.then(() => (finished = true));

  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    received,
    ended,
    async next(match = () => true, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        while (taken < received.length) {
          const message = received[taken++]!;
          if (match(message)) return message;
        }
        if (finished) throw new Error(`the stream ended; received: ${JSON.stringify(received.map((m) => m.type))}`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching event within ${timeoutMs} ms; received: ${JSON.stringify(received.map((m) => [m.type, m.id]))}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    },
    close() {
      controller.abort();
    },
  };
}
