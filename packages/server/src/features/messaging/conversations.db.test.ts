import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Conversation } from '@carillon/protocol/messaging';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { errorId } from '../../../test/factories';
import { call, groupWith, people } from './messaging.test-support';

describeEachDialect('messaging: groups', (dialect) => {
  const t = useTestApp(dialect, { env: { GROUP_MEMBER_LIMIT: '3' } });

  it('creates a group with the creator as owner, and members join by invite link', async () => {
    const [owner, mei] = await people(t(), 2);
    const group = await groupWith(t(), owner!, [mei!]);
    const seen = (await call(t(), mei!, 'GET', `/api/conversations/${group.id}`)).json();
    assert.equal((seen as Conversation).role, 'member');
    assert.equal((seen as Conversation).memberCount, 2);
    const members = await call(t(), owner!, 'GET', `/api/conversations/${group.id}/members`);
    assert.deepEqual(
      members.json().members.map((m: { role: string }) => m.role),
      ['owner', 'member'],
    );
    // Joining twice is harmless.
    const again = await call(t(), mei!, 'POST', '/api/conversations/join', { token: group.token });
    assert.equal(again.json().memberCount, 2);
  });

  it('refuses forged and expired invites, and a full group', async () => {
    const [owner, a, b, c] = await people(t(), 4);
    const group = await groupWith(t(), owner!, [a!, b!]);
    const forged = group.token.slice(0, -2) + 'xx';
    const bad = await call(t(), c!, 'POST', '/api/conversations/join', { token: forged });
    assert.equal(errorId(bad), 'token_invalid');
    const full = await call(t(), c!, 'POST', '/api/conversations/join', { token: group.token });
    assert.equal(full.statusCode, 409);
    const short = await call(t(), owner!, 'POST', `/api/conversations/${group.id}/invites`, {
      ttlHours: 1,
    });
    t().clock.advance(2 * 60 * 60 * 1000);
    const expired = await call(t(), c!, 'POST', '/api/conversations/join', {
      token: short.json().token,
    });
    assert.equal(errorId(expired), 'token_invalid');
  });

  it('lets the owner make admins, remove members, transfer ownership and dissolve', async () => {
    const [owner, admin, plain] = await people(t(), 3);
    const { id } = await groupWith(t(), owner!, [admin!, plain!]);
    const role = `/api/conversations/${id}/members/${admin!.userId}/role`;
    const plainRename = await call(t(), plain!, 'PATCH', `/api/conversations/${id}`, { name: 'x' });
    assert.equal(errorId(plainRename), 'forbidden');
    const plainInvite = await call(t(), plain!, 'POST', `/api/conversations/${id}/invites`, {});
    assert.equal(plainInvite.statusCode, 403);
    assert.equal((await call(t(), plain!, 'PUT', role, { role: 'admin' })).statusCode, 403);
    assert.equal((await call(t(), owner!, 'PUT', role, { role: 'admin' })).statusCode, 204);
    const rename = await call(t(), admin!, 'PATCH', `/api/conversations/${id}`, {
      announcement: 'Stand-up at nine',
    });
    assert.equal(rename.json().announcement, 'Stand-up at nine');
    const kickOwner = `/api/conversations/${id}/members/${owner!.userId}`;
    assert.equal((await call(t(), admin!, 'DELETE', kickOwner)).statusCode, 403);
    const leaveAsOwner = await call(t(), owner!, 'POST', `/api/conversations/${id}/leave`);
    assert.equal(leaveAsOwner.statusCode, 409);
    const transfer = `/api/conversations/${id}/transfer`;
    assert.equal(
      (await call(t(), admin!, 'POST', transfer, { userId: plain!.userId })).statusCode,
      403,
    );
    assert.equal(
      (await call(t(), owner!, 'POST', transfer, { userId: admin!.userId })).statusCode,
      204,
    );
    assert.equal((await call(t(), owner!, 'GET', `/api/conversations/${id}`)).json().role, 'admin');
    const kickPlain = `/api/conversations/${id}/members/${plain!.userId}`;
    assert.equal((await call(t(), owner!, 'DELETE', kickPlain)).statusCode, 204);
    assert.equal((await call(t(), plain!, 'GET', `/api/conversations/${id}`)).statusCode, 404);
    assert.equal((await call(t(), owner!, 'DELETE', `/api/conversations/${id}`)).statusCode, 403);
    assert.equal((await call(t(), admin!, 'DELETE', `/api/conversations/${id}`)).statusCode, 204);
    assert.equal((await call(t(), owner!, 'GET', `/api/conversations/${id}`)).statusCode, 404);
  });

  it('lets a member leave, mute and pin; pinned conversations come first', async () => {
    const [owner, mei] = await people(t(), 2);
    const first = await groupWith(t(), owner!, [mei!]);
    const second = await groupWith(t(), owner!, [mei!]);
    const pin = await call(t(), mei!, 'PUT', `/api/conversations/${first.id}/settings`, {
      pinned: true,
      muted: true,
    });
    assert.deepEqual([pin.json().pinned, pin.json().muted], [true, true]);
    const list = (await call(t(), mei!, 'GET', '/api/conversations')).json().conversations;
    assert.deepEqual(
      list.map((c: Conversation) => c.id),
      [first.id, second.id],
    );
    assert.equal(
      (await call(t(), mei!, 'POST', `/api/conversations/${second.id}/leave`)).statusCode,
      204,
    );
    const after = (await call(t(), mei!, 'GET', '/api/conversations')).json().conversations;
    assert.deepEqual(
      after.map((c: Conversation) => c.id),
      [first.id],
    );
  });

  it('answers 404 for conversations the caller is not in, as for ones that do not exist', async () => {
    const [owner, stranger] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!);
    for (const target of [id, randomUUID()]) {
      const base = `/api/conversations/${target}`;
      const attempts = [
        call(t(), stranger!, 'GET', base),
        call(t(), stranger!, 'PATCH', base, { name: 'Mine' }),
        call(t(), stranger!, 'DELETE', base),
        call(t(), stranger!, 'PUT', `${base}/settings`, { muted: true }),
        call(t(), stranger!, 'POST', `${base}/invites`, {}),
        call(t(), stranger!, 'POST', `${base}/leave`),
        call(t(), stranger!, 'GET', `${base}/members`),
        call(t(), stranger!, 'DELETE', `${base}/members/${owner!.userId}`),
        call(t(), stranger!, 'PUT', `${base}/members/${owner!.userId}/role`, { role: 'admin' }),
        call(t(), stranger!, 'POST', `${base}/transfer`, { userId: stranger!.userId }),
        call(t(), stranger!, 'POST', `${base}/messages`, { clientId: randomUUID(), text: 'hi' }),
        call(t(), stranger!, 'GET', `${base}/messages`),
        call(t(), stranger!, 'POST', `${base}/messages/1/recall`),
        call(t(), stranger!, 'DELETE', `${base}/messages/1`),
        call(t(), stranger!, 'POST', `${base}/read`, { seq: 1 }),
        call(t(), stranger!, 'GET', `${base}/messages/1/receipts`),
      ];
      for (const response of await Promise.all(attempts)) {
        assert.equal(response.statusCode, 404, response.body);
        assert.equal(errorId(response), 'not_found');
      }
    }
  });

  it('answers 400 for bad bodies and 401 without sign-in', async () => {
    const [owner] = await people(t(), 1);
    const { id } = await groupWith(t(), owner!);
    const bodies: Array<[string, string, object]> = [
      ['POST', '/api/conversations', { name: '' }],
      ['PATCH', `/api/conversations/${id}`, { name: 'x', extra: 1 }],
      ['POST', `/api/conversations/${id}/messages`, { clientId: 'not-a-uuid', text: 'hi' }],
      ['POST', `/api/conversations/${id}/messages`, { clientId: randomUUID(), text: '' }],
      ['POST', `/api/conversations/${id}/read`, { seq: -1 }],
      ['PUT', `/api/conversations/${id}/members/${owner!.userId}/role`, { role: 'owner' }],
    ];
    for (const [method, url, payload] of bodies) {
      const response = await call(t(), owner!, method as 'POST', url, payload);
      assert.equal(response.statusCode, 400, `${method} ${url}`);
    }
    const both = await call(
      t(),
      owner!,
      'GET',
      `/api/conversations/${id}/messages?before=3&around=2`,
    );
    assert.equal(both.statusCode, 400);
    const anonymous = await t().request({ method: 'GET', url: '/api/conversations' });
    assert.equal(anonymous.statusCode, 401);
  });
});
