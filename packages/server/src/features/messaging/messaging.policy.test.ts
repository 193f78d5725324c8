import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canRecall, canRemove, RECALL_WINDOW_MS } from './messaging.policy';

describe('messaging policy', () => {
  const sentAt = 1_000_000;
  const message = { sender_id: 'mei', created_at: sentAt };

  it('lets the sender recall within 24 hours, owners and admins at any time', () => {
    const mei = { user_id: 'mei', role: 'member' } as const;
    assert.equal(canRecall(mei, message, sentAt + RECALL_WINDOW_MS), true);
    assert.equal(canRecall(mei, message, sentAt + RECALL_WINDOW_MS + 1), false);
    assert.equal(canRecall({ user_id: 'ali', role: 'member' }, message, sentAt), false);
    for (const role of ['owner', 'admin'] as const)
      assert.equal(
        canRecall({ user_id: 'ali', role }, message, sentAt + 10 * RECALL_WINDOW_MS),
        true,
      );
  });

  it('lets owners remove anyone else and admins only plain members', () => {
    assert.equal(canRemove({ role: 'owner' }, { role: 'admin' }), true);
    assert.equal(canRemove({ role: 'owner' }, { role: 'owner' }), false);
    assert.equal(canRemove({ role: 'admin' }, { role: 'member' }), true);
    assert.equal(canRemove({ role: 'admin' }, { role: 'admin' }), false);
    assert.equal(canRemove({ role: 'member' }, { role: 'member' }), false);
  });
});
