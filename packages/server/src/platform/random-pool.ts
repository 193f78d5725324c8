import { randomFillSync } from 'node:crypto';

/** Bytes drawn from the system's CSPRNG in one call, then handed out in order. */
const POOL_BYTES = 4096;

const pool = Buffer.allocUnsafe(POOL_BYTES);
let used = POOL_BYTES;

/**
 * `size` fresh random bytes (at most 256), like crypto.randomBytes. A call
 * to the CSPRNG costs far more than the bytes it returns, and a message send
 * needs several small draws (nonces, ids), so they come from a pool filled
 * 4 KiB at a time. No byte is ever handed out twice: each draw is copied out
 * and the pool refills only once every byte of it is spent.
 */
export function randomBytesPooled(size: number): Buffer {
  if (size > 256) throw new RangeError('randomBytesPooled is for small draws');
  if (used + size > POOL_BYTES) {
    randomFillSync(pool);
    used = 0;
  }
  const bytes = Buffer.allocUnsafe(size);
  pool.copy(bytes, 0, used, used + size);
  used += size;
  return bytes;
}
