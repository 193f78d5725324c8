import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { policyDocument } from './privacy.fixtures';

// The shared machine is slow: give screens time to answer.
configure({ asyncUtilTimeout: 5000 });

describe('ReconsentNotice', { timeout: 30_000 }, () => {
  it('asks to accept a significant change, leaves a banner on "Not now", and accepts the version', async () => {
    let accepted = 1;
    const signedIn = account();
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': () => ({
        body: {
          ...signedIn.body,
          policy: { acceptedVersion: accepted, currentVersion: 2, reconsentRequired: accepted < 2 },
        },
      }),
      'GET /api/conversations': { body: { conversations: [] } },
      'GET /api/policies/current': { body: policyDocument(2) },
      'POST /api/privacy/policy/accept': (request) => {
        accepted = (request.body as { version: number }).version;
        return { body: { acceptedVersion: accepted, currentVersion: 2, reconsentRequired: false } };
      },
    });
    renderApp('/chats', fetch);
    const user = userEvent.setup();
    const dialog = await screen.findByRole('dialog', { name: 'The privacy policy has changed' });
    const changes = await within(dialog).findByRole('heading', {
      name: 'What changed in version 2',
    });
    expect(changes).toBeDefined();
    expect(within(dialog).getByText('Location data is kept for 30 days')).toBeDefined();
    expect(within(dialog).getByText('Summary of version 2')).toBeDefined();

    await user.click(within(dialog).getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const banner = screen.getByRole('region', { name: 'Privacy policy notice' });
    // Basic functions keep working behind the banner.
    expect(screen.getByRole('heading', { name: 'Chats' })).toBeDefined();

    await user.click(within(banner).getByRole('button', { name: 'Review and accept' }));
    await user.click(await screen.findByRole('button', { name: 'Accept version 2' }));
    await screen.findByRole('heading', { name: 'Chats' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Privacy policy notice' })).toBeNull();
    expect(sent.find((r) => r.path === '/api/privacy/policy/accept')!.body).toEqual({
      version: 2,
    });
  });

  it('does not appear while the accepted version is still in force', async () => {
    const { fetch } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/conversations': { body: { conversations: [] } },
      'GET /api/policies/current': { body: policyDocument(1) },
    });
    renderApp('/chats', fetch);
    await screen.findByRole('heading', { name: 'Chats' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});
