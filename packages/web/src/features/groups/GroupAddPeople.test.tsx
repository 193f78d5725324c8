import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { gid, group, me, wei } from './groups.fixtures';

const ann = '01900000-0000-7000-8000-00000000000a';
const bob = '01900000-0000-7000-8000-00000000000b';
/** Mei is a plain member here. */
const myGroup = () => group({ role: 'member' });
const profile = (userId: string, nickname: string) => ({ userId, nickname, avatarUrl: null });

/** A group of Mei (a plain member) and Wei; Mei's friends are Wei, Ann and Bob. */
function addServer(answer: { status?: number; body: unknown }) {
  const members = [
    { userId: me, role: 'member', joinedAt: 1 },
    { userId: wei, role: 'owner', joinedAt: 2 },
  ];
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    [`GET /api/users/${me}/profile`]: { body: profile(me, 'Mei') },
    [`GET /api/users/${wei}/profile`]: { body: profile(wei, 'Wei') },
    'GET /api/conversations': { body: { conversations: [myGroup()] } },
    [`GET /api/conversations/${gid}`]: { body: myGroup() },
    [`GET /api/conversations/${gid}/members`]: () => ({ body: { members } }),
    'GET /api/contacts': {
      body: {
        contacts: [
          { profile: profile(wei, 'Wei'), since: 1 },
          { profile: profile(ann, 'Ann'), since: 1 },
          { profile: profile(bob, 'Bob'), since: 1 },
        ],
      },
    },
    [`POST /api/conversations/${gid}/members`]: answer,
  });
}

describe('GroupAddPeople', () => {
  it('lists friends not yet in the group, filters them, and says how many were added', async () => {
    const { fetch, sent } = addServer({
      body: { pending: false, added: [ann, bob], requested: [], skipped: [] },
    });
    renderApp(`/groups/${gid}`, fetch);
    const user = userEvent.setup();
    const list = await screen.findByRole(
      'list',
      { name: 'Friends not in the group' },
      { timeout: 5000 },
    );
    await within(list).findByRole('checkbox', { name: 'Ann' });
    expect(within(list).queryByRole('checkbox', { name: 'Wei' })).toBeNull();
    const add = screen.getByRole('button', { name: 'Add' });
    expect((add as HTMLButtonElement).disabled).toBe(true);

    await user.type(screen.getByRole('searchbox', { name: 'Search friends' }), 'bo');
    expect(within(list).queryByRole('checkbox', { name: 'Ann' })).toBeNull();
    await user.click(within(list).getByRole('checkbox', { name: 'Bob' }));
    await user.clear(screen.getByRole('searchbox', { name: 'Search friends' }));
    await user.click(within(list).getByRole('checkbox', { name: 'Ann' }));
    await user.click(add);

    expect(await screen.findByText('Added 2 people.')).toBeDefined();
    const posted = sent.find((r) => r.method === 'POST');
    expect(posted?.path).toBe(`/api/conversations/${gid}/members`);
    expect((posted?.body as { userIds: string[] }).userIds.sort()).toEqual([ann, bob].sort());
  });

  it('says when the choice went to the owner for approval', async () => {
    const { fetch } = addServer({
      body: { pending: true, added: [], requested: [ann], skipped: [] },
    });
    renderApp(`/groups/${gid}`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Ann' }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Sent to the owner for approval.')).toBeDefined();
  });

  it('shows a refusal in words, in Chinese', async () => {
    const { fetch } = addServer({
      status: 403,
      body: { error: { id: 'forbidden', message: 'You can add only your friends.' } },
    });
    renderApp(`/groups/${gid}`, fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Ann' }, { timeout: 5000 }));
    await user.click(screen.getByRole('button', { name: '添加' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      '只能添加你的好友，且双方之间没有拉黑。',
    );
  });
});
