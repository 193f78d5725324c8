import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { account, fakeFetch, health } from '../../../../test/fake-fetch';
import { renderApp } from '../../../../test/render-app';
import { enterpriseAccount, me, org, orgBasics, zhang } from '../org.fixtures';

const base = `/api/organizations/${org}/enterprise-accounts`;
const li = '01900000-0000-7000-8000-000000000009';
const PASSWORD_SET = "Password set. The account's sessions have ended.";

describe('administrator console: the message after setting a password', () => {
  it('shows on its row until the next action on any row starts', async () => {
    let zhangAccount = enterpriseAccount();
    const liAccount = enterpriseAccount({ userId: li, accountName: 'li.si', name: '李四' });
    const server = fakeFetch({
      'GET /api/health': health(),
      'GET /api/account': account(me),
      ...orgBasics('main_admin'),
      [`GET /api/organizations/${org}/code`]: { body: { code: 'HARBOUR1' } },
      [`GET ${base}`]: () => ({ body: { accounts: [zhangAccount, liAccount] } }),
      [`POST ${base}/${zhang}/password`]: { status: 204 },
      [`POST ${base}/${zhang}/disable`]: () => {
        zhangAccount = enterpriseAccount({ disabledAt: Date.UTC(2026, 11, 2) });
        return { body: zhangAccount };
      },
    });
    renderApp(`/org/${org}/admin/accounts`, server.fetch);
    const user = userEvent.setup();
    const zhangRow = await screen.findByRole('listitem', { name: '张三' });
    const liRow = screen.getByRole('listitem', { name: '李四' });
    const setPassword = async () => {
      await user.click(within(zhangRow).getByRole('button', { name: 'Reset password for 张三' }));
      await user.type(within(zhangRow).getByLabelText('New password for 张三'), 'a long password');
      await user.click(within(zhangRow).getByRole('button', { name: 'Set password' }));
      expect((await within(zhangRow).findByRole('status')).textContent).toBe(PASSWORD_SET);
    };

    await setPassword();
    await user.click(within(liRow).getByRole('button', { name: 'Devices of 李四' }));
    expect(screen.queryByText(PASSWORD_SET)).toBeNull();

    await setPassword();
    await user.click(within(zhangRow).getByRole('button', { name: 'Disable 张三' }));
    expect(await within(zhangRow).findByText(/Disabled since/)).toBeDefined();
    expect(screen.queryByText(PASSWORD_SET)).toBeNull();
  });
});
