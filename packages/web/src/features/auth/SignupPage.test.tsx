import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health, sessionGrant, signedOut } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';

const policy = (version: number) => ({
  body: {
    version,
    significant: false,
    changes: [],
    publishedAt: Date.UTC(2026, 10, 1),
    url: `http://localhost/api/policies/${version}`,
    language: 'en',
    prevailingLanguage: 'en',
    current: true,
    summary: `Summary of version ${version}`,
    text: `Full text of version ${version}`,
  },
});

describe('SignupPage', () => {
  it('sends a code, explains the outbox, and registers only after the policy is accepted', async () => {
    let version = 1;
    let registered = false;
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': () => (registered ? account() : signedOut),
      'GET /api/policies/current': () => policy(version),
      'POST /api/auth/codes': {
        body: { sentTo: '+65••••4567', expiresAt: 1, resendAfter: 1 },
      },
      'POST /api/auth/register': (request) => {
        if ((request.body as { acceptPolicyVersion: number }).acceptPolicyVersion !== version)
          return { status: 409, body: { error: { id: 'conflict', message: 'newer policy' } } };
        registered = true;
        return sessionGrant;
      },
    });
    const { router } = renderApp('/signup', fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Phone number'), '91234567');
    await user.click(screen.getByRole('button', { name: 'Send code' }));
    expect(await screen.findByText(/sent to \+65••••4567/)).toBeDefined();
    expect(screen.getByText(/npm run cli -- outbox/)).toBeDefined();

    await user.type(screen.getByLabelText('Six-digit code'), '123456');
    await user.type(screen.getByLabelText('Nickname (others see it)'), 'Mei');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery');
    await user.type(screen.getByLabelText('Year of birth'), '1990');
    expect(await screen.findByText('Summary of version 1')).toBeDefined();
    const create = screen.getByRole('button', { name: 'Create account' });
    expect(create).toHaveProperty('disabled', true);

    // A newer version is published while the form is open: the client shows it and asks again.
    version = 2;
    await user.click(screen.getByRole('checkbox', { name: /version 1/ }));
    await user.click(create);
    expect(await screen.findByText('Summary of version 2')).toBeDefined();
    expect(screen.getByRole('checkbox', { name: /version 2/ })).toHaveProperty('checked', false);
    await user.click(screen.getByRole('checkbox', { name: /version 2/ }));
    await user.click(create);

    await screen.findByRole('navigation', { name: 'Main' });
    expect(router.state.location.pathname).toBe('/chats');
    const body = sent.filter((r) => r.path === '/api/auth/register').at(-1)!.body;
    expect(body).toMatchObject({
      phone: '+65 91234567',
      code: '123456',
      nickname: 'Mei',
      birthYear: 1990,
      acceptPolicyVersion: 2,
      device: { platform: 'web' },
    });
  });

  it('starts the country picker on China and offers no e-mail in the cn edition', async () => {
    const { fetch } = fakeFetch({
      'GET /api/health': health('cn'),
      'GET /api/account': signedOut,
    });
    renderApp('/signup', fetch, { languages: ['en'] });
    expect(await screen.findByRole('option', { name: /China \+86/, selected: true })).toBeDefined();
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
