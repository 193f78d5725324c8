import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../../test/fake-fetch';
import { renderApp } from '../../../../test/render-app';
import { enterpriseAccount, me, notFound, org, orgBasics, sales, zhang } from '../org.fixtures';

const DAY = 86_400_000;
const base = `/api/organizations/${org}`;
const enterprise = (disabledAt: number | null = null) => enterpriseAccount({ disabledAt });
const apps = (directorySearch = true) => ({
  apps: [
    { id: 'group_chats', name: 'Group chats', description: 'Off: …', enabled: true },
    { id: 'file_sharing', name: 'File sharing', description: 'Off: …', enabled: true },
    {
      id: 'directory_search',
      name: 'Directory search',
      description: 'Off: …',
      enabled: directorySearch,
    },
  ],
});
const logEntry = (id: string, kind: string, userId = zhang) => ({
  id,
  userId,
  kind,
  detail: { device: 'Firefox on Linux' },
  createdAt: Date.UTC(2026, 11, 1, 9),
});

function server(myRole = 'main_admin', routes: Parameters<typeof fakeFetch>[0] = {}) {
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    ...orgBasics(myRole),
    [`GET ${base}/applications`]: { body: { applications: [] } },
    [`GET ${base}/certification`]: notFound,
    ...routes,
  });
}

