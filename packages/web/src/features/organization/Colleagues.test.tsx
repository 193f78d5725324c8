import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, conversationOf, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { me, member, org, orgBasics, zhang } from './org.fixtures';

const chat = '01900000-0000-7000-8000-0000000000cc';
/** The work chat with 张三 the server answers: owned by the organization. */
const workChat = conversationOf({ id: chat, peerId: zhang, organizationId: org });
const disabled = {
  status: 403,
  body: {
    error: {
      id: 'feature_disabled',
      message: 'Your organization has turned off directory search.',
      details: { app: 'directory_search' },
    },
  },
};

function server(myRole = 'member', routes: Parameters<typeof fakeFetch>[0] = {}) {
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    ...orgBasics(myRole),
    [`GET /api/organizations/${org}/members/${zhang}`]: { body: member(zhang, '张三') },
    [`GET /api/organizations/${org}/members/${me}`]: { body: member(me, 'Mei') },
    'GET /api/conversations': { body: { conversations: [] } },
    ...routes,
  });
}

describe('colleagues in the directory', () => {
  it('opens the work chat with a colleague from their card, in the organization', async () => {
    const { fetch, sent } = server('member', {
      'POST /api/conversations/direct': { body: workChat },
    });
    const { router } = renderApp(`/org/${org}`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '张三' }));
    const card = await screen.findByRole('article', { name: '张三' });
    await user.click(within(card).getByRole('button', { name: 'Message 张三' }));
    const opened = sent.find((r) => r.path === '/api/conversations/direct');
    expect(opened?.body).toEqual({ userId: zhang, organizationId: org });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/chats/${chat}`));
  });

  it('offers no "Message" on my own card', async () => {
    const { fetch } = server();
    renderApp(`/org/${org}`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Mei' }));
    const card = await screen.findByRole('article', { name: 'Mei' });
    expect(within(card).queryByRole('button', { name: /^Message/ })).toBeNull();
  });

  it('leaves the organization after asking, with my own id, and returns to my organizations', async () => {
    const { fetch, sent } = server('member', {
      [`DELETE /api/organizations/${org}/members/${me}`]: { status: 204 },
    });
    const { router } = renderApp(`/org/${org}`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Leave the organization' }));
    expect(sent.some((r) => r.method === 'DELETE')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Yes, leave' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/org'));
    expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      `/api/organizations/${org}/members/${me}`,
    ]);
  });

  it('offers the main administrator no way to leave (the role is handed over first)', async () => {
    const { fetch } = server('main_admin');
    renderApp(`/org/${org}`, fetch);
    await screen.findByRole('heading', { name: 'Harbour Works' });
    expect(screen.queryByRole('button', { name: 'Leave the organization' })).toBeNull();
  });

  it('says so in Chinese when the organization turned directory search off; browsing stays', async () => {
    const { fetch } = server('member', {
      [`GET /api/organizations/${org}/members`]: (request) =>
        request.query.q
          ? disabled
          : { body: { members: [member(zhang, '张三')], nextOffset: null } },
    });
    renderApp(`/org/${org}`, fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    await screen.findByRole('button', { name: '张三' });
    await user.type(screen.getByRole('searchbox'), 'zs');
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      '你的组织已关闭此功能。',
    );
  });
});
