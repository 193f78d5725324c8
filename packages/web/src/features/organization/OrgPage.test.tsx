import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';

const me = '01900000-0000-7000-8000-000000000001';
const zhang = '01900000-0000-7000-8000-000000000003';
const org = '01900000-0000-7000-8000-0000000000c1';
const sales = '01900000-0000-7000-8000-0000000000d1';
const east = '01900000-0000-7000-8000-0000000000d2';

const organization = (myRole = 'main_admin') => ({
  id: org,
  name: 'Harbour Works',
  location: null,
  industry: null,
  staffSize: null,
  certified: false,
  certifiedAt: null,
  memberCount: 2,
  myRole,
  createdAt: 1,
});
const member = (userId: string, name: string, change: Record<string, unknown> = {}) => ({
  userId,
  name,
  nickname: name,
  role: 'member',
  position: null,
  departmentIds: [],
  officeEmail: null,
  officePhone: null,
  joinedAt: 1,
  ...change,
});
const departments = [
  { id: sales, parentId: null, name: 'Sales', managerId: null, memberCount: 1, groupId: null },
  { id: east, parentId: sales, name: 'East', managerId: null, memberCount: 1, groupId: null },
];

/** The fake server, and every URL asked for (fakeFetch keeps only the path; searches need the query). */
function orgServer(myRole = 'main_admin') {
  const server = orgRoutes(myRole);
  const urls: string[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    urls.push(String(input));
    return server.fetch(input, init);
  }) as typeof globalThis.fetch;
  return { ...server, fetch, urls };
}

function orgRoutes(myRole: string) {
  const zhangsan = member(zhang, '张三', { position: 'Sales lead', departmentIds: [east] });
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    'GET /api/organizations': { body: { organizations: [organization(myRole)] } },
    [`GET /api/organizations/${org}`]: { body: organization(myRole) },
    [`GET /api/organizations/${org}/departments`]: { body: { departments } },
    [`GET /api/organizations/${org}/members`]: (r) => {
      const q = new URLSearchParams(r.path.split('?')[1]).get('q');
      void q;
      return {
        body: { members: [member(me, 'Mei', { role: myRole }), zhangsan], nextOffset: null },
      };
    },
    [`GET /api/organizations/${org}/members/${zhang}`]: {
      body: { ...zhangsan, officePhone: '+65 6000 0001', jobNumber: 'E-042' },
    },
    [`PATCH /api/organizations/${org}/departments/${east}`]: (r) => ({
      body: { ...departments[1], ...(r.body as object) },
    }),
    [`PUT /api/organizations/${org}/members/${zhang}/role`]: { body: { ok: true } },
    [`POST /api/organizations/${org}/invites`]: (r) => ({
      status: 201,
      body:
        (r.body as { kind: string }).kind === 'code'
          ? { kind: 'code', code: 'K7M2Q9XA', expiresAt: 9 }
          : { kind: 'link', token: 'org-invite-token-1', expiresAt: 9 },
    }),
    [`GET /api/organizations/${org}/applications`]: { body: { applications: [] } },
    [`GET /api/organizations/${org}/certification`]: {
      status: 404,
      body: { error: { id: 'not_found', message: 'none' } },
    },
  });
}

describe('OrgPage (directory)', () => {
  it('searches the directory with the typed text (pinyin is matched by the server) and opens a card', async () => {
    const { fetch, urls } = orgServer('member');
    renderApp(`/org/${org}`, fetch);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Harbour Works' });
    expect(screen.queryByRole('link', { name: 'Administrator console' })).toBeNull();
    await user.type(screen.getByRole('searchbox', { name: /Search people/ }), 'zs');
    await screen.findByText('Search results');
    await waitFor(() =>
      expect(urls).toContain(`/api/organizations/${org}/members?q=zs&offset=0&limit=50`),
    );
    await user.click(screen.getByRole('button', { name: '张三' }));
    const card = await screen.findByRole('article', { name: '张三' });
    expect(within(card).getByText('Sales / East')).toBeDefined();
    expect(within(card).getByText('E-042')).toBeDefined();
  });

  it('browses a department of the tree', async () => {
    const { fetch } = orgServer('member');
    renderApp(`/org/${org}`, fetch);
    const user = userEvent.setup();
    const tree = await screen.findByRole('navigation', { name: 'Departments' });
    await user.click(within(tree).getByRole('button', { name: 'East (1)' }));
    expect(await screen.findByRole('heading', { name: 'East' })).toBeDefined();
    expect(
      within(tree).getByRole('button', { name: 'East (1)' }).getAttribute('aria-current'),
    ).toBe('true');
  });
});

describe('AdminConsole', () => {
  it('moves a department, offering no parent inside its own subtree', async () => {
    const { fetch, sent } = orgServer();
    renderApp(`/org/${org}/admin`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit Sales' }));
    const form = screen.getByRole('form', { name: 'Edit Sales' });
    const parent = within(form).getByLabelText('Under') as HTMLSelectElement;
    expect([...parent.options].map((o) => o.text)).toEqual(['Top level']);
    await user.click(screen.getByRole('button', { name: 'Edit Sales' }));

    await user.click(screen.getByRole('button', { name: 'Edit East' }));
    const eastForm = screen.getByRole('form', { name: 'Edit East' });
    await user.selectOptions(within(eastForm).getByLabelText('Under'), 'Top level');
    await user.click(within(eastForm).getByRole('button', { name: 'Save' }));
    await screen.findByRole('button', { name: 'Edit East' });
    expect(sent.find((r) => r.method === 'PATCH')?.body).toEqual({ name: 'East', parentId: null });
  });

  it('makes a member a sub-administrator for one department, and creates invite links and codes', async () => {
    const { fetch, sent } = orgServer();
    renderApp(`/org/${org}/admin`, fetch);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Manage 张三' }));
    const roleForm = screen.getByRole('form', { name: 'Role of 张三' });
    await user.selectOptions(within(roleForm).getByLabelText('Role'), 'Sub-administrator');
    await user.click(within(roleForm).getByRole('checkbox', { name: 'Departments' }));
    await user.selectOptions(within(roleForm).getByLabelText('Within'), 'Sales / East');
    await user.click(within(roleForm).getByRole('button', { name: 'Save role' }));
    expect(await within(roleForm).findByText('Saved.')).toBeDefined();
    expect(sent.find((r) => r.method === 'PUT')?.body).toEqual({
      role: 'sub_admin',
      scope: { permissions: ['members', 'departments'], departmentId: east },
    });

    await user.click(screen.getByRole('button', { name: 'Create an invite link' }));
    const link = (await screen.findByLabelText('Invite link')) as HTMLInputElement;
    expect(link.value).toMatch(/\/org\/join\?token=org-invite-token-1$/);
    await user.click(screen.getByRole('button', { name: 'Create an invite code' }));
    expect(await screen.findByText('K7M2Q9XA')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Submit for certification' })).toBeDefined();
  });
});
