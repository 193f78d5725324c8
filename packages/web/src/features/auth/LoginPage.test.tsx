import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health, sessionGrant, signedOut } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';

/** A server whose sign-in succeeds, after which the account reads as signed in. */
function serverThatSignsIn() {
  let signedIn = false;
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': () => (signedIn ? account() : signedOut),
    'POST /api/auth/login': () => {
      signedIn = true;
      return sessionGrant;
    },
  });
}

describe('LoginPage', () => {
  it('sends the phone with the picked country prefix and shows a wrong password as an alert', async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': signedOut,
      'POST /api/auth/login': {
        status: 401,
        body: { error: { id: 'invalid_credentials', message: 'No.' } },
      },
    });
    renderApp('/login', fetch);
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('Country or region'), 'CN');
    await user.type(screen.getByLabelText('Phone number'), '13800138000');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'That phone number or e-mail and password do not match.',
    );
    const login = sent.find((r) => r.path === '/api/auth/login')!;
    expect(login.body).toMatchObject({
      phone: '+86 13800138000',
      password: 'correct horse battery',
    });
    expect(login.headers['x-csrf-token']).toBe('csrf-test');
  });

  it('speaks Chinese to a Chinese browser and offers no e-mail in the cn edition', async () => {
    const { fetch } = fakeFetch({ 'GET /api/health': health('cn'), 'GET /api/account': signedOut });
    renderApp('/login', fetch, { languages: ['zh-CN'] });
    expect(await screen.findByRole('heading', { name: '登录 Carillon' })).toBeDefined();
    await screen.findByLabelText('国家或地区');
    expect(screen.queryByRole('radio', { name: '电子邮箱' })).toBeNull();
  });

  it('goes to the chats once signed in', async () => {
    const { fetch } = serverThatSignsIn();
    const { router } = renderApp('/login', fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'E-mail' }));
    await user.type(screen.getByLabelText('E-mail address'), 'mei@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('navigation', { name: 'Main' });
    expect(router.state.location.pathname).toBe('/chats');
    expect(localStorage.getItem('carillon.device')).toBe('01900000-0000-7000-8000-000000000003');
  });
  it('returns to the invite link a signed-out visitor opened, once signed in', async () => {
    const { fetch } = serverThatSignsIn();
    const { router } = renderApp('/groups/join?token=invite-token', fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'E-mail' }));
    expect(router.state.location.pathname).toBe('/login');
    await user.type(screen.getByLabelText('E-mail address'), 'mei@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('navigation', { name: 'Main' });
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(
      '/groups/join?token=invite-token',
    );
  });

  it('signs an enterprise account in with the organization code, and says when it is disabled', async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': signedOut,
      'POST /api/auth/login': {
        status: 403,
        body: { error: { id: 'account_disabled', message: 'Disabled.' } },
      },
    });
    renderApp('/login', fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: '企业账号' }));
    expect(screen.queryByLabelText('手机号码')).toBeNull();
    await user.type(screen.getByLabelText('组织代码'), 'HARBOUR1');
    await user.type(screen.getByLabelText('账号名'), 'zhang.san');
    await user.type(screen.getByLabelText('密码'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      '该账号已被其组织停用。',
    );
    const login = sent.find((r) => r.path === '/api/auth/login')!;
    expect(login.body).toMatchObject({
      organizationCode: 'HARBOUR1',
      accountName: 'zhang.san',
      password: 'a long enough password',
    });
    expect(login.body).not.toHaveProperty('phone');
  });
});
