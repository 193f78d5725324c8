import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  account,
  fakeFetch,
  health,
  sessionGrant,
  signedOut,
  type SentRequest,
} from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { codeSent, failure, NOW } from './auth.fixtures';

/**
 * A server with a frozen account: sign-in says so until an unfreeze succeeds
 * (204). Codes and unfreezes answer in turn from the lists given.
 */
function frozenServer(
  routes: {
    unfreeze?: Array<{ status: number; body?: unknown }>;
    codes?: Array<{ status: number; body: unknown }>;
    loginAfterUnfreeze?: (request: SentRequest) => { status?: number; body?: unknown };
  } = {},
) {
  let frozen = true;
  let signedIn = false;
  const unfreeze = [...(routes.unfreeze ?? [{ status: 204 }])];
  const codes = [...(routes.codes ?? [codeSent('m•••@example.com')])];
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': () => (signedIn ? account() : signedOut),
    'POST /api/auth/login': (request) => {
      if (frozen) return failure(403, 'account_frozen');
      if (routes.loginAfterUnfreeze) return routes.loginAfterUnfreeze(request);
      signedIn = true;
      return sessionGrant;
    },
    'POST /api/auth/codes': () => codes.shift()!,
    'POST /api/auth/unfreeze': () => {
      const answer = unfreeze.shift()!;
      if (answer.status === 204) frozen = false;
      return answer;
    },
  });
}

async function signInByEmail(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('radio', { name: 'E-mail' }));
  await user.type(screen.getByLabelText('E-mail address'), 'mei@example.com');
  await user.type(screen.getByLabelText('Password'), 'correct horse battery');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('unfreezing from the sign-in page', () => {
  it('sends a code to the e-mail typed, unfreezes with it and the password typed, and signs in', async () => {
    const { fetch, sent } = frozenServer();
    const { router } = renderApp('/login', fetch);
    const user = userEvent.setup();
    await signInByEmail(user);

    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'This account is frozen.',
    );
    expect(
      screen.getByText(/one-time code to mei@example\.com, the number or address/),
    ).toBeDefined();
    expect(sent.filter((r) => r.path === '/api/auth/codes')).toHaveLength(0);
    await user.click(screen.getByRole('button', { name: 'Unfreeze this account' }));

    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'A six-digit code was sent to m•••@example.com. It is valid for 10 minutes.',
    );
    expect(screen.getByText(/npm run cli -- outbox/)).toBeDefined();
    expect(screen.queryByLabelText('Password')).toBeNull();
    await user.type(screen.getByLabelText('Six-digit code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Unfreeze and sign in' }));

    await screen.findByRole('navigation', { name: 'Main' });
    expect(router.state.location.pathname).toBe('/chats');
    expect(sent.find((r) => r.path === '/api/auth/codes')!.body).toEqual({
      purpose: 'unfreeze',
      email: 'mei@example.com',
    });
    expect(sent.find((r) => r.path === '/api/auth/unfreeze')!.body).toEqual({
      email: 'mei@example.com',
      password: 'correct horse battery',
      code: '123456',
    });
    const logins = sent.filter((r) => r.path === '/api/auth/login');
    expect(logins).toHaveLength(2);
    expect(logins[1]!.body).toMatchObject({
      email: 'mei@example.com',
      password: 'correct horse battery',
      device: { platform: 'web' },
    });
  });

  it('says a wrong code, a code asked for again too soon and too many wrong codes in words', async () => {
    const { fetch, sent } = frozenServer({
      codes: [
        codeSent('+65••••4567'),
        failure(429, 'rate_limited', { retryAt: NOW + 30_000 }),
        codeSent('+65••••4567'),
      ],
      unfreeze: [
        failure(400, 'code_invalid'),
        failure(429, 'too_many_attempts'),
        failure(401, 'invalid_credentials'),
      ],
    });
    renderApp('/login', fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Phone number'), '91234567');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await user.click(await screen.findByRole('button', { name: 'Unfreeze this account' }));

    const code = await screen.findByLabelText('Six-digit code');
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Unfreeze and sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'That code is wrong or has expired.',
    );

    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'A code was sent less than a minute ago. Wait a minute before asking for another.',
    );

    await user.click(screen.getByRole('button', { name: 'Unfreeze and sign in' }));
    expect(await screen.findByText('Too many attempts. Ask for a new code.')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    await screen.findByRole('status');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByLabelText('Six-digit code')).toHaveProperty('value', '');

    await user.type(screen.getByLabelText('Six-digit code'), '654321');
    await user.click(screen.getByRole('button', { name: 'Unfreeze and sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'That phone number or e-mail and password do not match.',
    );
    expect(sent.filter((r) => r.path === '/api/auth/codes').map((r) => r.body)).toEqual(
      Array(3).fill({ purpose: 'unfreeze', phone: '+65 91234567' }),
    );

    // Back to the form, with what was typed still there.
    await user.click(screen.getByRole('button', { name: 'Back to sign-in' }));
    expect(screen.getByLabelText('Phone number')).toHaveProperty('value', '91234567');
    expect(screen.getByLabelText('Password')).toHaveProperty('value', 'correct horse battery');
  });

  it('says a code past its time expired, and when sign-in does not follow the unfreeze', async () => {
    const { fetch } = frozenServer({
      codes: [codeSent('m•••@example.com', NOW - 1_000)],
      unfreeze: [failure(400, 'code_invalid'), { status: 204 }],
      loginAfterUnfreeze: () => failure(500, 'internal'),
    });
    renderApp('/login', fetch);
    const user = userEvent.setup();
    await signInByEmail(user);
    await user.click(await screen.findByRole('button', { name: 'Unfreeze this account' }));
    await user.type(await screen.findByLabelText('Six-digit code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Unfreeze and sign in' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'This code has expired: a code is valid for 10 minutes. Send a new code.',
    );

    await user.click(screen.getByRole('button', { name: 'Unfreeze and sign in' }));
    expect(
      await screen.findByText('The account is unfrozen. Sign in again with your password.'),
    ).toBeDefined();
    expect(screen.getByRole('alert')).toHaveProperty('textContent', 'server says internal');
    await user.click(screen.getByRole('button', { name: 'Back to sign-in' }));
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeDefined();
  });

  it('tells a frozen enterprise account, in Chinese, to ask its administrator', async () => {
    const { fetch, sent } = frozenServer();
    renderApp('/login', fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: '企业账号' }));
    await user.type(screen.getByLabelText('组织代码'), 'HARBOUR1');
    await user.type(screen.getByLabelText('账号名'), 'zhang.san');
    await user.type(screen.getByLabelText('密码'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: '登录' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      '该企业账号已冻结。企业账号没有可接收验证码的手机号或邮箱，无法在此解冻：请联系你所在组织的管理员为你设置新密码，设置后账号即解冻。',
    );
    expect(screen.queryByRole('button', { name: '解冻此账号' })).toBeNull();
    expect(sent.filter((r) => r.path === '/api/auth/codes')).toHaveLength(0);
  });
});
