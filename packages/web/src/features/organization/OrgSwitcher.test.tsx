import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health, type SentRequest } from '../../../test/fake-fetch';
import { renderApp } from '../../../test/render-app';
import { departments, me, member, notFound, org, organization, sales, zhang } from './org.fixtures';

/** A second organization of mine, with its own department and people. */
const river = '01900000-0000-7000-8000-0000000000c2';
const kitchen = '01900000-0000-7000-8000-0000000000d9';
const li = '01900000-0000-7000-8000-000000000004';
const riverFoods = { ...organization('member'), id: river, name: 'River Foods', memberCount: 2 };

/**
 * Answers a directory page like the server: the department's people, or
 * everyone; a department of another organization is not found.
 */
const directory =
  (people: Array<{ departmentIds: string[] }>, own: string) =>
  ({ query }: SentRequest) => {
    if (query.departmentId && query.departmentId !== own) return notFound;
    const shown = query.departmentId ? people.filter((p) => p.departmentIds.includes(own)) : people;
    return { body: { members: shown, nextOffset: null } };
  };

function twoOrganizations() {
  return fakeFetch({
    'GET /api/health': health(),
    'GET /api/account': account(me),
    'GET /api/organizations': {
      body: { organizations: [organization('member'), riverFoods] },
    },
    [`GET /api/organizations/${org}`]: { body: organization('member') },
    [`GET /api/organizations/${org}/departments`]: { body: { departments } },
    [`GET /api/organizations/${org}/members`]: directory(
      [member(me, 'Mei'), member(zhang, '张三', { departmentIds: [sales] })],
      sales,
    ),
    [`GET /api/organizations/${river}`]: { body: riverFoods },
    [`GET /api/organizations/${river}/departments`]: {
      body: { departments: [{ ...departments[0], id: kitchen, name: 'Kitchen' }] },
    },
    [`GET /api/organizations/${river}/members`]: directory(
      [member(me, 'Mei'), member(li, '李四', { departmentIds: [kitchen] })],
      kitchen,
    ),
  });
}

const people = () =>
  within(screen.getByRole('list', { name: 'People' }))
    .queryAllByRole('button')
    .map((b) => b.textContent);

describe('OrgSwitcher', () => {
  it("switches to another organization and shows that organization's directory", async () => {
    const { fetch } = twoOrganizations();
    const { router } = renderApp(`/org/${org}`, fetch);
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Harbour Works' }, { timeout: 5000 });
    await waitFor(() => expect(people()).toEqual(['Mei', '张三']));

    const switcher = screen.getByRole('combobox', { name: 'Organization' });
    await user.selectOptions(switcher, 'River Foods');
    expect(await screen.findByRole('heading', { name: 'River Foods' })).toBeDefined();
    expect(router.state.location.pathname).toBe(`/org/${river}`);
    await waitFor(() => expect(people()).toEqual(['Mei', '李四']));
    const tree = screen.getByRole('navigation', { name: 'Departments' });
    expect(within(tree).getByRole('button', { name: 'Kitchen (1)' })).toBeDefined();
    expect(within(tree).queryByRole('button', { name: 'Sales (1)' })).toBeNull();
    expect(
      (screen.getByRole('combobox', { name: 'Organization' }) as HTMLSelectElement).value,
    ).toBe(river);
  });

  it('starts the new directory at everyone, not at the department chosen in the last one', async () => {
    const { fetch, sent } = twoOrganizations();
    renderApp(`/org/${org}`, fetch);
    const user = userEvent.setup();
    const tree = await screen.findByRole('navigation', { name: 'Departments' }, { timeout: 5000 });
    await user.click(await within(tree).findByRole('button', { name: 'Sales (1)' }));
    await waitFor(() => expect(people()).toEqual(['张三']));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Organization' }), 'River Foods');
    await screen.findByRole('heading', { name: 'River Foods' });
    await waitFor(() => expect(people()).toEqual(['Mei', '李四']));
    expect(screen.getByRole('heading', { name: 'Everyone' })).toBeDefined();
    expect(screen.queryByRole('alert')).toBeNull();
    const asked = sent.filter((r) => r.path === `/api/organizations/${river}/members`);
    expect(asked.map((r) => r.query.departmentId)).not.toContain(sales);
  });

  it('goes to creating or joining one from the switcher, in Chinese', async () => {
    const { fetch } = twoOrganizations();
    const { router } = renderApp(`/org/${org}`, fetch, { languages: ['zh-CN'] });
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Harbour Works' }, { timeout: 5000 });
    const switcher = screen.getByRole('combobox', { name: '组织' });
    expect(
      within(switcher)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['创建或加入…', 'Harbour Works', 'River Foods']);
    await user.selectOptions(switcher, '创建或加入…');
    await waitFor(() => expect(router.state.location.pathname).toBe('/org'));
  });
});
