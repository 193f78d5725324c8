import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, conversationOf, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';

const group = (id: string, name: string, unread: number) =>
  conversationOf({
    id,
    kind: 'group',
    name,
    role: 'owner',
    memberCount: 3,
    lastSeq: 5,
    lastActivityAt: Date.UTC(2026, 11, 2, 8),
    readSeq: 5 - unread,
    unread,
  });

describe('ChatList', () => {
  it('shows unread counts, filters by the search box, and pins for me only', async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/conversations': {
        body: {
          conversations: [
            group('01900000-0000-7000-8000-0000000000c1', 'Platform team', 3),
            group('01900000-0000-7000-8000-0000000000c2', 'Lunch club', 0),
          ],
        },
      },
      'PUT /api/conversations/01900000-0000-7000-8000-0000000000c2/settings': { status: 204 },
    });
    renderApp('/chats', fetch);
    const user = userEvent.setup();
    const list = await screen.findByRole('list', { name: 'Conversations' });
    expect(await within(list).findByLabelText('3 unread messages')).toBeDefined();
    await user.type(screen.getByRole('searchbox', { name: 'Search chats' }), 'lunch');
    expect(within(list).queryByRole('link', { name: /Platform team/ })).toBeNull();
    const pin = within(list).getByRole('button', { name: 'Pin Lunch club' });
    expect(pin).toHaveProperty('ariaPressed', 'false');
    await user.click(pin);
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({ pinned: true });
  });

  it('mutes a chat, and says why when the server refuses, showing its state again', async () => {
    const cid = '01900000-0000-7000-8000-0000000000c1';
    let muted = false;
    let refuse = false;
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/conversations': () => ({
        body: { conversations: [{ ...group(cid, 'Platform team', 0), muted }] },
      }),
      [`PUT /api/conversations/${cid}/settings`]: (request) => {
        if (refuse)
          return {
            status: 503,
            body: { error: { id: 'unavailable', message: 'The server is busy; try again.' } },
          };
        muted = (request.body as { muted: boolean }).muted;
        return { status: 204 };
      },
    });
    renderApp('/chats', fetch);
    const user = userEvent.setup();
    const list = await screen.findByRole('list', { name: 'Conversations' });
    const mute = await within(list).findByRole('button', { name: 'Mute Platform team' });
    await user.click(mute);
    await waitFor(() => expect(mute).toHaveProperty('ariaPressed', 'true'));
    expect(sent.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ muted: true }]);
    expect(within(list).queryByRole('alert')).toBeNull();

    refuse = true;
    await user.click(mute);
    expect((await within(list).findByRole('alert')).textContent).toBe(
      'The server is busy; try again.',
    );
    await waitFor(() => expect(mute).toHaveProperty('ariaPressed', 'true'));
  });
});
