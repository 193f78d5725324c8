import { act, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '@carillon/protocol/messaging';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { fakeNotifications } from '../../../test/fake-notification';
import { handRealtime, renderApp } from '../../../test/render-app';
import { cid, conversation, me, peer } from '../conversation/conversation.fixtures';

const now = Date.UTC(2026, 11, 2, 9);
const gid = '01900000-0000-7000-8000-0000000000c7';
const group: Conversation = { ...conversation, id: gid, kind: 'group', name: 'Platform team' };

function server(muted = false) {
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    'GET /api/conversations': { body: { conversations: [conversation, group] } },
    [`GET /api/conversations/${cid}`]: { body: { ...conversation, muted } },
    [`GET /api/conversations/${gid}`]: { body: group },
    [`GET /api/users/${peer}/profile`]: {
      body: { userId: peer, nickname: 'Wei', avatarUrl: null },
    },
  });
}

/** A `message.created` event as the server sends it. */
const created = (
  change: { conversationId?: string; senderId?: string; kind?: string; at?: number } = {},
) => ({
  type: 'event',
  event: {
    cursor: 10,
    type: 'message.created',
    payload: {
      conversationId: change.conversationId ?? cid,
      seq: 2,
      messageId: '01900000-0000-7000-8000-000000000102',
      senderId: change.senderId ?? peer,
      kind: change.kind ?? 'text',
    },
    createdAt: change.at ?? now - 1000,
  },
});

async function openChats(path = '/chats', muted = false) {
  const realtime = handRealtime();
  const rendered = renderApp(path, server(muted).fetch, { realtime: realtime.factory });
  await screen.findByRole('list', { name: 'Conversations' });
  const send = (frame: unknown) => act(() => realtime.deliver(frame));
  // The socket opens once the session is read: say "ready" until the app shows it is online.
  await waitFor(() => {
    send({ type: 'ready', cursor: 9 });
    expect(within(screen.getByRole('banner')).getByRole('status').textContent).toBe('Online');
  });
  return { ...rendered, send };
}

describe('desktop notifications of new messages', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the sender and what they sent, and a click opens the chat', async () => {
    const browser = fakeNotifications('granted');
    localStorage.setItem('carillon.desktop-notifications', 'on');
    const { send, router } = await openChats();
    send(created());
    await waitFor(() => expect(browser.shown).toHaveLength(1));
    const [popUp] = browser.shown;
    expect(popUp!.title).toBe('Wei');
    expect(popUp!.options).toMatchObject({ body: 'New message', tag: `conversation-${cid}` });

    send(created({ conversationId: gid, kind: 'image' }));
    const inGroup = () => browser.shown.find((shown) => shown.title === 'Platform team');
    await waitFor(() => expect(inGroup()).toBeDefined());
    expect(inGroup()!.options.body).toBe('Wei: Sent a photo');

    vi.stubGlobal('focus', () => undefined);
    act(() => popUp!.onclick?.());
    await waitFor(() => expect(router.state.location.pathname).toBe(`/chats/${cid}`));
    expect(popUp!.closed).toBe(true);
  });

  it('stays quiet for my own messages, muted chats, the chat on screen and catch-up', async () => {
    const browser = fakeNotifications('granted');
    localStorage.setItem('carillon.desktop-notifications', 'on');
    const { send, router } = await openChats('/chats', true);
    send(created({ senderId: me }));
    send(created());
    send(created({ conversationId: gid, at: now - 10 * 60 * 1000 }));
    await act(() => router.navigate(`/chats/${gid}`));
    send(created({ conversationId: gid }));
    send(created({ conversationId: gid, kind: 'location' }));
    // A later pop-up for another chat shows the quiet ones were looked at, not merely late.
    await act(() => router.navigate('/chats'));
    send(created({ conversationId: gid, kind: 'file' }));
    await waitFor(() => expect(browser.shown).toHaveLength(1));
    expect(browser.shown[0]!.options.body).toBe('Wei: Sent a file');
  });

  it('shows nothing unless turned on in this browser', async () => {
    const browser = fakeNotifications('granted');
    const { send } = await openChats();
    send(created());
    send(created({ conversationId: gid }));
    localStorage.setItem('carillon.desktop-notifications', 'on');
    send(created({ conversationId: gid, kind: 'voice' }));
    await waitFor(() => expect(browser.shown).toHaveLength(1));
    expect(browser.shown[0]!.options.body).toBe('Wei: Sent a voice message');
  });
});
