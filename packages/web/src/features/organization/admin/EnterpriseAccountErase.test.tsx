import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../../test/fake-fetch';
import { renderApp } from '../../../../test/render-app';
import { enterpriseAccount, me, org, orgBasics, zhang } from '../org.fixtures';

const base = `/api/organizations/${org}/enterprise-accounts`;
const enterprise = enterpriseAccount();

describe('administrator console: deleting an enterprise account', () => {
  it('warns, asks for the password, shows a wrong one, then the account is gone', async () => {
    let accounts = [enterprise];
    const server = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(me),
      ...orgBasics('main_admin'),
      [`GET /api/organizations/${org}/code`]: { body: { code: 'HARBOUR1' } },
      [`GET ${base}`]: () => ({ body: { accounts } }),
      [`POST ${base}/${zhang}/erase`]: (request) => {
        const { password } = request.body as { password: string };
        if (password !== 'my administrator password')
          return {
            status: 401,
            body: { error: { id: 'invalid_credentials', message: 'The password is wrong.' } },
          };
        accounts = [];
        return { status: 204 };
      },
    });
    renderApp(`/org/${org}/admin/accounts`, server.fetch);
    const user = userEvent.setup();
    const row = await screen.findByRole('listitem', { name: '张三' });
    await user.click(within(row).getByRole('button', { name: 'Delete 张三' }));
    const form = within(row).getByRole('form', { name: 'Delete 张三' });
    expect(within(form).getByRole('note').textContent).toMatch(/for good.*cannot be undone/);

    await user.type(within(form).getByLabelText('Your password'), 'a wrong password here');
    await user.click(within(form).getByRole('button', { name: 'Delete 张三 for good' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('That password is wrong.');

    await user.clear(within(form).getByLabelText('Your password'));
    await user.type(within(form).getByLabelText('Your password'), 'my administrator password');
    await user.click(within(form).getByRole('button', { name: 'Delete 张三 for good' }));
    expect(await screen.findByText('No enterprise accounts yet.')).toBeDefined();
    const erase = server.sent.filter((r) => r.path === `${base}/${zhang}/erase`);
    expect(erase.map((r) => r.body)).toEqual([
      { password: 'a wrong password here' },
      { password: 'my administrator password' },
    ]);
  });
});
