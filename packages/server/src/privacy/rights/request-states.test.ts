import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { editions } from '../editions';
import {
  assertMove,
  canMove,
  DAY_MS,
  daysLeft,
  deadlineDays,
  deadlineState,
  isClosed,
  statusesBefore,
} from './request-states';

describe('rights request state machine', () => {
  it('allows only the documented path', () => {
    assert.ok(canMove('submitted', 'verified'));
    assert.ok(canMove('verified', 'in_progress'));
    assert.ok(canMove('in_progress', 'fulfilled'));
    assert.ok(canMove('in_progress', 'refused'));
    assert.ok(canMove('in_progress', 'withdrawn'));
    assert.ok(!canMove('submitted', 'in_progress'), 'nothing starts before verification');
    assert.ok(!canMove('submitted', 'fulfilled'));
    assert.ok(!canMove('verified', 'refused'));
    assert.ok(!canMove('fulfilled', 'refused'));
    assert.ok(!canMove('refused', 'fulfilled'));
    assert.ok(!canMove('withdrawn', 'verified'));
  });

  it('answers an invalid move with a 409 conflict naming the state', () => {
    assert.throws(
      () => assertMove('fulfilled', 'refused'),
      (error: { id: string; status: number }) => error.id === 'conflict' && error.status === 409,
    );
    assert.doesNotThrow(() => assertMove('submitted', 'verified'));
  });

  it('knows which states end a request and which precede a state', () => {
    assert.deepEqual(
      ['submitted', 'verified', 'in_progress', 'fulfilled', 'refused', 'withdrawn'].map((s) =>
        isClosed(s as never),
      ),
      [false, false, false, true, true, true],
    );
    assert.deepEqual(statusesBefore('verified'), ['submitted']);
    assert.deepEqual(statusesBefore('withdrawn').sort(), ['in_progress', 'submitted', 'verified']);
  });

  it('takes deadlines from the edition table, complaints capped at 15 days (SUP-2)', () => {
    assert.equal(deadlineDays('access', editions.international), 30);
    assert.equal(deadlineDays('access', editions.cn), 15);
    assert.equal(deadlineDays('complaint', editions.international), 15);
    assert.equal(deadlineDays('complaint', editions.cn), 15);
  });

  it('counts whole days left: 0 on the last day, negative once late', () => {
    const deadline = 100 * DAY_MS;
    assert.equal(daysLeft(deadline, deadline - 30 * DAY_MS), 30);
    assert.equal(daysLeft(deadline, deadline - 30 * DAY_MS + 1), 29);
    assert.equal(daysLeft(deadline, deadline - 1), 0);
    assert.equal(daysLeft(deadline, deadline), 0);
    assert.equal(daysLeft(deadline, deadline + 1), -1);
    assert.equal(daysLeft(deadline, deadline + DAY_MS + 1), -2);
  });

  it('says where a deadline stands: days left while open, late by when it was answered', () => {
    const deadline = 100 * DAY_MS;
    assert.deepEqual(deadlineState(deadline, null, deadline - 3 * DAY_MS), {
      deadlineAt: deadline,
      daysLeft: 3,
      overdue: false,
    });
    assert.deepEqual(deadlineState(deadline, null, deadline + 1), {
      deadlineAt: deadline,
      daysLeft: -1,
      overdue: true,
    });
    assert.equal(deadlineState(deadline, deadline - 1, deadline + DAY_MS).overdue, false);
    assert.equal(deadlineState(deadline, deadline + 1, deadline + DAY_MS).overdue, true);
    assert.equal(deadlineState(deadline, deadline + 1, deadline + DAY_MS).daysLeft, null);
  });
});
