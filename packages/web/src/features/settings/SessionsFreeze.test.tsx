import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { session } from './settings.fixtures';

const me = '01900000-0000-7000-8000-000000000001';

/** The settings screen's answers, with three sessions and a freeze that takes `password` only. */
function settingsServer(password = 'the right password') {
  const state = {
    sessions: [
      session(1, 'This browser', true),
      session(2, 'Old phone', false),
      session(3, 'Office laptop', false),
    ],
    frozen: false,
  };
  const server = fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': () => (state.frozen ? { status: 401, body: unauthenticated } : account(me)),
    'GET /api/profile': { status: 404, body: { error: { id: 'not_found', message: 'none' } } },
    'GET /api/sessions': () => ({ body: { sessions: state.sessions } }),
    'POST /api/sessions/end-others': () => {
      const ended = state.sessions.filter((s) => !s.current).length;
      state.sessions = state.sessions.filter((s) => s.current);
      return { body: { ended } };
    },
    'GET /api/presence/settings': { body: { hideLastSeen: false } },
    'GET /api/account/security-notices': { body: { notices: [] } },
    'GET /api/contacts/settings': { body: { discoverableBy: { phone: false, email: false } } },
    'POST /api/account/freeze': (request) => {
      if ((request.body as { password: string }).password !== password)
        return {
          status: 401,
          body: { error: { id: 'invalid_credentials', message: 'Wrong password.' } },
        };
      state.frozen = true;
      return { status: 204 };
    },
  });
  return { state, ...server };
}
const unauthenticated = { error: { id: 'unauthenticated', message: 'Sign in first.' } };

describe('Settings: sessions', () => {
  it('signs out all other devices, says how many, and lists only this one', async () => {
    const { fetch, sent } = settingsServer();
    renderApp('/settings', fetch);
    const user = userEvent.setup();
    const list = await screen.findByRole(
      'list',
      { name: 'Devices and sessions' },
      { timeout: 5000 },
    );
    await within(list).findByText('Office laptop');
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Sign out all other devices' }));
    expect((await screen.findByText('2 other sessions ended.')).getAttribute('role')).toBe(
      'status',
    );
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(within(list).getByText('This browser (this device)')).toBeDefined();
    const ends = sent.filter((r) => r.method === 'POST' && r.path === '/api/sessions/end-others');
    expect(ends).toHaveLength(1);
    expect(ends[0]!.headers['x-csrf-token']).toBe('csrf-test');
  });
});

describe('Settings: freeze', () => {
  it('says a wrong password is wrong, then freezes with the right one and signs out', async () => {
    const { fetch, sent } = settingsServer();
    const { router } = renderApp('/settings', fetch);
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Freeze my account' }, { timeout: 5000 });
    const password = within(form).getByLabelText('Password to confirm');

    await user.type(password, 'a wrong password');
    await user.click(within(form).getByRole('button', { name: 'Freeze account' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('That password is wrong.');
    expect(router.state.location.pathname).toBe('/settings');

    await user.clear(password);
    await user.type(password, 'the right password');
    await user.click(within(form).getByRole('button', { name: 'Freeze account' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    const freezes = sent.filter((r) => r.path === '/api/account/freeze').map((r) => r.body);
    expect(freezes).toEqual([{ password: 'a wrong password' }, { password: 'the right password' }]);
  });

  it('says so in Chinese', async () => {
    const { fetch } = settingsServer();
    renderApp('/settings', fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: '冻结账号' }, { timeout: 5000 });
    await user.type(within(form).getByLabelText('输入密码以确认'), 'a wrong password');
    await user.click(within(form).getByRole('button', { name: '冻结账号' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('密码错误。');
  });
});
