import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';

const requestId = '01900000-0000-7000-8000-0000000000a1';
const pending = {
  id: requestId,
  status: 'pending',
  requestedAt: Date.UTC(2026, 11, 1),
  approvedAt: null,
  ruleEndsAt: Date.UTC(2031, 0, 1),
};
const chats = { 'GET /api/conversations': { body: { conversations: [] } } };

describe('guardian consent (cn edition)', () => {
  it('gives a child the link for their guardian, and drops the banner once it is approved', async () => {
    let approved = false;
    const { fetch } = fakeFetch({
      'GET /api/health': health('cn'),
      'GET /api/account': account(),
      ...chats,
      'GET /api/privacy/guardian': () => ({
        body: approved ? { ...pending, status: 'approved', approvedAt: 2 } : pending,
      }),
    });
    renderApp('/chats', fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    const banner = await screen.findByRole('region', { name: '监护人同意' });
    const link = screen.getByLabelText('发给监护人的链接') as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/guardian?request=${requestId}`);
    expect(banner.textContent).toMatch(/2031/);
    approved = true;
    await user.click(screen.getByRole('button', { name: '重新检查' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: '监护人同意' })).toBeNull());
  });

  it('asks nothing of an account that needs no guardian, and nothing outside the cn edition', async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health('international'),
      'GET /api/account': account(),
      ...chats,
    });
    renderApp('/chats', fetch);
    await screen.findByRole('heading', { name: 'Chats' });
    expect(sent.some((r) => r.path === '/api/privacy/guardian')).toBe(false);
    expect(screen.queryByRole('region', { name: 'Guardian consent' })).toBeNull();
  });

  it("lets a signed-in guardian approve the child's request from the link", async () => {
    const { fetch, sent } = fakeFetch({
      'GET /api/health': health('cn'),
      'GET /api/account': account('01900000-0000-7000-8000-000000000007'),
      ...chats,
      'GET /api/privacy/guardian': {
        status: 404,
        body: { error: { id: 'not_found', message: 'none' } },
      },
      [`POST /api/privacy/guardian/${requestId}/approve`]: {
        body: { ...pending, status: 'approved', approvedAt: 2 },
      },
    });
    renderApp(`/guardian?request=${requestId}`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Approve as guardian' }));
    expect(
      await screen.findByText("Approved. The child's account can now use every function."),
    ).toBeDefined();
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual([
      `/api/privacy/guardian/${requestId}/approve`,
    ]);
  });
});
