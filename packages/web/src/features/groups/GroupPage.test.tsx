import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health, profile } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { gid, group, me, wei } from './groups.fixtures';

function groupServer(role: 'owner' | 'admin' | 'member' = 'owner') {
  const state = {
    weiRole: 'member',
    joinApproval: false,
    announcement: null as string | null,
    left: false,
  };
  const routes = {
    'GET /api/health': health(),
    'GET /api/account': account(me),
    [`GET /api/users/${me}/profile`]: profile(me, 'Mei'),
    [`GET /api/users/${wei}/profile`]: profile(wei, 'Wei'),
    'GET /api/conversations': () => ({
      body: { conversations: state.left ? [] : [group({ role })] },
    }),
    [`POST /api/conversations/${gid}/leave`]: () => {
      state.left = true;
      return { status: 204 };
    },
    [`GET /api/conversations/${gid}`]: () => ({
      body: group({ role, joinApproval: state.joinApproval, announcement: state.announcement }),
    }),
    [`GET /api/conversations/${gid}/members`]: () => ({
      body: {
        members: [
          { userId: me, role, joinedAt: 1 },
          { userId: wei, role: state.weiRole, joinedAt: 2 },
        ],
      },
    }),
    [`PUT /api/conversations/${gid}/members/${wei}/role`]: (r: { body: unknown }) => {
      state.weiRole = (r.body as { role: string }).role;
      return { status: 204 };
    },
    [`PATCH /api/conversations/${gid}`]: (r: { body: unknown }) => {
      Object.assign(state, r.body);
      return { body: group({ role, ...state }) };
    },
    [`POST /api/conversations/${gid}/invites`]: {
      status: 201,
      body: {
        token: 'invite-token-123',
        url: 'carillon://conversations/join?token=x',
        expiresAt: 9,
      },
    },
    [`GET /api/conversations/${gid}/join-requests`]: {
      body: { requests: [{ conversationId: gid, userId: wei, requestedAt: 5 }] },
    },
  };
  return { state, ...fakeFetch(routes) };
}

describe('GroupPage', () => {
  it('lets the owner make a member an admin, with the role shown after the change', async () => {
    const { fetch, sent } = groupServer();
    renderApp(`/groups/${gid}`, fetch);
    const user = userEvent.setup();
    // The first render of a test file is slow on a busy machine: wait longer for it.
    await screen.findByRole('heading', { name: 'Platform team' }, { timeout: 5000 });
    await user.click(await screen.findByRole('button', { name: 'Make admin: Wei' }));
    expect(await screen.findByRole('button', { name: 'Remove admin: Wei' })).toBeDefined();
    const list = screen.getByRole('list', { name: 'Members' });
    expect(within(list).getByText('Admin')).toBeDefined();
    expect(sent.find((r) => r.method === 'PUT')?.body).toEqual({ role: 'admin' });
  });

  it('makes an invite link with its QR code, and turns join approval on to show the requests', async () => {
    const { fetch, sent } = groupServer();
    renderApp(`/groups/${gid}`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Create an invite link' }));
    const link = (await screen.findByLabelText('Invite link')) as HTMLInputElement;
    expect(link.value).toMatch(/\/groups\/join\?token=invite-token-123$/);
    const qr = screen.getByRole('img', { name: 'QR code of the invite link' }) as HTMLImageElement;
    expect(qr.getAttribute('src')).toBe(
      `/api/conversations/${gid}/invite.svg?token=invite-token-123`,
    );

    await user.click(screen.getByRole('switch', { name: 'New members need approval' }));
    expect(await screen.findByRole('button', { name: 'Approve Wei' })).toBeDefined();
    expect(sent.find((r) => r.method === 'PATCH')?.body).toEqual({ joinApproval: true });
  });

  it('shows a plain member the announcement, no role buttons, and a leave that asks first and drops the group from mine', async () => {
    const { fetch, state } = groupServer('member');
    state.announcement = 'Stand-up at nine';
    renderApp('/groups', fetch);
    const user = userEvent.setup();
    const mine = await screen.findByRole('list', { name: 'My groups' });
    await user.click(await within(mine).findByRole('link', { name: 'Platform team' }));
    expect(await screen.findByText('Stand-up at nine')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Make admin: Wei' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Dissolve the group' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Leave the group' }));
    await user.click(screen.getByRole('button', { name: 'Yes, leave' }));
    expect(await screen.findByText('You are in no group yet.')).toBeDefined();
    expect(within(screen.getByRole('list', { name: 'My groups' })).queryByRole('link')).toBeNull();
  });
});

describe('GroupsPage', () => {
  it("lists my groups from the app's conversation list, read once for chats and groups", async () => {
    const { fetch, sent } = groupServer();
    renderApp('/chats', fetch);
    const user = userEvent.setup();
    const chats = await screen.findByRole('list', { name: 'Conversations' });
    expect(await within(chats).findByRole('link', { name: /Platform team/ })).toBeDefined();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Groups' }));
    const mine = await screen.findByRole('list', { name: 'My groups' });
    expect(within(mine).getByRole('link', { name: 'Platform team' })).toBeDefined();
    await user.click(within(nav).getByRole('link', { name: 'Chats' }));
    expect(await screen.findByRole('link', { name: /Platform team/ })).toBeDefined();
    const listReads = sent.filter((r) => r.method === 'GET' && r.path === '/api/conversations');
    expect(listReads).toHaveLength(1);
  });
});

describe('JoinGroupPage', () => {
  it('joins on a press and says when the group waits for approval', async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(me),
      'POST /api/conversations/join': {
        body: { pending: true, conversationId: gid, userId: me, requestedAt: 1 },
      },
    });
    renderApp('/groups/join?token=invite-token-123', fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Join the group' }));
    expect(await screen.findByText(/request to join has been sent/)).toBeDefined();
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({ token: 'invite-token-123' });
  });
});
