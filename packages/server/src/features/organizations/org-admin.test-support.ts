import assert from 'node:assert/strict';
import type { SessionGrant } from '@carillon/protocol/auth';
import type { EnterpriseAccount } from '@carillon/protocol/org-admin';
import type { TestApp } from '../../../test/harness';
import { call, type Person } from './organizations.test-support';

/** A password the rules accept, for enterprise accounts made in tests. */
export const enterprisePassword = 'lantern harbour morning tide';

/** The organization code, as its administrator reads it. */
export async function orgCode(t: TestApp, admin: Person, orgId: string): Promise<string> {
  const response = await call(t, admin, 'GET', `/api/organizations/${orgId}/code`);
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { code: string }).code;
}

/** Signs in to an enterprise account; returns the raw response. */
export function enterpriseLogin(
  t: TestApp,
  organizationCode: string,
  accountName: string,
  password = enterprisePassword,
  deviceName = 'Office PC',
) {
  return t.request({
    method: 'POST',
    url: '/api/auth/login',
    payload: {
      organizationCode,
      accountName,
      password,
      device: { name: deviceName, platform: 'windows' },
    },
  });
}

/** Creates an enterprise account as `admin` and signs it in; returns the account and its grant. */
export async function enterpriseMember(
  t: TestApp,
  admin: Person,
  orgId: string,
  accountName: string,
  departmentIds: string[] = [],
): Promise<{ account: EnterpriseAccount; grant: SessionGrant; code: string }> {
  const created = await call(t, admin, 'POST', `/api/organizations/${orgId}/enterprise-accounts`, {
    accountName,
    name: `Member ${accountName}`,
    password: enterprisePassword,
    departmentIds,
  });
  assert.equal(created.statusCode, 201, created.body);
  const code = await orgCode(t, admin, orgId);
  const login = await enterpriseLogin(t, code, accountName);
  assert.equal(login.statusCode, 200, login.body);
  return {
    account: created.json() as EnterpriseAccount,
    grant: login.json() as SessionGrant,
    code,
  };
}
