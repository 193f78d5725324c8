import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { fakeNotifications } from '../../../test/fake-notification';
import { renderApp } from '../../../test/render-app';
import { session, sessionId } from './settings.fixtures';

const me = '01900000-0000-7000-8000-000000000001';
const own = {
  userId: me,
  nickname: 'Mei',
  avatarUrl: null,
  realName: null,
  gender: null,
  birthday: null,
  workRegion: 'Singapore',
  enterpriseEmail: null,
  visibility: {
    realName: 'only_me',
    gender: 'only_me',
    birthday: 'only_me',
    workRegion: 'only_me',
    enterpriseEmail: 'only_me',
  },
};
const s2 = sessionId(2);

const notice = (n: number, kind: string, detail: Record<string, string> = {}) => ({
  id: `01900000-0000-7000-8000-0000000000e${n}`,
  kind,
  detail,
  createdAt: Date.UTC(2026, 11, 1, 8, n),
});
const notices = [
  notice(6, 'new_device', { device: 'Pixel 9', platform: 'android', ipRegion: '198.51.100.0/24' }),
  notice(5, 'password_changed', { how: 'change' }),
  notice(4, 'account_unfrozen'),
  notice(3, 'account_frozen'),
  notice(2, 'password_changed', { how: 'reset' }),
  notice(1, 'cancellation_withdrawn'),
];

function settingsServer() {
  let sessions = [session(1, 'This browser', true), session(2, 'Old phone', false)];
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    'GET /api/profile': { body: own },
    'PATCH /api/profile': (r) => ({ body: { ...own, ...(r.body as object) } }),
    'PUT /api/profile/avatar': {
      body: { ...own, avatarUrl: `/api/users/${me}/avatar?v=abc123` },
    },
    'GET /api/sessions': () => ({ body: { sessions } }),
    [`DELETE /api/sessions/${s2}`]: () => {
      sessions = sessions.filter((s) => s.id !== s2);
      return { status: 204 };
    },
    'GET /api/presence/settings': { body: { hideLastSeen: false } },
    'PATCH /api/presence/settings': { body: { hideLastSeen: true } },
    'GET /api/account/security-notices': { body: { notices } },
    'GET /api/contacts/settings': { body: { discoverableBy: { phone: false, email: false } } },
    'POST /api/account/password': {
      status: 400,
      body: { error: { id: 'invalid_credentials', message: 'no' } },
    },
  });
}

describe('SettingsPage', () => {
  it(
    'saves a profile field with its visibility and clears an emptied one',
    { timeout: 20_000 },
    async () => {
      const { fetch, sent } = settingsServer();
      renderApp('/settings', fetch);
      const user = userEvent.setup();
      const realName = await screen.findByRole('textbox', { name: 'Real name' }, { timeout: 5000 });
      await user.type(realName, 'Tan Mei Ling');
      await user.selectOptions(screen.getByLabelText('Who sees my Real name'), 'Everyone');
      await user.clear(screen.getByRole('textbox', { name: 'Work region' }));
      await user.click(screen.getByRole('button', { name: 'Save profile' }));
      expect(await screen.findByText('Saved.')).toBeDefined();
      const body = sent.find((r) => r.method === 'PATCH' && r.path === '/api/profile')?.body as {
        realName: string;
        workRegion: null;
        visibility: Record<string, string>;
      };
      expect(body.realName).toBe('Tan Mei Ling');
      expect(body.workRegion).toBeNull();
      expect(body.visibility.realName).toBe('public');
    },
  );

  it('ends another session, and never offers to end this one', async () => {
    const { fetch } = settingsServer();
    renderApp('/settings', fetch);
    const user = userEvent.setup();
    const list = await screen.findByRole(
      'list',
      { name: 'Devices and sessions' },
      { timeout: 5000 },
    );
    await within(list).findByText('Old phone');
    expect(within(list).queryByRole('button', { name: 'Sign out This browser' })).toBeNull();
    await user.click(within(list).getByRole('button', { name: 'Sign out Old phone' }));
    await screen.findByRole('button', { name: 'Sign out all other devices' });
    expect(within(list).queryByText('Old phone')).toBeNull();
  });

  it(
    'turns on "hide last seen" and shows a wrong current password as an alert',
    { timeout: 20_000 },
    async () => {
      const { fetch, sent } = settingsServer();
      renderApp('/settings', fetch);
      const user = userEvent.setup();
      await user.click(
        await screen.findByRole(
          'switch',
          { name: 'Hide when I was last online' },
          { timeout: 5000 },
        ),
      );
      expect(
        sent.find((r) => r.path === '/api/presence/settings' && r.method === 'PATCH')?.body,
      ).toEqual({
        hideLastSeen: true,
      });
      await user.type(screen.getByLabelText('Current password'), 'wrong password 1');
      await user.type(screen.getByLabelText(/^New password/), 'a new long password');
      await user.click(screen.getByRole('button', { name: 'Change password' }));
      expect(await screen.findByText('That password is wrong.')).toBeDefined();
    },
  );

  it('uploads an avatar as the raw image and shows the stored one', async () => {
    const { fetch, sent } = settingsServer();
    renderApp('/settings', fetch);
    const user = userEvent.setup();
    const picture = new File([new Uint8Array([137, 80, 78, 71])], 'me.png', { type: 'image/png' });
    await user.upload(await screen.findByLabelText('Upload an avatar'), picture);
    const avatar = (await screen.findByRole('img', { name: 'My avatar' })) as HTMLImageElement;
    expect(avatar.getAttribute('src')).toBe(`/api/users/${me}/avatar?v=abc123`);
    const upload = sent.find((r) => r.path === '/api/profile/avatar');
    expect(upload?.method).toBe('PUT');
    expect(upload?.headers['content-type']).toBe('image/png');
    expect(screen.getByRole('button', { name: 'Remove the avatar' })).toBeDefined();
  });
});

