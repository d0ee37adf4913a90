import { describe, expect, it } from 'vitest';
import { readEvents } from '../../src/web/event-stream';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(encoder.encode(c));
      controller.close();
    },
  });
}

async function collect(chunks: string[]) {
  const events: { type: string; data: unknown; id: string | null }[] = [];
  await readEvents(streamOf(chunks), (type, data, id) => events.push({ type, data, id }));
  return events;
}

describe('Server-Sent Events parser', () => {
  it('reads typed events with ids and JSON data', async () => {
    expect(await collect(['id: 7\nevent: call\ndata: {"a":1}\n\n'])).toEqual([{ type: 'call', data: { a: 1 }, id: '7' }]);
  });

  it('joins events split across network chunks, even inside a multi-byte character', async () => {
    const text = 'event: help\ndata: {"name":"Léa"}\n\n';
    const bytes = new TextEncoder().encode(text);
    const cut = text.indexOf('é') + 1; // inside the two bytes of "é"
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes.slice(0, cut));
        c.enqueue(bytes.slice(cut));
        c.close();
      },
    });
    const events: unknown[] = [];
    await readEvents(stream, (_t, data) => events.push(data));
    expect(events).toEqual([{ name: 'Léa' }]);
  });

  it('ignores comments (heartbeats) and the retry field, and handles CRLF', async () => {
    expect(await collect([': keep-alive\r\n\r\nretry: 2000\r\n\r\nevent: x\r\ndata: 1\r\n\r\n'])).toEqual([{ type: 'x', data: 1, id: null }]);
  });

  it('joins multi-line data with newlines', async () => {
    expect(await collect(['data: line one\ndata: line two\n\n'])).toEqual([{ type: 'message', data: 'line one\nline two', id: null }]);
  });
});
