import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health, type SentRequest } from '../../../../test/fake-fetch';
import { renderApp } from '../../../../test/render-app';
import { enterpriseAccount, me, org, orgBasics, zhang } from '../org.fixtures';

const base = `/api/organizations/${org}/enterprise-accounts`;
const enterprise = enterpriseAccount();
const session = (name: string, platform: string, ipRegion: string | null) => ({
  device: { name, platform },
  createdAt: Date.UTC(2026, 10, 20, 8),
  lastSeenAt: Date.UTC(2026, 11, 1, 9),
  ipRegion,
});
const failure = (status: number, id: string, message: string) => ({
  status,
  body: { error: { id, message } },
});

/** The accounts section, with `devices` answering GET …/enterprise-accounts/:userId. */
function openAccounts(
  devices: (request: SentRequest) => { status?: number; body?: unknown },
  languages?: string[],
) {
  const server = fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    ...orgBasics('main_admin'),
    [`GET /api/organizations/${org}/code`]: { body: { code: 'HARBOUR1' } },
    [`GET ${base}`]: { body: { accounts: [enterprise] } },
    [`GET ${base}/${zhang}`]: devices,
  });
  renderApp(`/org/${org}/admin/accounts`, server.fetch, languages ? { languages } : {});
  return server;
}

/** Opens 张三's devices and asks with `purpose`; returns the row. */
async function askForDevices(purpose: string, names = { open: 'Devices of 张三' }) {
  const user = userEvent.setup();
  const row = await screen.findByRole('listitem', { name: '张三' });
  await user.click(within(row).getByRole('button', { name: names.open }));
  const form = within(row).getByRole('form', { name: names.open });
  await user.type(within(form).getByRole('textbox'), purpose);
  await user.click(within(form).getByRole('button'));
  return row;
}

const devicesRead = (sent: SentRequest[]) =>
  sent.filter((r) => r.path === `${base}/${zhang}`).map((r) => r.query);

describe('administrator console: an enterprise account’s devices', () => {
  it('asks why, says the purpose is recorded and shown to the member, then lists the devices', async () => {
    const { sent } = openAccounts(() => ({
      body: {
        ...enterprise,
        sessions: [session('Office PC', 'windows', 'Singapore'), session('Phone', 'ios', null)],
      },
    }));
    const user = userEvent.setup();
    const row = await screen.findByRole('listitem', { name: '张三' });
    const open = within(row).getByRole('button', { name: 'Devices of 张三' });
    expect(open.getAttribute('aria-expanded')).toBe('false');
    await user.click(open);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    const field = within(row).getByRole('textbox', {
      name: 'Why you are reading the devices of 张三',
    });
    expect(field.hasAttribute('required')).toBe(true);
    expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Required, at least 3 characters. It is recorded in the audit log and shown to 张三 under “Who accessed my data”.',
    );
    expect(devicesRead(sent)).toEqual([]);

    await user.type(field, '  Lost laptop report ');
    await user.click(within(row).getByRole('button', { name: 'Show devices' }));
    const table = await within(row).findByRole('table', { name: 'Devices of 张三' });
    expect(devicesRead(sent)).toEqual([{ purpose: 'Lost laptop report' }]);
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((tr) =>
        within(tr)
          .getAllByRole('cell')
          .map((td) => td.textContent),
      );
    expect(cells).toEqual([
      ['Office PC', 'Windows', '20 Nov 2026, 08:00', '1 Dec 2026, 09:00', 'Singapore'],
      ['Phone', 'iOS', '20 Nov 2026, 08:00', '1 Dec 2026, 09:00', 'Unknown'],
    ]);
    expect(within(row).queryByRole('alert')).toBeNull();
  });

  it('says so when no device is signed in, in Chinese', async () => {
    openAccounts(() => ({ body: { ...enterprise, sessions: [] } }), ['zh-CN']);
    const row = await askForDevices('排查异常登录', { open: '张三 的设备' });
    expect(await within(row).findByText('该账号目前没有已登录的设备。')).toBeDefined();
    expect(within(row).getByLabelText('查看 张三 的设备的目的')).toBeDefined();
  });

  it('lists the devices with Chinese dates and platform names', async () => {
    openAccounts(
      () => ({ body: { ...enterprise, sessions: [session('办公电脑', 'web', null)] } }),
      ['zh-CN'],
    );
    const row = await askForDevices('排查异常登录', { open: '张三 的设备' });
    const table = await within(row).findByRole('table', { name: '张三 的设备' });
    expect(
      within(within(table).getAllByRole('row')[1]!)
        .getAllByRole('cell')
        .map((td) => td.textContent),
    ).toEqual(['办公电脑', '网页浏览器', '2026年11月20日 08:00', '2026年12月1日 09:00', '未知']);
  });

  it('shows the server’s refusal of a purpose too short once trimmed (400)', async () => {
    const { sent } = openAccounts((request) =>
      request.query.purpose!.trim().length < 3
        ? failure(
            400,
            'validation_failed',
            'purpose: Too small: expected string to have >=3 characters',
          )
        : { body: { ...enterprise, sessions: [] } },
    );
    const row = await askForDevices(' ab   ');
    expect((await within(row).findByRole('alert')).textContent).toBe(
      'Some details are missing or not valid.',
    );
    expect(devicesRead(sent)).toEqual([{ purpose: 'ab' }]);
    expect(within(row).queryByRole('table')).toBeNull();
  });

  it('shows a 403 for an administrator without the right to read them', async () => {
    openAccounts(() => failure(403, 'forbidden', 'Only administrators over all members.'));
    const row = await askForDevices('Lost laptop report');
    expect((await within(row).findByRole('alert')).textContent).toBe(
      'You are not allowed to do that.',
    );
    expect(within(row).queryByRole('table')).toBeNull();
  });
});
