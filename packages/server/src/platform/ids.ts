import { randomBytes } from 'node:crypto';
import type { Clock } from './clock';

/** Produces identifiers; injected so tests can predict them when needed. */
export interface IdGenerator {
  next(): string;
}

/**
 * UUID version 7 (RFC 9562): 48 bits of milliseconds then randomness, so ids
 * sort by creation time and index well in both databases.
 */
export function uuidV7Generator(clock: Clock): IdGenerator {
  return {
    next() {
      const bytes = randomBytes(16);
      const ms = BigInt(clock.now());
      for (let i = 0; i < 6; i++) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
      bytes[6] = (bytes[6]! & 0x0f) | 0x70;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    },
  };
}
