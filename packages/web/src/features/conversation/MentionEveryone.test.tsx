import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { chatRoutes, cid, conversation, me, peer, stored } from './conversation.fixtures';

const group = (role: 'owner' | 'admin' | 'member') => ({
  ...conversation,
  kind: 'group' as const,
  name: 'Platform team',
  peerId: null,
  role,
});

function chat(role: 'owner' | 'admin' | 'member') {
  return fakeFetch({
    ...chatRoutes(
      [stored(1, '01900000-0000-7000-8000-0000000000f1', peer, 'Ship it?')],
      [group(role)],
    ),
    [`POST /api/conversations/${cid}/messages`]: (request) => {
      const { clientId, text, mentionAll } = request.body as {
        clientId: string;
        text: string;
        mentionAll: boolean;
      };
      return { status: 201, body: { ...stored(2, clientId, me, text), mentionAll } };
    },
  });
}

describe('@everyone in a group', () => {
  it('lets an admin mention everyone in their own language, and marks it in the message', async () => {
    const { fetch, sent } = chat('admin');
    renderApp(`/chats/${cid}`, fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    const log = await screen.findByRole('log', { name: '消息记录' });
    await within(log).findByText('Ship it?');
    const box = screen.getByRole('textbox', { name: '消息' });
    await user.type(box, '@所');
    await user.click(await screen.findByRole('button', { name: '群内所有人' }));
    expect(screen.queryByRole('button', { name: '提及 Wei' })).toBeNull();
    await user.type(box, '下午三点开会{Enter}');

    expect(await within(log).findByText('@所有人', { selector: 'mark' })).toBeDefined();
    const body = sent.find((r) => r.method === 'POST' && r.path.endsWith('/messages'))!.body;
    expect(body).toMatchObject({ text: '@所有人 下午三点开会', mentions: [], mentionAll: true });
  });

  it('sends no @everyone once its word is deleted from the text', async () => {
    const { fetch, sent } = chat('owner');
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Message' });
    await user.type(box, '@');
    await user.click(await screen.findByRole('button', { name: 'Everyone in this group' }));
    await user.clear(box);
    await user.type(box, 'never mind{Enter}');
    const log = screen.getByRole('log', { name: 'Messages' });
    expect(await within(log).findByText('never mind')).toBeDefined();
    const body = sent.find((r) => r.method === 'POST' && r.path.endsWith('/messages'))!.body;
    expect(body).toMatchObject({ text: 'never mind', mentionAll: false });
  });

  it('offers a plain member only the people, never everyone', async () => {
    const { fetch } = chat('member');
    renderApp(`/chats/${cid}`, fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox', { name: 'Message' }), '@');
    expect(await screen.findByRole('button', { name: 'Mention Wei' })).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Everyone in this group' })).toBeNull();
  });
});
