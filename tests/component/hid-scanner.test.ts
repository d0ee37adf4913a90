import { describe, expect, it } from 'vitest';
import { startHidScanner } from '../../src/kiosk/io/hid-scanner';

/** Dispatches keys with chosen timestamps, as a scanner (2 ms apart) or a person (200 ms) would. */
function typeKeys(target: EventTarget, text: string, gapMs: number, start = 1000): KeyboardEvent {
  let t = start;
  let last!: KeyboardEvent;
  for (const key of [...text.split(''), 'Enter']) {
    t += gapMs;
    last = new KeyboardEvent('keydown', { key, cancelable: true });
    Object.defineProperty(last, 'timeStamp', { value: t });
    target.dispatchEvent(last);
  }
  return last;
}

describe('USB scanner recognition', () => {
  it('takes a fast burst ending with Enter as a code, and keeps that Enter from submitting a form', () => {
    const target = new EventTarget();
    const codes: string[] = [];
    startHidScanner({ target, onCode: (c) => codes.push(c) });
    const enter = typeKeys(target, 'BRN1.abc.def', 3);
    expect(codes).toEqual(['BRN1.abc.def']);
    expect(enter.defaultPrevented).toBe(true);
  });

  it('ignores a person typing, even the same characters', () => {
    const target = new EventTarget();
    const codes: string[] = [];
    startHidScanner({ target, onCode: (c) => codes.push(c) });
    const enter = typeKeys(target, '10000001', 180);
    expect(codes).toEqual([]);
    expect(enter.defaultPrevented).toBe(false);
  });

  it('accepts a scan with the odd slow keystroke of a busy PC', () => {
    const target = new EventTarget();
    const codes: string[] = [];
    startHidScanner({ target, onCode: (c) => codes.push(c) });
    let t = 1000;
    for (const [i, key] of [...'BRN1.abcdefghij'.split(''), 'Enter'].entries()) {
      t += i === 6 ? 120 : 3;
      const e = new KeyboardEvent('keydown', { key, cancelable: true });
      Object.defineProperty(e, 'timeStamp', { value: t });
      target.dispatchEvent(e);
    }
    expect(codes).toEqual(['BRN1.abcdefghij']);
  });

  it('ignores short bursts and starts over after a pause', () => {
    const target = new EventTarget();
    const codes: string[] = [];
    startHidScanner({ target, onCode: (c) => codes.push(c) });
    typeKeys(target, '1234', 3);
    typeKeys(target, 'ABCDEFGHIJ', 3, 5000);
    expect(codes).toEqual(['ABCDEFGHIJ']);
  });

  it('stops listening when stopped', () => {
    const target = new EventTarget();
    const codes: string[] = [];
    startHidScanner({ target, onCode: (c) => codes.push(c) }).stop();
    typeKeys(target, 'ABCDEFGHIJ', 3);
    expect(codes).toEqual([]);
  });
});
