/**
 * Incremental parser of the text/event-stream format (WHATWG HTML § 9.2): feed it decoded text
 * as it arrives; fields up to a blank line make one event. Data that is JSON is parsed.
 */
export type SseHandler = (type: string, data: unknown, id: string | null) => void;

export function createSseParser(onEvent: SseHandler): (text: string) => void {
  let buffer = '';
  let type = 'message';
  let data: string[] = [];
  let id: string | null = null;

  const dispatch = () => {
    if (data.length) {
      const raw = data.join('\n');
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = raw;
      }
      onEvent(type, parsed, id);
    }
    type = 'message';
    data = [];
    id = null;
  };

  return (text: string) => {
    buffer += text;
    let newline: number;
    while ((newline = buffer.indexOf('\n')) !== -1) {
      const line = buffer.slice(0, newline).replace(/\r$/, '');
      buffer = buffer.slice(newline + 1);
      if (line === '') {
        dispatch();
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = value;
      else if (field === 'data') data.push(value);
      else if (field === 'id') id = value;
    }
  };
}
