import { randomBytes } from 'node:crypto';

let lastMillis = 0;
let sequence = 0;

/**
 * A UUID version 7: the first 48 bits are the Unix time in milliseconds, so IDs sort by creation
 * time (newest-first pages and timelines order by ID). Within one millisecond a 12-bit counter
 * keeps IDs from one process strictly increasing.
 */
export function newId(nowMillis: number = Date.now()): string {
  let millis = Math.max(nowMillis, lastMillis);
  if (millis === lastMillis) {
    sequence += 1;
    if (sequence > 0xfff) {
      millis += 1;
      sequence = 0;
    }
  } else {
    sequence = 0;
  }
  lastMillis = millis;
  const random = randomBytes(8);
  const hex =
    millis.toString(16).padStart(12, '0') +
    (0x7000 | sequence).toString(16) +
    ((random[0] & 0x3f) | 0x80).toString(16).padStart(2, '0') +
    random.subarray(1).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
