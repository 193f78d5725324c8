import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from '../../config';

describe('CANCELLATION_COOLING_OFF_DAYS', () => {
  it('defaults to 7 days and accepts whole days up to 90', () => {
    assert.equal(parseConfig({}).cancellationCoolingOffDays, 7);
    assert.equal(
      parseConfig({ CANCELLATION_COOLING_OFF_DAYS: '14' }).cancellationCoolingOffDays,
      14,
    );
    assert.equal(parseConfig({ CANCELLATION_COOLING_OFF_DAYS: '0' }).cancellationCoolingOffDays, 0);
  });

  it('stops the server on a value that is not a whole number of days in range', () => {
    for (const value of ['-1', '2.5', 'week', '91'])
      assert.throws(
        () => parseConfig({ CANCELLATION_COOLING_OFF_DAYS: value }),
        (error: unknown) =>
          error instanceof ConfigError &&
          error.problems.some((p) => p.startsWith('CANCELLATION_COOLING_OFF_DAYS')),
        value,
      );
  });
});
