import assert from 'node:assert/strict';
import { it } from 'node:test';
import { randomBytesPooled } from './random-pool';

it('hands out fresh bytes of the asked size, never the same ones twice, across refills', () => {
  const seen = new Set<string>();
  // 12-byte draws do not divide the 4 KiB pool: the draw that would cross its end refills it first.
  for (let i = 0; i < 2_000; i++) {
    const draw = randomBytesPooled(12);
    assert.equal(draw.length, 12);
    seen.add(draw.toString('hex'));
  }
  assert.equal(seen.size, 2_000);
});

it('returns copies: a later draw does not change an earlier one', () => {
  const first = randomBytesPooled(16);
  const kept = Buffer.from(first);
  for (let i = 0; i < 600; i++) randomBytesPooled(16);
  assert.deepEqual(first, kept);
});

it('refuses large draws, which belong to crypto.randomBytes', () => {
  assert.throws(() => randomBytesPooled(257), RangeError);
});
