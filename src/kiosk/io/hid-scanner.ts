/**
 * Recognises a USB barcode scanner: it "types" a whole code within milliseconds and ends with
 * Enter. A person types far slower, so a burst of at least `minLength` characters, each within
 * `maxGapMs` of the previous one, then Enter, is a scan. No click is needed.
 */
export interface HidScannerOptions {
  onCode: (code: string) => void;
  target?: EventTarget;
  minLength?: number;
  maxGapMs?: number;
}

export interface HidScanner {
  stop(): void;
}

export function startHidScanner(options: HidScannerOptions): HidScanner {
  const target = options.target ?? document;
  const minLength = options.minLength ?? 8;
  // Scanners send a key every 1–10 ms; even fast typists leave 80 ms or more between keys.
  const maxGap = options.maxGapMs ?? 50;
  let buffer = '';
  let last = -Infinity;

  const onKey = (event: Event) => {
    const e = event as KeyboardEvent;
    const now = e.timeStamp;
    const fast = now - last <= maxGap;
    last = now;
    if (e.key === 'Enter') {
      if (fast && buffer.length >= minLength) {
        // The scanner's Enter must not also submit whatever form has focus.
        e.preventDefault();
        e.stopPropagation();
        const code = buffer;
        buffer = '';
        options.onCode(code);
        return;
      }
      buffer = '';
      return;
    }
    if (e.key.length !== 1) return;
    buffer = fast ? buffer + e.key : e.key;
  };

  target.addEventListener('keydown', onKey, { capture: true });
  return {
    stop() {
      target.removeEventListener('keydown', onKey, { capture: true });
    },
  };
}
