import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { chatRoutes, cid, conversation, me, peer, stored } from './conversation.fixtures';

const gid = '01900000-0000-7000-8000-0000000000dd';
const team = {
  ...conversation,
  id: gid,
  kind: 'group' as const,
  name: 'Platform team',
  peerId: null,
};
const ended = {
  ...team,
  id: '01900000-0000-7000-8000-0000000000de',
  name: 'Old desk',
  ended: true,
};

describe('forwarding a message', () => {
  it('picks another of my chats, forwards with one client id across a retry, and says so', async () => {
    const forwards: Array<{ path: string; body: unknown }> = [];
    const { fetch } = fakeFetch({
      ...chatRoutes(
        [stored(1, '01900000-0000-7000-8000-0000000000f1', peer, 'Release at five')],
        [conversation, team, ended],
      ),
      [`POST /api/conversations/${gid}/forward`]: (request) => {
        forwards.push({ path: request.path, body: request.body });
        if (forwards.length === 1)
          return { status: 503, body: { error: { id: 'unavailable', message: 'Try later.' } } };
        const { clientId } = request.body as { clientId: string };
        return {
          status: 201,
          body: {
            ...stored(1, clientId, me, 'Release at five'),
            conversationId: gid,
            forwarded: true,
          },
        };
      },
    });
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: 'Messages' });
    await within(log).findByText('Release at five');
    const forward = within(log).getByRole('button', { name: 'Forward' });
    await user.click(forward);

    const dialog = screen.getByRole('dialog', { name: 'Forward to…' });
    // Neither this chat nor a read-only one is offered.
    expect(within(dialog).queryByRole('button', { name: 'Forward to Wei' })).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Forward to Old desk' })).toBeNull();
    const target = within(dialog).getByRole('button', { name: 'Forward to Platform team' });
    const search = within(dialog).getByRole('searchbox', { name: 'Search chats' });
    expect(document.activeElement).toBe(search);
    // Modal: Tab cycles inside the dialog.
    await user.tab();
    expect(document.activeElement).toBe(target);
    await user.tab();
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.tab();
    expect(document.activeElement).toBe(search);

    await user.click(target);
    expect(await within(dialog).findByRole('alert')).toBeDefined();
    await user.click(target);
    expect(await screen.findByText('Forwarded to Platform team.')).toBeDefined();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(forward);
    expect(forwards).toHaveLength(2);
    expect(forwards[0]!.body).toEqual(forwards[1]!.body);
    expect(forwards[0]!.body).toMatchObject({ from: { conversationId: cid, seq: 1 } });
  });

  it('narrows the chats to those whose name matches the search, and forwards to a match', async () => {
    const lunch = { ...team, id: '01900000-0000-7000-8000-0000000000a7', name: 'Lunch club' };
    const { fetch, sent } = fakeFetch({
      ...chatRoutes(
        [stored(1, '01900000-0000-7000-8000-0000000000f1', peer, 'Noodles?')],
        [conversation, team, lunch],
      ),
      [`POST /api/conversations/${lunch.id}/forward`]: (request) => ({
        status: 201,
        body: {
          ...stored(1, (request.body as { clientId: string }).clientId, me, 'Noodles?'),
          conversationId: lunch.id,
          forwarded: true,
        },
      }),
    });
    renderApp(`/chats/${cid}`, fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: '消息记录' });
    await user.click(await within(log).findByRole('button', { name: '转发' }));
    const dialog = screen.getByRole('dialog', { name: '转发到…' });
    const search = within(dialog).getByRole('searchbox', { name: '搜索会话' });
    const offered = () =>
      within(dialog)
        .getAllByRole('button', { name: /^转发到 / })
        .map((b) => b.textContent);

    await user.type(search, '  LUNCH ');
    expect(offered()).toEqual(['转发到 Lunch club']);
    await user.clear(search);
    await user.type(search, 'nobody');
    expect(within(dialog).getByText('没有符合搜索条件的会话。')).toBeDefined();
    expect(within(dialog).queryByRole('button', { name: /^转发到 / })).toBeNull();
    await user.clear(search);
    expect(offered()).toEqual(['转发到 Platform team', '转发到 Lunch club']);

    await user.type(search, 'club');
    await user.click(within(dialog).getByRole('button', { name: '转发到 Lunch club' }));
    expect(await screen.findByText('已转发到 Lunch club。')).toBeDefined();
    expect(sent.filter((r) => r.path.endsWith('/forward')).map((r) => r.path)).toEqual([
      `/api/conversations/${lunch.id}/forward`,
    ]);
  });

  it('closes with Escape without forwarding, and marks a forwarded copy as such', async () => {
    const forwarded = {
      ...stored(1, '01900000-0000-7000-8000-0000000000f1', peer, 'FYI'),
      forwarded: true,
    };
    const { fetch, sent } = fakeFetch(chatRoutes([forwarded], [conversation, team]));
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: 'Messages' });
    const item = await within(log).findByRole('listitem', { name: 'Message from Wei' });
    expect(within(item).getByText('Forwarded')).toBeDefined();
    await user.click(within(item).getByRole('button', { name: 'Forward' }));
    await screen.findByRole('dialog', { name: 'Forward to…' });
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent.some((r) => r.path.endsWith('/forward'))).toBe(false);
  });
});
