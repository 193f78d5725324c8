import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { handRealtime, renderApp } from '../../../test/render-app';
import {
  chatRoutes,
  cid,
  conversation,
  me,
  peer,
  stored,
  unreadByPeer,
} from './conversation.fixtures';

describe('ConversationPage', () => {
  it('shows the history, marks it read, and retries a failed send with the same client id once', async () => {
    const posted: string[] = [];
    let failNext = true;
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(me),
      'GET /api/conversations': { body: { conversations: [conversation] } },
      [`GET /api/conversations/${cid}/members`]: {
        body: {
          members: [
            { userId: me, role: 'member', joinedAt: 1 },
            { userId: peer, role: 'member', joinedAt: 1 },
          ],
        },
      },
      [`GET /api/users/${peer}/profile`]: {
        body: { userId: peer, nickname: 'Wei', avatarUrl: null },
      },
      [`GET /api/conversations/${cid}/messages`]: {
        body: {
          messages: [stored(1, '01900000-0000-7000-8000-0000000000f1', peer, 'Hello there')],
        },
      },
      [`POST /api/conversations/${cid}/read`]: { body: { readSeq: 1 } },
      [`GET /api/conversations/${cid}/messages/2/receipts`]: {
        body: unreadByPeer(2),
      },
      [`POST /api/conversations/${cid}/messages`]: (request) => {
        const { clientId, text } = request.body as { clientId: string; text: string };
        posted.push(clientId);
        if (failNext) {
          failNext = false;
          return { status: 503, body: { error: { id: 'unavailable', message: 'try later' } } };
        }
        return { status: 201, body: stored(2, clientId, me, text) };
      },
    });
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: 'Messages' });
    expect(await within(log).findByText('Hello there')).toBeDefined();
    expect(await screen.findByRole('heading', { name: 'Wei' })).toBeDefined();
    expect(
      sent.some((r) => r.path.endsWith('/read') && (r.body as { seq: number }).seq === 1),
    ).toBe(true);

    await user.type(screen.getByRole('textbox', { name: 'Message' }), 'Lunch?{Enter}');
    expect(await within(log).findByText('Not sent.')).toBeDefined();
    expect(within(log).getByText('Lunch?')).toBeDefined();
    await user.click(within(log).getByRole('button', { name: 'Retry' }));
    expect(await within(log).findByText('Unread')).toBeDefined();
    expect(within(log).getAllByText('Lunch?')).toHaveLength(1);
    expect(posted).toHaveLength(2);
    expect(posted[0]).toBe(posted[1]);
  });

  it('mentions a member picked after @ and sends the reply to a message', async () => {
    const group = { ...conversation, kind: 'group', name: 'Platform team', peerId: null };
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(me),
      'GET /api/conversations': { body: { conversations: [group] } },
      [`GET /api/conversations/${cid}/members`]: {
        body: {
          members: [
            { userId: me, role: 'member', joinedAt: 1 },
            { userId: peer, role: 'member', joinedAt: 1 },
          ],
        },
      },
      [`GET /api/users/${peer}/profile`]: {
        body: { userId: peer, nickname: 'Wei', avatarUrl: null },
      },
      [`GET /api/conversations/${cid}/messages`]: {
        body: { messages: [stored(1, '01900000-0000-7000-8000-0000000000f1', peer, 'Ship it?')] },
      },
      [`POST /api/conversations/${cid}/read`]: { body: { readSeq: 1 } },
      [`POST /api/conversations/${cid}/messages`]: (request) => {
        const { clientId, text } = request.body as { clientId: string; text: string };
        return {
          status: 201,
          body: { ...stored(2, clientId, me, text), replyTo: 1, mentions: [peer] },
        };
      },
    });
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: 'Messages' });
    await within(log).findByText('Ship it?');
    await user.click(within(log).getByRole('button', { name: 'Reply' }));
    expect(screen.getByText('Replying to Wei')).toBeDefined();
    const box = screen.getByRole('textbox', { name: 'Message' });
    await user.type(box, '@W');
    await user.click(await screen.findByRole('button', { name: 'Mention Wei' }));
    await user.type(box, 'yes{Enter}');
    expect(await within(log).findByText('@Wei', { selector: 'mark' })).toBeDefined();
    const body = sent.find((r) => r.method === 'POST' && r.path.endsWith('/messages'))!.body;
    expect(body).toMatchObject({ text: '@Wei yes', mentions: [peer], replyTo: 1 });
  });
  it('shows a colleague chat the other person left as a read-only record, with no composer', async () => {
    const work = {
      ...conversation,
      organizationId: '01900000-0000-7000-8000-0000000000c1',
      ended: true,
    };
    const { fetch } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(me),
      'GET /api/conversations': { body: { conversations: [work] } },
      [`GET /api/conversations/${cid}/members`]: { body: { members: [] } },
      [`GET /api/users/${peer}/profile`]: {
        body: { userId: peer, nickname: 'Wei', avatarUrl: null },
      },
      [`GET /api/conversations/${cid}/messages`]: {
        body: { messages: [stored(1, '01900000-0000-7000-8000-0000000000f1', peer, 'Bye all')] },
      },
      [`POST /api/conversations/${cid}/read`]: { body: { readSeq: 1 } },
    });
    renderApp(`/chats/${cid}`, fetch);
    expect(await screen.findByText('Bye all')).toBeDefined();
    expect(
      await screen.findByText(
        'This colleague has left the organization. The chat stays as a read-only record.',
      ),
    ).toBeDefined();
    expect(screen.queryByRole('textbox', { name: 'Message' })).toBeNull();
    const list = screen.getByRole('list', { name: 'Conversations' });
    expect(within(list).getByRole('link', { name: /Wei.*Work/ })).toBeDefined();
  });
  it('shows a read heard while its receipts were still on their way', async () => {
    let answer: (reply: { body: unknown }) => void = () => undefined;
    const { fetch } = fakeFetch({
      ...chatRoutes([stored(1, '01900000-0000-7000-8000-0000000000f1', me, 'Lunch?')]),
      // The server reads the receipts before Wei reads; the answer comes after the live event.
      [`GET /api/conversations/${cid}/messages/1/receipts`]: () =>
        new Promise((resolve) => (answer = resolve)),
    });
    const realtime = handRealtime();
    renderApp(`/chats/${cid}`, fetch, { realtime: realtime.factory });
    const log = await screen.findByRole('log', { name: 'Messages' });
    await within(log).findByText('Lunch?');
    const { send } = realtime;
    await realtime.goOnline();
    send({
      type: 'event',
      event: {
        cursor: 10,
        type: 'receipt.updated',
        payload: { conversationId: cid, userId: peer, readSeq: 1 },
        createdAt: Date.UTC(2026, 11, 2, 9),
      },
    });
    await act(async () =>
      answer({
        body: unreadByPeer(1),
      }),
    );
    expect(await within(log).findByText('Read')).toBeDefined();
    expect(within(log).queryByText('Unread')).toBeNull();
  });
});
