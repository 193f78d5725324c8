import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeFetch, health, signedOut } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { codeSent, failure, NOW } from './auth.fixtures';

/** A signed-out visitor's server whose codes and resets answer in turn from the lists given. */
function resetServer(
  edition: 'international' | 'cn',
  answers: {
    codes: Array<{ status: number; body: unknown }>;
    resets: Array<{ status: number; body?: unknown }>;
  },
) {
  return fakeFetch({
    'GET /api/health': health(edition),
    'GET /api/account': signedOut,
    'POST /api/auth/codes': () => answers.codes.shift()!,
    'POST /api/auth/password-reset': () => answers.resets.shift()!,
  });
}

describe('ResetPasswordPage', () => {
  it('resets by e-mail from the sign-in page and returns there with a confirmation', async () => {
    const { fetch, sent } = resetServer('international', {
      codes: [codeSent('m•••@example.com')],
      resets: [{ status: 204 }],
    });
    const { router } = renderApp('/login', fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('radio', { name: 'E-mail' }));
    await user.type(screen.getByLabelText('E-mail address'), 'mei@example.com');
    await user.click(screen.getByRole('link', { name: 'Forgot your password?' }));

    expect(await screen.findByRole('heading', { name: 'Reset your password' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/reset-password');
    expect(screen.getByLabelText('E-mail address')).toHaveProperty('value', 'mei@example.com');
    await user.click(screen.getByRole('button', { name: 'Send code' }));

    // The answer is the same whether or not an account uses the address, and so are the words.
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'If an account uses m•••@example.com, a six-digit code is on its way there. It is valid for 10 minutes.',
    );
    expect(screen.getByText(/npm run cli -- outbox/)).toBeDefined();
    await user.type(screen.getByLabelText('Six-digit code'), '123456');
    await user.type(screen.getByLabelText('New password'), 'a brand new passphrase');
    await user.click(screen.getByRole('button', { name: 'Set new password' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Carillon' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByRole('status')).toHaveProperty(
      'textContent',
      'Your password has been changed and every device was signed out. Sign in with the new password.',
    );
    expect(screen.getByLabelText('E-mail address')).toHaveProperty('value', 'mei@example.com');
    expect(sent.find((r) => r.path === '/api/auth/codes')!.body).toEqual({
      purpose: 'reset_password',
      email: 'mei@example.com',
    });
    expect(sent.find((r) => r.path === '/api/auth/password-reset')!.body).toEqual({
      email: 'mei@example.com',
      code: '123456',
      newPassword: 'a brand new passphrase',
    });
  });

  it('says too many codes, a weak password, a wrong and an expired code, and too many attempts', async () => {
    const { fetch, sent } = resetServer('international', {
      codes: [
        failure(429, 'rate_limited'),
        codeSent('+65••••4567'),
        codeSent('+65••••4567', NOW - 1_000),
      ],
      resets: [
        failure(400, 'weak_password', { problems: ['Use at least 10 characters.'] }),
        failure(400, 'code_invalid'),
        failure(429, 'too_many_attempts'),
        failure(400, 'code_invalid'),
      ],
    });
    renderApp('/reset-password', fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Phone number'), '91234567');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Too many codes were asked for. Try again in an hour.',
    );
    await user.click(screen.getByRole('button', { name: 'Send code' }));

    await user.type(await screen.findByLabelText('Six-digit code'), '000000');
    await user.type(screen.getByLabelText('New password'), 'password12');
    const submit = screen.getByRole('button', { name: 'Set new password' });
    await user.click(submit);
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Choose a stronger password: at least 10 characters, not a common one.',
    );
    await user.click(submit);
    expect(await screen.findByText('That code is wrong or has expired.')).toBeDefined();
    await user.click(submit);
    expect(await screen.findByText('Too many attempts. Ask for a new code.')).toBeDefined();

    // A new code, which this clock finds already past its time when the server refuses it.
    await user.click(screen.getByRole('button', { name: 'Send a new code' }));
    await user.type(screen.getByLabelText('Six-digit code'), '111111');
    await user.click(submit);
    expect(
      await screen.findByText(
        'This code has expired: a code is valid for 10 minutes. Send a new code.',
      ),
    ).toBeDefined();
    expect(sent.filter((r) => r.path === '/api/auth/codes').map((r) => r.body)).toEqual(
      Array(3).fill({ purpose: 'reset_password', phone: '+65 91234567' }),
    );
    expect(sent.filter((r) => r.path === '/api/auth/password-reset').at(-1)!.body).toEqual({
      phone: '+65 91234567',
      code: '111111',
      newPassword: 'password12',
    });
  });

  it('resets by phone in Chinese in the cn edition, and tells an enterprise account to ask its administrator', async () => {
    const { fetch, sent } = resetServer('cn', {
      codes: [codeSent('+86••••8000')],
      resets: [{ status: 204 }],
    });
    const { router } = renderApp('/login', fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('link', { name: '忘记密码？' }));
    expect(await screen.findByRole('heading', { name: '重置密码' })).toBeDefined();
    expect(screen.queryByRole('radio', { name: '电子邮箱' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: '企业账号' }));
    expect(
      screen.getByText(
        '企业账号（组织代码和账号名）无法在此重置密码：新密码由你所在组织的管理员为你设置。',
      ),
    ).toBeDefined();
    expect(screen.queryByRole('button', { name: '发送验证码' })).toBeNull();

    await user.click(screen.getByRole('radio', { name: '个人账号' }));
    await user.type(screen.getByLabelText('手机号码'), '13800138000');
    await user.click(screen.getByRole('button', { name: '发送验证码' }));
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      '如果有账号使用 +86••••8000，六位验证码已发往该处，10 分钟内有效。',
    );
    await user.type(screen.getByLabelText('六位验证码'), '123456');
    await user.type(screen.getByLabelText('新密码'), '一个足够长的新密码短语');
    await user.click(screen.getByRole('button', { name: '设置新密码' }));

    expect(await screen.findByRole('heading', { name: '登录 Carillon' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.getByRole('status')).toHaveProperty(
      'textContent',
      '密码已修改，所有设备均已退出登录。请使用新密码登录。',
    );
    expect(screen.getByLabelText('手机号码')).toHaveProperty('value', '13800138000');
    expect(sent.find((r) => r.path === '/api/auth/password-reset')!.body).toEqual({
      phone: '+86 13800138000',
      code: '123456',
      newPassword: '一个足够长的新密码短语',
    });
  });
});
