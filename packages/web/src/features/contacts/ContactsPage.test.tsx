import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { tokenFromLink } from './QrSection';

const wei = { userId: '01900000-0000-7000-8000-000000000009', nickname: 'Wei', avatarUrl: null };

describe('ContactsPage', () => {
  it('accepts a request, then lists the friend with a button that opens the chat', async () => {
    let accepted = false;
    const { fetch } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/contacts/settings': { body: { discoverableBy: { phone: false, email: false } } },
      'GET /api/contacts': () => ({
        body: { contacts: accepted ? [{ profile: wei, since: 1 }] : [] },
      }),
      'GET /api/contacts/requests': () => ({
        body: {
          incoming: accepted
            ? []
            : [{ id: '01900000-0000-7000-8000-0000000000a1', profile: wei, createdAt: 1 }],
          outgoing: [],
        },
      }),
      'POST /api/contacts/requests/01900000-0000-7000-8000-0000000000a1/accept': () => {
        accepted = true;
        return { status: 204 };
      },
    });
    renderApp('/contacts', fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Accept Wei' }));
    expect(await screen.findByRole('button', { name: 'Message Wei' })).toBeDefined();
    expect(screen.getByRole('switch', { name: 'People who know my phone number' })).toHaveProperty(
      'checked',
      false,
    );
  });

  it('reads the token out of a pasted QR link', () => {
    expect(tokenFromLink(' carillon://contacts/qr?token=abc.def%3D ')).toBe('abc.def=');
    expect(tokenFromLink('plain-token-123')).toBe('plain-token-123');
  });
});
