import { configure, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { ids, rightsRequest } from './privacy.fixtures';

// The shared machine is slow: give screens time to answer.
configure({ asyncUtilTimeout: 5000 });

describe('CancelAccountPage', { timeout: 30_000 }, () => {
  it('explains the cooling-off period, confirms with password and code, then shows its end', async () => {
    const endsAt = Date.UTC(2026, 11, 9, 9);
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/privacy/requests': { body: { requests: [] } },
      'POST /api/privacy/requests': {
        status: 201,
        body: {
          request: rightsRequest({ kind: 'cancel_account', submitted: { kind: 'cancel_account' } }),
          code: { sentTo: '+65••••4567', expiresAt: 1, resendAfter: 1 },
        },
      },
      [`POST /api/privacy/requests/${ids.request}/verify`]: {
        body: rightsRequest({
          kind: 'cancel_account',
          submitted: { kind: 'cancel_account' },
          status: 'in_progress',
          coolingOffEndsAt: endsAt,
        }),
      },
    });
    const { router } = renderApp('/privacy/cancel', fetch);
    const user = userEvent.setup();
    expect(await screen.findByText(/signing in again during it withdraws/)).toBeDefined();
    await user.type(screen.getByLabelText('Why are you leaving? (optional)'), 'Moving on');
    await user.click(screen.getByRole('button', { name: 'Cancel my account' }));
    await user.type(await screen.findByLabelText('Password'), 'correct horse battery');
    await user.type(screen.getByLabelText('Six-digit code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Confirm' }));

    expect(
      await screen.findByRole('heading', { name: 'Your account is being cancelled' }),
    ).toBeDefined();
    expect(screen.getByRole('status').textContent).toMatch(/erased after 9 Dec 2026/);
    expect(screen.getByRole('link', { name: 'Sign in to keep my account' })).toBeDefined();
    expect(router.state.location.pathname).toBe('/account-cancelled');
    expect(sent.find((r) => r.path === '/api/privacy/requests')!.body).toBeUndefined();
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      kind: 'cancel_account',
      reason: 'Moving on',
    });
  });
});
