import { effect, type ReadonlySignal } from '@preact/signals';

/**
 * Rings again every `intervalSeconds` (the site's help.ringIntervalSeconds) while at least one
 * call waits for someone: a médiateur away from the screen for a minute still hears it. A new
 * call rings at once through onNewCall and starts the interval over; the last call claimed stops it.
 */
export function startRinger(opts: { waiting: ReadonlySignal<number>; intervalSeconds: ReadonlySignal<number>; ring: () => void }): () => void {
  let timer: ReturnType<typeof setInterval> | undefined;
  const dispose = effect(() => {
    const waiting = opts.waiting.value;
    const every = opts.intervalSeconds.value;
    clearInterval(timer);
    timer = waiting > 0 ? setInterval(opts.ring, every * 1000) : undefined;
  });
  return () => {
    dispose();
    clearInterval(timer);
  };
}
