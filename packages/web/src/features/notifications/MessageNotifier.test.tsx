import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '@carillon/protocol/messaging';
import { account, fakeFetch, health, type SentRequest } from '../../../test/fake-fetch';
import { fakeNotifications } from '../../../test/fake-notification';
import { handRealtime, renderApp } from '../../../test/render-app';
import { cid, conversation, me, peer } from '../conversation/conversation.fixtures';

const now = Date.UTC(2026, 11, 2, 9);
const gid = '01900000-0000-7000-8000-0000000000c7';
const group: Conversation = { ...conversation, id: gid, kind: 'group', name: 'Platform team' };

/** A group made a moment ago: its first messages can come before the chat list is re-read. */
const fresh: Conversation = {
  ...group,
  id: '01900000-0000-7000-8000-0000000000c8',
  name: 'Night shift',
};

/**
 * The chat list keeps each chat's mute state as the list's mute button sets
 * it. Only the fresh group can be read on its own: the notifier must find the
 * listed chats in the list.
 */
function server(muted = false, groupMuted = false) {
  const list = [
    { ...conversation, muted },
    { ...group, muted: groupMuted },
  ];
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    'GET /api/conversations': () => ({ body: { conversations: list } }),
    [`PUT /api/conversations/${cid}/settings`]: ({ body }) => {
      Object.assign(list[0]!, body);
      return { body: list[0] };
    },
    [`GET /api/conversations/${fresh.id}`]: { body: fresh },
    [`GET /api/users/${peer}/profile`]: {
      body: { userId: peer, nickname: 'Wei', avatarUrl: null },
    },
  });
}

/** Cursors rise with every event, as the server's do: the client skips any it has seen. */
let cursor = 10;

/** A `message.created` event as the server sends it. */
const created = (
  change: {
    conversationId?: string;
    senderId?: string;
    kind?: string;
    at?: number;
    mentions?: string[];
    mentionAll?: boolean;
  } = {},
) => ({
  type: 'event',
  event: {
    cursor: cursor++,
    type: 'message.created',
    payload: {
      conversationId: change.conversationId ?? cid,
      seq: 2,
      messageId: '01900000-0000-7000-8000-000000000102',
      senderId: change.senderId ?? peer,
      kind: change.kind ?? 'text',
      ...(change.mentions ? { mentions: change.mentions } : {}),
      ...(change.mentionAll ? { mentionAll: true } : {}),
    },
    createdAt: change.at ?? now - 1000,
  },
});

async function openChats(path = '/chats', muted = false, groupMuted = false) {
  const realtime = handRealtime();
  const { fetch, sent } = server(muted, groupMuted);
  const rendered = renderApp(path, fetch, { realtime: realtime.factory });
  const list = await screen.findByRole('list', { name: 'Conversations' });
  await within(list).findByRole('link', { name: /Platform team/ });
  const send = (frame: unknown) => act(() => realtime.deliver(frame));
  // The socket opens once the session is read: say "ready" until the app shows it is online.
  await waitFor(() => {
    send({ type: 'ready', cursor: 9 });
    expect(within(screen.getByRole('banner')).getByRole('status').textContent).toBe('Online');
  });
  return { ...rendered, send, sent };
}

/** The requests that read one conversation on its own (not its members or messages). */
const readsOf = (sent: SentRequest[], id: string) =>
  sent.filter((r) => r.method === 'GET' && r.path === `/api/conversations/${id}`);

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

  it('still pops up in a muted group for a message that mentions me or everyone', async () => {
    const browser = fakeNotifications('granted');
    localStorage.setItem('carillon.desktop-notifications', 'on');
    const { send } = await openChats('/chats', false, true);
    send(created({ conversationId: gid }));
    send(created({ conversationId: gid, mentions: ['01900000-0000-7000-8000-0000000000ff'] }));
    send(created({ conversationId: gid, mentions: [me] }));
    await waitFor(() => expect(browser.shown).toHaveLength(1));
    send(created({ conversationId: gid, mentionAll: true }));
    await waitFor(() => expect(browser.shown).toHaveLength(2));
    expect(browser.shown.map((shown) => [shown.title, shown.options.body])).toEqual([
      ['Platform team', 'Wei mentioned you'],
      ['Platform team', 'Wei mentioned everyone'],
    ]);
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

  it('reads a listed chat from the chat list, with no request per message', async () => {
    const browser = fakeNotifications('granted');
    localStorage.setItem('carillon.desktop-notifications', 'on');
    const { send, sent } = await openChats();
    send(created());
    send(created({ conversationId: gid }));
    send(created({ conversationId: gid, kind: 'file' }));
    await waitFor(() => expect(browser.shown).toHaveLength(3));
    expect(browser.shown.map((shown) => shown.title)).toEqual([
      'Wei',
      'Platform team',
      'Platform team',
    ]);
    expect([...readsOf(sent, cid), ...readsOf(sent, gid)]).toEqual([]);
  });

  it('asks once about a chat the list does not know yet', async () => {
    const browser = fakeNotifications('granted');
    localStorage.setItem('carillon.desktop-notifications', 'on');
    const { send, sent } = await openChats();
    send(created({ conversationId: fresh.id }));
    send(created({ conversationId: fresh.id, kind: 'image' }));
    await waitFor(() => expect(browser.shown).toHaveLength(2));
    expect(browser.shown.map((shown) => shown.options.body)).toEqual([
      'Wei: New message',
      'Wei: Sent a photo',
    ]);
    expect(browser.shown[0]!.title).toBe('Night shift');
    expect(readsOf(sent, fresh.id)).toHaveLength(1);
  });

  it('goes quiet for a chat muted from the chat list, without a reload', async () => {
    const browser = fakeNotifications('granted');
    localStorage.setItem('carillon.desktop-notifications', 'on');
    const { send } = await openChats();
    send(created());
    await waitFor(() => expect(browser.shown).toHaveLength(1));

    const mute = screen.getByRole('button', { name: 'Mute Wei' });
    await userEvent.setup().click(mute);
    expect(mute).toHaveProperty('ariaPressed', 'true');
    send(created({ kind: 'voice' }));
    // The group's pop-up shows the muted chat's event was looked at, not merely late.
    send(created({ conversationId: gid }));
    await waitFor(() => expect(browser.shown).toHaveLength(2));
    expect(browser.shown[1]!.title).toBe('Platform team');
  });
});
