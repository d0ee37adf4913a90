import { apiError } from '../errors';

/**
 * Bounds how many password hashes run at once. Each scrypt takes 128 MiB and one of libuv's four
 * threadpool threads for a few hundred milliseconds; the same pool reads the kiosk's static files.
 * Unbounded, 48 sign-ins with made-up names held index.html for more than 30 s and added 400 MiB.
 * So at most `maxRunning` hashes run (one by default: on a two-core server the event loop keeps a
 * core, and three threadpool threads stay free for files), at most `maxWaiting` wait in line, and
 * anything beyond is refused at once with 503 and Retry-After.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly maxRunning = 1,
    private readonly maxWaiting = 8,
    /** What Retry-After says when the line is full: about the time the line takes to drain. */
    private readonly retryAfterSeconds = 5,
  ) {}

  /** Refuses at once when the line is full: checked before any other work, so a flood costs little. */
  assertRoom(): void {
    if (this.running >= this.maxRunning && this.waiting.length >= this.maxWaiting) {
      throw apiError('sign_in_busy', undefined, undefined, { retryAfterSeconds: this.retryAfterSeconds });
    }
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxRunning) {
      this.assertRoom();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next in line, so `running` never exceeds the bound.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
