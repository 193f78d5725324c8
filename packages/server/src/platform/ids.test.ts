import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { ManualClock } from './clock';
import { uuidV7Generator } from './ids';

describe('uuidV7Generator', () => {
  it('makes valid version-7 UUIDs carrying the clock time', () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 25));
    const id = uuidV7Generator(clock).next();
    assert.ok(z.uuid({ version: 'v7' }).safeParse(id).success, id);
    assert.equal(parseInt(id.replace(/-/g, '').slice(0, 12), 16), clock.now());
  });

  it('sorts in creation order within one millisecond and across the counter overflow', () => {
    const ids = uuidV7Generator(new ManualClock());
    const made = Array.from({ length: 5000 }, () => ids.next());
    assert.deepEqual([...made].sort(), made);
    assert.equal(new Set(made).size, made.length);
  });

  it('never goes backwards when the clock does', () => {
    const clock = new ManualClock();
    const ids = uuidV7Generator(clock);
    const first = ids.next();
    clock.advance(-10_000);
    assert.ok(ids.next() > first);
  });
});