describe('Settings: notifications', () => {
  afterEach(() => vi.unstubAllGlobals());
  const desktopSwitch = () =>
    screen.findByRole('switch', { name: 'Desktop notifications on this device' });

  it('turns desktop pop-ups on after the browser allows them, and off again', async () => {
    const browser = fakeNotifications('default');
    renderApp('/settings', settingsServer().fetch);
    const user = userEvent.setup();
    const toggle = await desktopSwitch();
    expect(toggle).toHaveProperty('checked', false);
    await user.click(toggle);
    expect(browser.permission).toBe('granted');
    expect(toggle).toHaveProperty('checked', true);
    expect(localStorage.getItem('carillon.desktop-notifications')).toBe('on');
    await user.click(toggle);
    expect(toggle).toHaveProperty('checked', false);
    expect(localStorage.getItem('carillon.desktop-notifications')).toBeNull();
  });

  it('stays off and says how to allow them when the browser refuses', async () => {
    const browser = fakeNotifications('default');
    browser.answer = 'denied';
    renderApp('/settings', settingsServer().fetch);
    const user = userEvent.setup();
    const toggle = await desktopSwitch();
    await user.click(toggle);
    expect(toggle).toHaveProperty('checked', false);
    expect(toggle).toHaveProperty('disabled', true);
    expect(screen.getByText(/This browser blocks notifications from Carillon/)).toBeDefined();
    expect(localStorage.getItem('carillon.desktop-notifications')).toBeNull();
  });

  it('is unavailable in a browser without notifications', async () => {
    renderApp('/settings', settingsServer().fetch);
    expect(await desktopSwitch()).toHaveProperty('disabled', true);
    expect(screen.getByText('This browser cannot show desktop notifications.')).toBeDefined();
  });

  it('lists the security notices, which cannot be turned off, newest first', async () => {
    renderApp('/settings', settingsServer().fetch);
    const user = userEvent.setup();
    const list = await screen.findByRole('list', { name: 'Security notices' });
    const items = () =>
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent);
    expect(items()).toHaveLength(5);
    expect(items()[0]).toMatch(/^Signed in on a new device, Pixel 9, from 198\.51\.100\.0\/24/);
    expect(items()[1]).toMatch(/^Password changed; other devices were signed out/);
    expect(screen.getByText(/cannot be turned off/)).toBeDefined();
    expect(screen.queryByRole('switch', { name: /Security/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Show all (6)' }));
    expect(items()).toHaveLength(6);
    expect(items()[4]).toMatch(/^Password reset with a code; every device was signed out/);
    expect(items()[5]).toMatch(/^Account cancellation called off/);
  });
});
