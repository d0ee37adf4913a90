/**
 * Recognises a USB barcode scanner: it "types" a whole code within milliseconds and ends with
 * Enter. A person types far slower, so a burst of at least `minLength` characters whose average
 * gap is under `maxAverageGapMs`, then Enter, is a scan. No click is needed. The average, not
 * each gap, decides: USB and a busy kiosk PC add the odd slow keystroke to a real scan.
 */
export interface HidScannerOptions {
  onCode: (code: string) => void;
  target?: EventTarget;
  minLength?: number;
  maxAverageGapMs?: number;
  /** A pause longer than this starts a new burst. */
  pauseMs?: number;
}

export interface HidScanner {
  stop(): void;
}

export function startHidScanner(options: HidScannerOptions): HidScanner {
  const target = options.target ?? document;
  const minLength = options.minLength ?? 8;
  // Scanners send a key every 1–10 ms; even fast typists average 100 ms or more between keys.
  const maxAverage = options.maxAverageGapMs ?? 50;
  const pause = options.pauseMs ?? 250;
  let buffer = '';
  let first = 0;
  let last = -Infinity;

  const onKey = (event: Event) => {
    const e = event as KeyboardEvent;
    const now = e.timeStamp;
    const continues = now - last <= pause;
    last = now;
    if (e.key === 'Enter') {
      const average = buffer.length > 0 ? (now - first) / buffer.length : Infinity;
      if (continues && buffer.length >= minLength && average <= maxAverage) {
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
    if (continues && buffer.length > 0) buffer += e.key;
    else {
      buffer = e.key;
      first = now;
    }
  };

  target.addEventListener('keydown', onKey, { capture: true });
  return {
    stop() {
      target.removeEventListener('keydown', onKey, { capture: true });
    },
  };
}
