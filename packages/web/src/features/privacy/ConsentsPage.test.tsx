import { configure, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { ids, purpose } from './privacy.fixtures';

const basic = purpose({
  purpose: 'account',
  kind: 'basic',
  title: 'Account and sign-in',
  description: 'Your phone number creates your account.',
  sensitive: false,
  sensitiveCategories: [],
  granted: true,
});

// The shared machine is slow: give screens time to answer.
configure({ asyncUtilTimeout: 5000 });

describe('ConsentsPage', { timeout: 30_000 }, () => {
  it('explains every function, turns a switch on, and downloads the receipt of the grant', async () => {
    let granted = false;
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/privacy/consents': () => ({
        body: {
          language: 'en',
          policy: { acceptedVersion: 1, currentVersion: 1, reconsentRequired: false },
          purposes: [basic, purpose({ granted, since: granted ? 5 : null })],
        },
      }),
      'PUT /api/privacy/consents/location': (request) => {
        granted = (request.body as { granted: boolean }).granted;
        return { body: purpose({ granted }) };
      },
      'GET /api/privacy/consents/history': () => ({
        body: {
          records: granted
            ? [
                {
                  id: ids.record,
                  purpose: 'location',
                  action: 'granted',
                  method: 'ui',
                  policyVersion: 1,
                  edition: 'international',
                  recordedAt: Date.UTC(2026, 11, 2, 9),
                },
              ]
            : [],
        },
      }),
      [`GET /api/privacy/consents/${ids.record}/receipt`]: {
        body: { receipt: { version: 'KI-CR-v1.1.0' }, jws: 'a.b.c' },
      },
    });
    const createObjectURL = vi.fn(() => 'blob:receipt');
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = vi.fn();
    renderApp('/privacy/consents', fetch);
    const user = userEvent.setup();

    const location = await screen.findByRole('switch', { name: 'Location' });
    expect(location).toHaveProperty('checked', false);
    expect(screen.getByText('Your precise location, for sharing it in chats.')).toBeDefined();
    expect(screen.getByText('Sensitive')).toBeDefined();
    // Basic functions are explained but have no switch.
    expect(screen.getByRole('heading', { name: 'Account and sign-in' })).toBeDefined();
    expect(screen.queryByRole('switch', { name: 'Account and sign-in' })).toBeNull();

    await user.click(location);
    expect(await screen.findByRole('switch', { name: 'Location', checked: true })).toBeDefined();
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({ granted: true });
    expect(put.query).toEqual({ lang: 'en' });

    const table = screen.getByRole('table', { name: 'Consent record' });
    expect(await within(table).findByText('Location turned on (policy version 1)')).toBeDefined();
    await user.click(within(table).getByRole('button', { name: /Download receipt: Location/ }));
    expect(sent.some((r) => r.path === `/api/privacy/consents/${ids.record}/receipt`)).toBe(true);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
  });

  it('shows the server refusing a switch while the new policy is not accepted', async () => {
    const { fetch } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/privacy/consents': {
        body: {
          language: 'en',
          policy: { acceptedVersion: 1, currentVersion: 1, reconsentRequired: false },
          purposes: [purpose({})],
        },
      },
      'PUT /api/privacy/consents/location': {
        status: 403,
        body: { error: { id: 'consent_required', message: 'Accept the policy first.' } },
      },
      'GET /api/privacy/consents/history': { body: { records: [] } },
    });
    renderApp('/privacy/consents', fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('switch', { name: 'Location' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This function needs your consent first.',
    );
    expect(screen.getByRole('switch', { name: 'Location' })).toHaveProperty('checked', false);
  });
});
