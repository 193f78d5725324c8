import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { ManualClock } from '../../platform/clock';
import { KeyCache } from './key-cache';
import { seal, unseal } from './sealing';

describe('key cache', () => {
  const key = Buffer.alloc(32, 1);

  it('keeps at most its capacity, dropping the least recently used', () => {
    const cache = new KeyCache<Buffer>(new ManualClock(), 2, 60_000);
    cache.set('a', key);
    cache.set('b', key);
    assert.equal(cache.get('a'), key);
    cache.set('c', key);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), key);
    assert.equal(cache.get('c'), key);
  });

  it('forgets a key once its time is up, and on delete', () => {
    const clock = new ManualClock();
    const cache = new KeyCache<Buffer>(clock, 10, 1_000);
    cache.set('a', key);
    cache.set('b', key);
    clock.advance(999);
    assert.equal(cache.get('a'), key);
    cache.delete('b');
    assert.equal(cache.get('b'), undefined);
    clock.advance(1);
    assert.equal(cache.get('a'), undefined);
    assert.equal(cache.size, 0);
  });

  it('holds nothing with capacity 0', () => {
    const cache = new KeyCache<Buffer>(new ManualClock(), 0, 1_000);
    cache.set('a', key);
    assert.equal(cache.get('a'), undefined);
  });
});

describe('sealing (AES-256-GCM)', () => {
  const key = randomBytes(32);
  const aad = Buffer.from('subject-1');

  // The vault passes the subject id as AAD: the same key cannot open a value for another subject.
  it('opens what it sealed, only with the same key and AAD', () => {
    const sealed = seal(key, Buffer.from('Tan Mei Ling'), aad);
    assert.equal(unseal(key, sealed, aad)?.toString(), 'Tan Mei Ling');
    assert.equal(unseal(randomBytes(32), sealed, aad), undefined);
    assert.equal(unseal(key, sealed, Buffer.from('subject-2')), undefined);
  });

  it('answers undefined for malformed text instead of throwing', () => {
    for (const bad of ['', 'a', 'a.b', 'a.b.c', `${'A'.repeat(16)}.short`])
      assert.equal(unseal(key, bad, aad), undefined, bad);
  });
});