describe('administrator console sections', () => {
  it('opens on people and structure; sub-administrators get no data section', async () => {
    const { fetch } = server('sub_admin');
    const { router } = renderApp(`/org/${org}/admin`, fetch);
    const nav = await screen.findByRole('navigation', { name: 'Console sections' });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/org/${org}/admin/people`));
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['People and structure', 'Enterprise accounts', 'App management', 'Security log']);
  });

  it('creates an enterprise account, disables it and sets a new password', async () => {
    let current = [enterprise()];
    const { fetch, sent } = server('main_admin', {
      [`GET ${base}/code`]: { body: { code: 'HARBOUR1' } },
      [`GET ${base}/enterprise-accounts`]: () => ({ body: { accounts: current } }),
      [`POST ${base}/enterprise-accounts`]: { status: 201, body: enterprise() },
      [`POST ${base}/enterprise-accounts/${zhang}/disable`]: () => {
        current = [enterprise(Date.UTC(2026, 11, 2))];
        return { body: current[0] };
      },
      [`POST ${base}/enterprise-accounts/${zhang}/password`]: { status: 204 },
    });
    renderApp(`/org/${org}/admin/accounts`, fetch);
    const user = userEvent.setup();
    expect(await screen.findByText('HARBOUR1')).toBeDefined();

    await user.type(screen.getByLabelText('Account name'), 'zhang.san');
    await user.type(screen.getByLabelText('Name in the organization'), '张三');
    await user.type(screen.getByLabelText('Initial password'), 'a long enough password');
    await user.selectOptions(screen.getByLabelText('Department'), 'Sales');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Account zhang.san created.')).toBeDefined();
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      accountName: 'zhang.san',
      name: '张三',
      password: 'a long enough password',
      departmentIds: [sales],
    });

    const row = screen.getByRole('listitem', { name: '张三' });
    await user.click(within(row).getByRole('button', { name: 'Disable 张三' }));
    expect(await within(row).findByText(/Disabled since/)).toBeDefined();
    expect(within(row).getByRole('button', { name: 'Enable 张三' })).toBeDefined();

    await user.click(within(row).getByRole('button', { name: 'Reset password for 张三' }));
    await user.type(within(row).getByLabelText('New password for 张三'), 'another long password');
    await user.click(within(row).getByRole('button', { name: 'Set password' }));
    expect(await within(row).findByRole('status')).toHaveProperty(
      'textContent',
      "Password set. The account's sessions have ended.",
    );
    expect(sent.find((r) => r.path.endsWith('/password'))?.body).toEqual({
      password: 'another long password',
    });
  });

  it('switches a built-in function off, in Chinese; only the main administrator may', async () => {
    const { fetch, sent } = server('main_admin', {
      [`GET ${base}/apps`]: { body: apps() },
      [`PUT ${base}/apps/directory_search`]: (request) => ({
        body: { ...apps().apps[2], ...(request.body as object) },
      }),
    });
    renderApp(`/org/${org}/admin/apps`, fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    const search = await screen.findByRole('switch', { name: '通讯录搜索' });
    await user.click(search);
    await waitFor(() => expect((search as HTMLInputElement).checked).toBe(false));
    expect(sent.find((r) => r.method === 'PUT')?.body).toEqual({ enabled: false });
    expect(screen.getByText('关闭后：不能搜索通讯录；仍可按部门浏览。')).toBeDefined();
  });

  it('keeps the switches read-only for a sub-administrator', async () => {
    const { fetch } = server('sub_admin', { [`GET ${base}/apps`]: { body: apps() } });
    renderApp(`/org/${org}/admin/apps`, fetch);
    const switches = await screen.findAllByRole('switch');
    expect(switches.every((s) => (s as HTMLInputElement).disabled)).toBe(true);
  });

  it('reads the security log with a purpose and the filters, pages back, and sets its retention', async () => {
    const { fetch, sent } = server('main_admin', {
      [`GET ${base}/security-log`]: (request) => ({
        body: request.query.before
          ? {
              entries: [logEntry('01900000-0000-7000-8000-000000000a01', 'login')],
              nextBefore: null,
            }
          : {
              entries: [logEntry('01900000-0000-7000-8000-000000000a02', 'new_device')],
              nextBefore: '01900000-0000-7000-8000-000000000a02',
            },
      }),
      [`GET ${base}/security-settings`]: { body: { securityLogDays: 180 } },
      [`PUT ${base}/security-settings`]: (request) => ({ body: request.body }),
    });
    renderApp(`/org/${org}/admin/security`, fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText(/Purpose of this read/), 'Lost phone of 张三');
    await screen.findByRole('option', { name: '张三' });
    await user.selectOptions(screen.getByLabelText('Member'), '张三');
    await user.selectOptions(screen.getByLabelText('What'), 'New device');
    await user.click(screen.getByRole('button', { name: 'Show the log' }));
    const table = await screen.findByRole('table', { name: 'Security log' });
    expect(within(table).getByText('New device')).toBeDefined();
    expect(within(table).getByText('张三')).toBeDefined();
    expect(within(table).getByText('Device: Firefox on Linux')).toBeDefined();
    expect(sent.find((r) => r.path.endsWith('/security-log'))?.query).toEqual({
      purpose: 'Lost phone of 张三',
      memberId: zhang,
      kind: 'new_device',
    });

    await user.click(screen.getByRole('button', { name: 'Older entries' }));
    expect(await within(table).findByText('Log-in')).toBeDefined();
    expect(screen.queryByRole('button', { name: 'Older entries' })).toBeNull();

    const days = screen.getByLabelText('Days');
    await waitFor(() => expect((days as HTMLInputElement).value).toBe('180'));
    await user.clear(days);
    await user.type(days, '30');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeDefined();
    expect(sent.find((r) => r.method === 'PUT')?.body).toEqual({ securityLogDays: 30 });
  });

  it('offers the export download and clears the retention period back to the platform rules', async () => {
    const { fetch, sent } = server('main_admin', {
      [`GET ${base}/retention`]: {
        body: {
          organizationId: org,
          days: 90,
          appliesTo: [{ table: 'messages', from: 'created_at' }],
        },
      },
      [`PUT ${base}/retention`]: (request) => ({
        body: { organizationId: org, ...(request.body as object), appliesTo: [] },
      }),
      [`GET ${base}/dissolution`]: notFound,
    });
    renderApp(`/org/${org}/admin/data`, fetch);
    const user = userEvent.setup();
    const link = await screen.findByRole('link', {
      name: "Download the organization's data (zip)",
    });
    expect(link.getAttribute('href')).toBe(`${base}/export`);
    expect(await screen.findByText('Kept for 90 days.')).toBeDefined();
    await user.clear(screen.getByLabelText('Keep for (days)'));
    await user.click(screen.getByRole('button', { name: 'Save retention' }));
    expect(await screen.findByText("No period set: the platform's rules apply.")).toBeDefined();
    expect(sent.find((r) => r.method === 'PUT')?.body).toEqual({ days: null });
  });

  it('starts the dissolution with the password, shows the grace period, and calls it off', async () => {
    const requestedAt = Date.UTC(2026, 11, 2, 9);
    const scheduled = {
      organizationId: org,
      requestedAt,
      eraseAfter: requestedAt + 15 * DAY,
      status: 'scheduled',
    };
    const { fetch, sent } = server('main_admin', {
      [`GET ${base}/retention`]: { body: { organizationId: org, days: null, appliesTo: [] } },
      [`GET ${base}/dissolution`]: notFound,
      [`POST ${base}/dissolution`]: { status: 201, body: scheduled },
      [`DELETE ${base}/dissolution`]: { body: { ...scheduled, status: 'withdrawn' } },
    });
    renderApp(`/org/${org}/admin/data`, fetch);
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText('Your password'), 'correct horse battery');
    await user.click(screen.getByRole('button', { name: 'Start dissolution' }));
    expect(sent.some((r) => r.path.endsWith('/dissolution') && r.method === 'POST')).toBe(false);
    await user.click(screen.getByRole('button', { name: 'Yes, dissolve' }));
    expect(await screen.findByText(/15-day grace period/)).toBeDefined();
    expect(sent.find((r) => r.method === 'POST')?.body).toEqual({
      password: 'correct horse battery',
    });
    await user.click(screen.getByRole('button', { name: 'Call off the dissolution' }));
    expect(await screen.findByText('The dissolution was called off.')).toBeDefined();
    expect(sent.some((r) => r.method === 'DELETE')).toBe(true);
  });
});
