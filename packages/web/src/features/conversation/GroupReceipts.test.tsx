import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../test/fake-fetch';
import { handRealtime, renderApp } from '../../../test/render-app';
import { chatRoutes, cid, conversation, me, peer, stored } from './conversation.fixtures';

const lin = '01900000-0000-7000-8000-00000000000a';
const zhao = '01900000-0000-7000-8000-00000000000b';
const group = { ...conversation, kind: 'group' as const, name: 'Platform team', peerId: null };

/** The platform team, where Wei has read my "Ship it?" and Lin and Zhao have not. */
function receiptsServer() {
  return fakeFetch({
    ...chatRoutes([stored(1, '01900000-0000-7000-8000-0000000000f1', me, 'Ship it?')], [group]),
    [`GET /api/users/${lin}/profile`]: { body: { userId: lin, nickname: 'Lin', avatarUrl: null } },
    [`GET /api/users/${zhao}/profile`]: {
      body: { userId: zhao, nickname: 'Zhao', avatarUrl: null },
    },
    [`GET /api/conversations/${cid}/messages/1/receipts`]: {
      body: { seq: 1, readCount: 1, unreadCount: 2, readBy: [peer], unreadBy: [lin, zhao] },
    },
  });
}

const names = (list: HTMLElement) =>
  within(list)
    .queryAllByRole('listitem')
    .map((item) => item.textContent);

describe('Group read receipts', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows how many have read my message, and who has and has not when opened', async () => {
    const errors = vi.spyOn(console, 'error');
    const { fetch } = receiptsServer();
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    const mine = await screen.findByRole('listitem', { name: 'Message from you' });
    const count = await within(mine).findByRole('button', { name: '1 read' });
    expect(count.getAttribute('aria-expanded')).toBe('false');
    expect(within(mine).queryByRole('list')).toBeNull();

    await user.click(count);
    expect(count.getAttribute('aria-expanded')).toBe('true');
    const readBy = within(mine).getByRole('list', { name: 'Read by' });
    const unreadBy = within(mine).getByRole('list', { name: 'Not read yet' });
    await waitFor(() => expect(names(unreadBy)).toEqual(['Lin', 'Zhao']));
    expect(names(readBy)).toEqual(['Wei']);

    await user.click(count);
    expect(within(mine).queryByRole('list', { name: 'Read by' })).toBeNull();
    // The lists are valid HTML where they sit (React reports bad nesting as an error).
    expect(errors).not.toHaveBeenCalled();
  });

  it('moves the count and the lists along as members read, live', async () => {
    const { fetch } = receiptsServer();
    const realtime = handRealtime();
    renderApp(`/chats/${cid}`, fetch, { realtime: realtime.factory });
    const user = userEvent.setup();
    const mine = await screen.findByRole('listitem', { name: 'Message from you' });
    await user.click(await within(mine).findByRole('button', { name: '1 read' }));
    const { send } = realtime;
    await realtime.goOnline();
    const read = (cursor: number, userId: string, readSeq: number) =>
      send({
        type: 'event',
        event: {
          cursor,
          type: 'receipt.updated',
          payload: { conversationId: cid, userId, readSeq },
          createdAt: Date.UTC(2026, 11, 2, 9),
        },
      });

    read(10, lin, 1);
    expect(within(mine).getByRole('button', { name: '2 read' })).toBeDefined();
    expect(names(within(mine).getByRole('list', { name: 'Read by' }))).toEqual(['Wei', 'Lin']);
    expect(names(within(mine).getByRole('list', { name: 'Not read yet' }))).toEqual(['Zhao']);

    // A read position before this message changes nothing.
    read(11, zhao, 0);
    expect(within(mine).getByRole('button', { name: '2 read' })).toBeDefined();

    read(12, zhao, 1);
    expect(within(mine).getByRole('button', { name: 'All read' })).toBeDefined();
    expect(within(mine).queryAllByRole('listitem')).toHaveLength(3);
  });

  it('counts in Chinese', async () => {
    const { fetch } = receiptsServer();
    renderApp(`/chats/${cid}`, fetch, { languages: ['zh-CN'] });
    const mine = await screen.findByRole('listitem', { name: '来自 你 的消息' });
    expect(await within(mine).findByRole('button', { name: '1 人已读' })).toBeDefined();
  });
});
