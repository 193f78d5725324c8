import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../../../test/fake-fetch';
import { handRealtime, renderApp } from '../../../test/render-app';
import { chatRoutes, cid, me, peer, stored, unreadByPeer } from './conversation.fixtures';

const lunch = stored(1, '01900000-0000-7000-8000-0000000000f1', me, 'Lunch?');
const hello = stored(2, '01900000-0000-7000-8000-0000000000f2', peer, 'Hello there');

/** A one-to-one chat with my "Lunch?" (seq 1) and Wei's "Hello there" (seq 2). */
function recallServer(recall: { status: number; body: unknown }) {
  return fakeFetch({
    ...chatRoutes([lunch, hello]),
    [`GET /api/conversations/${cid}/messages/1/receipts`]: {
      body: { seq: 1, readCount: 1, unreadCount: 0, readBy: [peer], unreadBy: [], status: 'read' },
    },
    [`POST /api/conversations/${cid}/messages/1/recall`]: recall,
  });
}

const refused = (id: string, status: number, message: string) => ({
  status,
  body: { error: { id, message } },
});

describe('Recall', () => {
  it('recalls my own message, which becomes the placeholder without actions', async () => {
    const { fetch, sent } = recallServer({ status: 200, body: { ...lunch, recalled: true } });
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: 'Messages' });
    const mine = await within(log).findByRole('listitem', { name: 'Message from you' });
    await within(mine).findByText('Lunch?');
    const theirs = within(log).getByRole('listitem', { name: /^Message from (?!you)/ });
    expect(within(theirs).queryByRole('button', { name: 'Recall' })).toBeNull();

    await user.click(within(mine).getByRole('button', { name: 'Recall' }));
    expect(await within(mine).findByText('This message was recalled.')).toBeDefined();
    expect(within(mine).queryByText('Lunch?')).toBeNull();
    expect(within(mine).queryByRole('button')).toBeNull();
    expect(within(mine).queryByText('Read')).toBeNull();
    expect(within(log).getByText('Hello there')).toBeDefined();
    expect(sent.filter((r) => r.method === 'POST' && r.path.endsWith('/recall'))).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers no recall of my own message once its 24 hours have passed', async () => {
    const old = { ...lunch, createdAt: Date.UTC(2026, 11, 1, 8, 59) };
    const { fetch } = fakeFetch({
      ...chatRoutes([old]),
      [`GET /api/conversations/${cid}/messages/1/receipts`]: {
        body: unreadByPeer(1),
      },
    });
    renderApp(`/chats/${cid}`, fetch);
    const log = await screen.findByRole('log', { name: 'Messages' });
    const mine = await within(log).findByRole('listitem', { name: 'Message from you' });
    await within(mine).findByText('Unread');
    expect(within(mine).getByRole('button', { name: 'Reply' })).toBeDefined();
    expect(within(mine).queryByRole('button', { name: 'Recall' })).toBeNull();
  });

  it('says in words why the server refused a recall after the 24-hour window, and keeps the message', async () => {
    const { fetch } = recallServer(
      refused('forbidden', 403, 'The 24-hour recall window has passed.'),
    );
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: 'Messages' });
    const mine = await within(log).findByRole('listitem', { name: 'Message from you' });
    await user.click(await within(mine).findByRole('button', { name: 'Recall' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'It is too late to recall this message: a sender can recall only within 24 hours.',
    );
    expect(within(mine).getByText('Lunch?')).toBeDefined();
    expect(within(mine).queryByText('This message was recalled.')).toBeNull();
  });

  it('shows a refused recall in Chinese', async () => {
    const { fetch } = recallServer(refused('conflict', 409, 'Not now.'));
    renderApp(`/chats/${cid}`, fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: '消息记录' });
    const mine = await within(log).findByRole('listitem', { name: '来自 你 的消息' });
    await user.click(await within(mine).findByRole('button', { name: '撤回' }));
    expect((await screen.findByRole('alert')).textContent).toBe('当前无法执行此操作。');
    expect(within(mine).getByText('Lunch?')).toBeDefined();
  });

  it("turns Wei's message into the placeholder when its recall arrives live", async () => {
    const { fetch } = recallServer({ status: 500, body: null });
    const realtime = handRealtime();
    renderApp(`/chats/${cid}`, fetch, { realtime: realtime.factory });
    const log = await screen.findByRole('log', { name: 'Messages' });
    const theirs = await within(log).findByRole('listitem', { name: /^Message from (?!you)/ });
    await within(theirs).findByText('Hello there');
    const { send } = realtime;
    await realtime.goOnline();
    send({
      type: 'event',
      event: {
        cursor: 10,
        type: 'message.recalled',
        payload: { conversationId: cid, seq: 2, recalledBy: peer },
        createdAt: Date.UTC(2026, 11, 2, 9),
      },
    });
    expect(await within(theirs).findByText('This message was recalled.')).toBeDefined();
    expect(within(theirs).queryByText('Hello there')).toBeNull();
    expect(within(theirs).queryByRole('button', { name: 'Reply' })).toBeNull();
    const mine = within(log).getByRole('listitem', { name: 'Message from you' });
    expect(within(mine).getByText('Lunch?')).toBeDefined();
  });
});
