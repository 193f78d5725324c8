import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRange } from './byte-range';

describe('parseRange', () => {
  const partial = (start: number, end: number) => ({ kind: 'partial', range: { start, end } });

  it('reads the three single-range forms', () => {
    assert.deepEqual(parseRange('bytes=0-9', 100), partial(0, 9));
    assert.deepEqual(parseRange('bytes=90-', 100), partial(90, 99));
    assert.deepEqual(parseRange('bytes=-10', 100), partial(90, 99));
  });

  it('clamps ends and suffixes to the file', () => {
    assert.deepEqual(parseRange('bytes=50-500', 100), partial(50, 99));
    assert.deepEqual(parseRange('bytes=-500', 100), partial(0, 99));
  });

  it('finds nothing to send past the end, or in an empty file', () => {
    assert.deepEqual(parseRange('bytes=100-', 100), { kind: 'unsatisfiable' });
    assert.deepEqual(parseRange('bytes=-0', 100), { kind: 'unsatisfiable' });
    assert.deepEqual(parseRange('bytes=-5', 0), { kind: 'unsatisfiable' });
  });

  it('ignores what it does not serve: no header, other units, several ranges, nonsense', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=0-1,4-5', 'bytes=5-1', 'bytes=-', 'x'])
      assert.deepEqual(parseRange(header, 100), { kind: 'whole' }, String(header));
  });
});
