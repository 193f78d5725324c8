import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Conversation, JoinResult, Receipts, UserEvent } from '@carillon/protocol/messaging';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { errorId } from '../../../test/factories';
import { call, groupWith, people, send, type Person } from './messaging.test-support';

async function eventTypes(t: ReturnType<ReturnType<typeof useTestApp>>, who: Person) {
  const events = (await call(t, who, 'GET', '/api/events')).json().events as UserEvent[];
  return events.map((e) => e.type);
}

describeEachDialect('messaging: join approval and invite QR codes', (dialect) => {
  const t = useTestApp(dialect, { env: { GROUP_MEMBER_LIMIT: '3' } });

  it('turns joining into a request the owner or an admin approves or declines', async () => {
    const [owner, admin, mei, wei] = await people(t(), 4);
    const group = await groupWith(t(), owner!, [admin!]);
    const base = `/api/conversations/${group.id}`;
    await call(t(), owner!, 'PUT', `${base}/members/${admin!.userId}/role`, { role: 'admin' });
    const denied = await call(t(), admin!, 'PATCH', base, { joinApproval: true });
    assert.equal(denied.statusCode, 200, 'admins may switch it too');
    assert.equal((denied.json() as Conversation).joinApproval, true);

    const asked = await call(t(), mei!, 'POST', '/api/conversations/join', { token: group.token });
    assert.equal(asked.statusCode, 200, asked.body);
    assert.equal((asked.json() as JoinResult).pending, true);
    assert.equal((await call(t(), mei!, 'GET', base)).statusCode, 404, 'not a member yet');
    const mine = (await call(t(), mei!, 'GET', '/api/conversations/join-requests')).json();
    assert.deepEqual(
      mine.requests.map((r: { conversationId: string }) => r.conversationId),
      [group.id],
    );
    await call(t(), mei!, 'POST', '/api/conversations/join', { token: group.token });
    const ownerEvents = await eventTypes(t(), owner!);
    assert.equal(ownerEvents.filter((e) => e === 'join.requested').length, 1, 'asking twice: one');
    assert.ok((await eventTypes(t(), admin!)).includes('join.requested'));
    await call(t(), wei!, 'POST', '/api/conversations/join', { token: group.token });

    const listed = (await call(t(), admin!, 'GET', `${base}/join-requests`)).json();
    assert.deepEqual(
      listed.requests.map((r: { userId: string }) => r.userId).sort(),
      [mei!.userId, wei!.userId].sort(),
    );
    const approved = await call(
      t(),
      admin!,
      'POST',
      `${base}/join-requests/${mei!.userId}/approve`,
    );
    assert.equal(approved.statusCode, 204, approved.body);
    assert.equal((await call(t(), mei!, 'GET', base)).statusCode, 200);
    assert.ok((await eventTypes(t(), mei!)).includes('member.joined'));
    // The member limit (3) still applies on approval.
    const full = await call(t(), owner!, 'POST', `${base}/join-requests/${wei!.userId}/approve`);
    assert.equal(full.statusCode, 409);
    const declined = await call(t(), owner!, 'DELETE', `${base}/join-requests/${wei!.userId}`);
    assert.equal(declined.statusCode, 204);
    assert.ok((await eventTypes(t(), wei!)).includes('join.declined'));
    const again = await call(t(), owner!, 'DELETE', `${base}/join-requests/${wei!.userId}`);
    assert.equal(again.statusCode, 404, 'no such request any more');
  });

  it('keeps join requests and the setting to owners and admins (403), members of the group (404)', async () => {
    const [owner, member, applicant, outsider] = await people(t(), 4);
    const group = await groupWith(t(), owner!, [member!]);
    const base = `/api/conversations/${group.id}`;
    assert.equal(
      errorId(await call(t(), member!, 'PATCH', base, { joinApproval: true })),
      'forbidden',
    );
    await call(t(), owner!, 'PATCH', base, { joinApproval: true });
    await call(t(), applicant!, 'POST', '/api/conversations/join', { token: group.token });
    const approve = `${base}/join-requests/${applicant!.userId}/approve`;
    for (const [who, expected] of [
      [member, 403],
      [outsider, 404],
    ] as const) {
      assert.equal((await call(t(), who!, 'GET', `${base}/join-requests`)).statusCode, expected);
      assert.equal((await call(t(), who!, 'POST', approve)).statusCode, expected);
      const decline = `${base}/join-requests/${applicant!.userId}`;
      assert.equal((await call(t(), who!, 'DELETE', decline)).statusCode, expected);
      assert.equal((await call(t(), who!, 'GET', `${base}/invite.svg`)).statusCode, expected);
    }
    for (const url of [
      `${base}/join-requests`,
      '/api/conversations/join-requests',
      `${base}/invite.svg`,
    ]) {
      assert.equal((await t().request({ method: 'GET', url })).statusCode, 401);
    }
    assert.equal((await t().request({ method: 'POST', url: approve })).statusCode, 401);
    const decline = `${base}/join-requests/${applicant!.userId}`;
    assert.equal((await t().request({ method: 'DELETE', url: decline })).statusCode, 401);
    const badParams = await call(t(), owner!, 'POST', `${base}/join-requests/nope/approve`);
    assert.equal(badParams.statusCode, 400);
    // Switching it off lets the next person straight in.
    await call(t(), owner!, 'PATCH', base, { joinApproval: false });
    const joined = await call(t(), applicant!, 'POST', '/api/conversations/join', {
      token: group.token,
    });
    assert.equal((joined.json() as JoinResult).pending, false);
    const left = (await call(t(), applicant!, 'GET', '/api/conversations/join-requests')).json();
    assert.deepEqual(left.requests, [], 'the moot request is gone');
  });

  it('renders the invite link as a QR code for a fresh or a given token', async () => {
    const [owner] = await people(t(), 1);
    const group = await groupWith(t(), owner!);
    const base = `/api/conversations/${group.id}`;
    const fresh = await call(t(), owner!, 'GET', `${base}/invite.svg`);
    assert.equal(fresh.statusCode, 200, fresh.body);
    assert.match(fresh.headers['content-type'] as string, /^image\/svg\+xml/);
    assert.match(fresh.body, /^<svg/);
    const given = await call(
      t(),
      owner!,
      'GET',
      `${base}/invite.svg?token=${encodeURIComponent(group.token)}`,
    );
    assert.equal(given.statusCode, 200);
    const other = await groupWith(t(), owner!);
    const wrong = await call(
      t(),
      owner!,
      'GET',
      `${base}/invite.svg?token=${encodeURIComponent(other.token)}`,
    );
    assert.equal(errorId(wrong), 'token_invalid');
  });

  it('starts a new member with nothing unread and leaves them out of older receipts', async () => {
    const [owner, mei] = await people(t(), 2);
    const group = await groupWith(t(), owner!);
    const old = await send(t(), owner!, group.id, 'before Mei');
    const invite = await call(t(), owner!, 'POST', `/api/conversations/${group.id}/invites`, {});
    await call(t(), mei!, 'POST', '/api/conversations/join', { token: invite.json().token });
    const seen = (
      await call(t(), mei!, 'GET', `/api/conversations/${group.id}`)
    ).json() as Conversation;
    assert.deepEqual([seen.unread, seen.readSeq], [0, old.seq]);
    const receipts = (
      await call(t(), owner!, 'GET', `/api/conversations/${group.id}/messages/${old.seq}/receipts`)
    ).json() as Receipts;
    assert.deepEqual([receipts.readCount, receipts.unreadCount], [0, 0]);
    const next = await send(t(), owner!, group.id, 'after Mei');
    const later = (
      await call(t(), owner!, 'GET', `/api/conversations/${group.id}/messages/${next.seq}/receipts`)
    ).json() as Receipts;
    assert.deepEqual(later.unreadBy, [mei!.userId]);
  });
});
