import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeFetch } from '../../../test/fake-fetch';
import { handRealtime, renderApp } from '../../../test/render-app';
import { chatRoutes, cid, peer, stored } from './conversation.fixtures';

/** Opens the chat with Wei over a socket the test drives, and brings it online. */
async function openLiveChat(languages: string[], online: string) {
  const { fetch } = fakeFetch(
    chatRoutes([stored(1, '01900000-0000-7000-8000-0000000000f1', peer, 'Hello there')]),
  );
  const realtime = handRealtime();
  renderApp(`/chats/${cid}`, fetch, { languages, realtime: realtime.factory });
  await screen.findByText('Hello there');
  const { send } = realtime;
  await realtime.goOnline(online);
  // Wei's profile, for the name in the notice.
  await screen.findByRole('heading', { name: 'Wei' });
  return send;
}

const typing = (conversationId = cid) => ({ type: 'typing', conversationId, userId: peer });

describe('Typing indicator', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows who is typing and hides it 5 seconds after the last typing frame', async () => {
    const send = await openLiveChat(['en-GB'], 'Online');
    vi.useFakeTimers();
    send(typing());
    expect(screen.getByText('Wei is typing…')).toBeDefined();
    act(() => vi.advanceTimersByTime(3000));
    // Still typing: the notice lasts 5 s from this frame, not from the first.
    send(typing());
    act(() => vi.advanceTimersByTime(4900));
    expect(screen.getByText('Wei is typing…')).toBeDefined();
    act(() => vi.advanceTimersByTime(200));
    expect(screen.queryByText('Wei is typing…')).toBeNull();
  });

  it("hides the notice as soon as Wei's message arrives", async () => {
    const send = await openLiveChat(['en-GB'], 'Online');
    send(typing());
    expect(screen.getByText('Wei is typing…')).toBeDefined();
    send({
      type: 'event',
      event: {
        cursor: 10,
        type: 'message.created',
        payload: { conversationId: cid, seq: 2, senderId: peer, kind: 'text' },
        createdAt: Date.UTC(2026, 11, 2, 9),
      },
    });
    expect(screen.queryByText('Wei is typing…')).toBeNull();
  });

  it('says so in Chinese, and ignores typing in another conversation', async () => {
    const send = await openLiveChat(['zh-CN'], '已连接');
    vi.useFakeTimers();
    send(typing('01900000-0000-7000-8000-0000000000dd'));
    expect(screen.queryByText('Wei 正在输入…')).toBeNull();
    send(typing());
    const conversation = screen.getByRole('region', { name: 'Wei' });
    expect(within(conversation).getByText('Wei 正在输入…')).toBeDefined();
    act(() => vi.advanceTimersByTime(5000));
    expect(within(conversation).queryByText('Wei 正在输入…')).toBeNull();
  });
});
