import { randomBytes } from 'node:crypto';

/**
 * Ids that sort in the order they were made (UUID version 7 layout: 48 bits of milliseconds,
 * then a counter, then random bits), as lowercase hex text.
 *
 * Why: a list "newest first" orders by a timestamp, and two rows of the same millisecond (or of
 * a fixed test clock) must still come out in the order they were written. SQLite happened to
 * give them in rowid order; PostgreSQL gives ties in any order. Ordering by `at, id` with these
 * ids gives the same answer on both, with no sequence column. Within one process the ids are
 * strictly increasing; across instances, rows of the same millisecond were concurrent anyway.
 */
let lastMs = 0;
let counter = 0;

export function orderedId(now: number = Date.now()): string {
  if (now > lastMs) {
    lastMs = now;
    counter = 0;
  } else if (++counter > 0xfff) {
    // 4,096 ids in one millisecond: borrow the next millisecond rather than lose the order.
    lastMs++;
    counter = 0;
  }
  const hex = lastMs.toString(16).padStart(12, '0') + '7' + counter.toString(16).padStart(3, '0') + randomBytes(8).toString('hex');
  // Variant bits 10xx in the first nibble of the fourth group.
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  const h = hex.slice(0, 16) + variant + hex.slice(17, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
