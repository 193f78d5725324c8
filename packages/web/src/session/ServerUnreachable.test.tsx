import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../test/fake-fetch';
import { renderApp } from '../../test/render-app';

/** A server that does not answer until `up` is set. */
function flakyServer() {
  const state = { up: false };
  const down = () => {
    if (!state.up) throw new TypeError('Failed to fetch');
  };
  const { fetch, sent } = fakeFetch({
    'GET /api/health': () => (down(), health()),
    'GET /api/account': () => (down(), account()),
    'GET /api/conversations': { body: { conversations: [] } },
  });
  return { fetch, sent, state };
}

describe('a server that cannot be reached', () => {
  it('says so instead of signing out, and opens the app once it answers again', async () => {
    const { fetch, state } = flakyServer();
    renderApp('/chats', fetch);
    const user = userEvent.setup();
    expect(
      await screen.findByRole('heading', { name: 'Carillon cannot reach its server' }),
    ).toBeDefined();
    expect(screen.queryByRole('heading', { name: 'Sign in to Carillon' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(
      await screen.findByRole('heading', { name: 'Carillon cannot reach its server' }),
    ).toBeDefined();

    state.up = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { name: 'Chats' })).toBeDefined();
  });

  it('tries again by itself when the browser is back online, in Chinese', async () => {
    const { fetch, state, sent } = flakyServer();
    renderApp('/chats', fetch, { languages: ['zh-CN'] });
    expect(await screen.findByRole('heading', { name: 'Carillon 无法连接到服务器' })).toBeDefined();
    state.up = true;
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(await screen.findByRole('heading', { name: '消息' })).toBeDefined();
    // The edition is read again too: it was never known.
    expect(sent.filter((r) => r.path === '/api/health').length).toBeGreaterThan(1);
  });
});
