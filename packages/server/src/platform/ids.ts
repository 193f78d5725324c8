import type { Clock } from './clock';
import { randomBytesPooled } from './random-pool';

/** Produces identifiers; injected so tests can predict them when needed. */
export interface IdGenerator {
  next(): string;
}

/**
 * UUID version 7 (RFC 9562): 48 bits of milliseconds, then a 12-bit counter
 * (RFC 9562 §6.2, method 1) and randomness. Ids from one generator sort in the
 * order they were made, even within one millisecond, and index well.
 */
export function uuidV7Generator(clock: Clock): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  return {
    next() {
      let ms = clock.now();
      if (ms <= lastMs) {
        ms = lastMs;
        counter++;
        if (counter > 0xfff) {
          ms++;
          counter = 0;
        }
      } else {
        // Start low in the counter space so many ids fit into one millisecond.
        counter = randomBytesPooled(1)[0]!;
      }
      lastMs = ms;
      const bytes = randomBytesPooled(16);
      // 48 bits of milliseconds, big-endian; ms < 2^48, so plain arithmetic is exact.
      for (let i = 0; i < 6; i++) bytes[i] = Math.floor(ms / 2 ** (8 * (5 - i))) % 256;
      bytes[6] = 0x70 | (counter >> 8);
      bytes[7] = counter & 0xff;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
