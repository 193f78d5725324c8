import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';

const wei = { userId: '01900000-0000-7000-8000-000000000009', nickname: 'Wei', avatarUrl: null };

function contactsServer(granted: boolean) {
  let blocked: Array<{ userId: string; nickname: string; since: number }> = [];
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(),
    'GET /api/contacts/settings': { body: { discoverableBy: { phone: true, email: false } } },
    'GET /api/contacts': () => ({
      body: { contacts: blocked.length ? [] : [{ profile: wei, since: 1 }] },
    }),
    'GET /api/contacts/requests': { body: { incoming: [], outgoing: [] } },
    'GET /api/contacts/card': {
      body: {
        token: 'card-token-abc',
        url: 'carillon://contacts/card?token=x',
        expiresAt: 5,
        profile: { ...wei, nickname: 'Mei' },
      },
    },
    'GET /api/contacts/blocked': () => ({ body: { blocked } }),
    [`PUT /api/contacts/blocked/${wei.userId}`]: () => {
      blocked = [{ userId: wei.userId, nickname: 'Wei', since: 2 }];
      return { status: 204 };
    },
    'GET /api/privacy/consents': {
      body: {
        language: 'en',
        policy: { acceptedVersion: 1, currentVersion: 1, reconsentRequired: false },
        purposes: [
          {
            purpose: 'contacts_matching',
            kind: 'additional',
            title: 'Address-book matching',
            description: '…',
            dataUse: 'functional',
            dataCategories: [],
            sensitive: false,
            sensitiveCategories: [],
            granted,
            since: null,
            recordId: null,
          },
        ],
      },
    },
    'POST /api/contacts/match': granted
      ? { body: { matches: [{ phone: '+6581234567', profile: wei }] } }
      : { status: 403, body: { error: { id: 'consent_required', message: 'consent' } } },
  });
}

describe('Contacts additions', () => {
  it('shows my e-card link and blocks a friend, who then appears in the block list', async () => {
    const { fetch } = contactsServer(true);
    renderApp('/contacts', fetch);
    const user = userEvent.setup();
    const link = (await screen.findByLabelText(
      'Link to my e-card',
      {},
      { timeout: 5000 },
    )) as HTMLInputElement;
    expect(link.value).toMatch(/\/contacts\/card\?token=card-token-abc$/);
    await user.selectOptions(await screen.findByLabelText('Block a contact'), 'Wei');
    await user.click(screen.getByRole('button', { name: 'Block' }));
    const list = screen.getByRole('list', { name: 'Blocked people' });
    expect(await within(list).findByRole('button', { name: 'Unblock Wei' })).toBeDefined();
  });

  it(
    'explains consent_required instead of a bare error when matching without consent',
    { timeout: 20_000 },
    async () => {
      const { fetch } = contactsServer(false);
      renderApp('/contacts', fetch);
      const user = userEvent.setup();
      const consent = await screen.findByRole(
        'switch',
        { name: 'Allow address-book matching' },
        { timeout: 5000 },
      );
      expect((consent as HTMLInputElement).checked).toBe(false);
      await user.type(
        screen.getByLabelText('Numbers from my address book (one per line)'),
        '+6581234567',
      );
      await user.click(screen.getByRole('button', { name: 'Find friends' }));
      expect(await screen.findByText(/needs your consent/)).toBeDefined();
    },
  );

  it('lists matches once the consent is given', { timeout: 20_000 }, async () => {
    const { fetch, sent } = contactsServer(true);
    renderApp('/contacts', fetch);
    const user = userEvent.setup();
    await user.type(
      await screen.findByLabelText(
        'Numbers from my address book (one per line)',
        {},
        { timeout: 5000 },
      ),
      '+6581234567{enter}+6590000000',
    );
    await user.click(screen.getByRole('button', { name: 'Find friends' }));
    const found = await screen.findByRole('list', { name: 'People found' });
    expect(within(found).getByText('Wei')).toBeDefined();
    expect(sent.find((r) => r.path === '/api/contacts/match')?.body).toEqual({
      phones: ['+6581234567', '+6590000000'],
    });
  });
});

describe('CardPage', () => {
  it('opens an e-card by its token and sends a request from it', async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(),
      'GET /api/contacts/cards/card-token-abc': { body: { ...wei, workRegion: 'Shanghai' } },
      'POST /api/contacts/cards/card-token-abc/request': { status: 202, body: { status: 'sent' } },
    });
    renderApp('/contacts/card?token=card-token-abc', fetch);
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { name: 'Wei' }, { timeout: 5000 })).toBeDefined();
    expect(screen.getByText('Shanghai')).toBeDefined();
    await user.click(screen.getByRole('button', { name: 'Send friend request' }));
    expect(await screen.findByText(/Request sent/)).toBeDefined();
    expect(sent.some((r) => r.method === 'POST' && r.path.endsWith('/request'))).toBe(true);
  });
});
