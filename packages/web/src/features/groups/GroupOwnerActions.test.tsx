import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../../test/render-app';
import { gid, ownerServer, wei } from './groups.fixtures';

/** Opens the group page as its owner and waits for the members. */
async function openAsOwner(fetch: typeof globalThis.fetch, languages?: string[]) {
  renderApp(`/groups/${gid}`, fetch, languages ? { languages } : {});
  const user = userEvent.setup();
  await screen.findByRole('heading', { name: 'Platform team' }, { timeout: 5000 });
  return user;
}

/** The member list's entry for the person named `name`. */
const entryOf = (list: HTMLElement, name: string) => {
  const entry = within(list)
    .getAllByRole('listitem')
    .find((item) => within(item).queryByText(name));
  if (!entry) throw new Error(`${name} is not listed`);
  return entry;
};
const names = (list: HTMLElement) =>
  ['Mei (you)', 'Wei', 'Lin'].filter((name) => within(list).queryByText(name));

describe('Group owner actions', () => {
  it('dissolves the group only after the confirmation, and returns to my groups without it', async () => {
    const { fetch, sent } = ownerServer();
    const user = await openAsOwner(fetch);
    const dissolves = () => sent.filter((r) => r.method === 'DELETE' && r.path.endsWith(gid));

    await user.click(screen.getByRole('button', { name: 'Dissolve the group' }));
    const confirm = screen.getByRole('group', {
      name: 'Dissolve this group for everyone? This cannot be undone.',
    });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /Dissolve this group/ })).toBeNull();
    expect(dissolves()).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Dissolve the group' }));
    await user.click(screen.getByRole('button', { name: 'Yes, dissolve' }));
    expect(await screen.findByText('You are in no group yet.')).toBeDefined();
    expect(within(screen.getByRole('list', { name: 'My groups' })).queryByRole('link')).toBeNull();
    expect(dissolves()).toHaveLength(1);
  });

  it('removes a member, who leaves the list', async () => {
    const { fetch, sent } = ownerServer();
    const user = await openAsOwner(fetch);
    const list = screen.getByRole('list', { name: 'Members' });
    await waitFor(() => expect(names(list)).toEqual(['Mei (you)', 'Wei', 'Lin']));
    await user.click(within(list).getByRole('button', { name: 'Remove Wei from the group' }));
    await waitFor(() => expect(names(list)).toEqual(['Mei (you)', 'Lin']));
    expect(screen.getByRole('heading', { name: '2 members' })).toBeDefined();
    expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      `/api/conversations/${gid}/members/${wei}`,
    ]);
  });

  it('hands the group to Wei: he becomes owner, I become admin and may only leave', async () => {
    const { fetch, sent } = ownerServer();
    const user = await openAsOwner(fetch);
    const list = screen.getByRole('list', { name: 'Members' });
    await user.click(await within(list).findByRole('button', { name: 'Make owner: Wei' }));
    // It asks first: Cancel hands nothing over.
    await user.click(within(list).getByRole('button', { name: 'Cancel' }));
    expect(sent.some((r) => r.path.endsWith('/transfer'))).toBe(false);
    await user.click(within(list).getByRole('button', { name: 'Make owner: Wei' }));
    expect(
      within(list).getByRole('group', {
        name: 'Make Wei the owner? You become an admin, and only the new owner can give it back.',
      }),
    ).toBeDefined();
    await user.click(within(list).getByRole('button', { name: 'Yes, make owner' }));
    expect(await screen.findByRole('button', { name: 'Leave the group' })).toBeDefined();
    expect(sent.find((r) => r.path.endsWith('/transfer'))?.body).toEqual({ userId: wei });
    expect(within(entryOf(list, 'Wei')).getByText('Owner')).toBeDefined();
    expect(within(entryOf(list, 'Mei (you)')).getByText('Admin')).toBeDefined();
    expect(within(list).queryByRole('button', { name: /^Make owner/ })).toBeNull();
    expect(within(list).queryByRole('button', { name: 'Remove Wei from the group' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Dissolve the group' })).toBeNull();
  });

  it('shows a refused removal as an alert and keeps the member', async () => {
    const { fetch } = ownerServer({ remove: { status: 403, id: 'forbidden' } });
    const user = await openAsOwner(fetch);
    const list = screen.getByRole('list', { name: 'Members' });
    await user.click(
      await within(list).findByRole('button', { name: 'Remove Wei from the group' }),
    );
    expect((await screen.findByRole('alert')).textContent).toBe('You are not allowed to do that.');
    expect(names(list)).toEqual(['Mei (you)', 'Wei', 'Lin']);
  });

  it('shows a refused hand-over and a refused dissolve in Chinese, staying on the group', async () => {
    const { fetch } = ownerServer({
      transfer: { status: 409, id: 'conflict' },
      dissolve: { status: 403, id: 'forbidden' },
    });
    const user = await openAsOwner(fetch, ['zh-CN']);
    const list = screen.getByRole('list', { name: '成员' });
    await user.click(await within(list).findByRole('button', { name: '转让群主：Wei' }));
    await user.click(within(list).getByRole('button', { name: '确定转让' }));
    expect((await screen.findByRole('alert')).textContent).toBe('当前无法执行此操作。');
    expect(within(entryOf(list, 'Wei')).getByText('成员')).toBeDefined();

    await user.click(screen.getByRole('button', { name: '解散群组' }));
    await user.click(screen.getByRole('button', { name: '确定解散' }));
    const actions = screen.getByRole('region', { name: '仅对我' });
    expect((await within(actions).findByRole('alert')).textContent).toBe('你没有权限执行此操作。');
    expect(screen.getByRole('heading', { name: 'Platform team' })).toBeDefined();
  });
});
