import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { OrgMember } from '@carillon/protocol/organizations';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import {
  call,
  department,
  orgWith,
  person,
  place,
  type Person,
} from './organizations.test-support';

type Page = { members: OrgMember[]; nextOffset: number | null };

async function directory(t: TestApp, who: Person, orgId: string, query = ''): Promise<Page> {
  const response = await call(t, who, 'GET', `/api/organizations/${orgId}/members${query}`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as Page;
}

const names = (page: Page) => page.members.map((m) => m.name).sort();

describeEachDialect('organization directory search', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('finds Chinese names by full pinyin, initials and mixed input; Latin names as typed', async () => {
    const t = testApp();
    const admin = await person(t, 'Boss');
    const [zhang, li, anna] = [await person(t), await person(t), await person(t, 'annie')];
    const org = await orgWith(t, admin, [zhang, li, anna]);
    await place(t, admin, org.id, zhang, { name: '张三', position: 'Sales manager' });
    await place(t, admin, org.id, li, { name: '李四', officePhone: '+65 6123 4567' });
    await place(t, admin, org.id, anna, { name: 'Anna Lee' });
    const search = async (q: string) =>
      names(await directory(t, admin, org.id, `?q=${encodeURIComponent(q)}`));
    assert.deepEqual(await search('zhangsan'), ['张三']);
    assert.deepEqual(await search('zs'), ['张三']);
    assert.deepEqual(await search('张san'), ['张三']);
    assert.deepEqual(await search('张'), ['张三']);
    assert.deepEqual(await search('LiSi'), ['李四']);
    assert.deepEqual(await search('manager'), ['张三'], 'by position');
    assert.deepEqual(await search('6123 4567'), ['李四'], 'by office phone');
    assert.deepEqual(await search('anna'), ['Anna Lee']);
    assert.deepEqual(await search('annie'), ['Anna Lee'], 'by nickname');
    assert.deepEqual(await search('%'), [], 'wildcards are literal');
    assert.deepEqual(await search('wangwu'), []);
    // The key follows a rename: the old pinyin no longer finds the member.
    await place(t, admin, org.id, zhang, { name: '王五' });
    assert.deepEqual(await search('wangwu'), ['王五']);
    assert.deepEqual(await search('zhangsan'), []);
  });

  it('finds by personal phone only those who chose to be findable by it, and never shows it', async () => {
    const t = testApp();
    const admin = await person(t);
    const [open, closed] = [await person(t, 'Open'), await person(t, 'Closed')];
    const org = await orgWith(t, admin, [open, closed]);
    const findable = await call(t, open, 'PATCH', '/api/contacts/settings', {
      discoverableBy: { phone: true },
    });
    assert.equal(findable.statusCode, 200, findable.body);
    const byPhone = async (who: { phone: string }) =>
      directory(t, admin, org.id, `?q=${encodeURIComponent(who.phone)}`);
    const found = await byPhone(open);
    assert.deepEqual(
      found.members.map((m) => m.nickname),
      ['Open'],
    );
    assert.equal(JSON.stringify(found).includes(open.phone), false, 'the number is not shown');
    assert.deepEqual((await byPhone(closed)).members, []);
  });

  it('browses a department page by page', async () => {
    const t = testApp();
    const admin = await person(t);
    const staff = [await person(t), await person(t), await person(t)];
    const outsider = await person(t);
    const org = await orgWith(t, admin, [...staff, outsider]);
    const sales = await department(t, admin, org.id, 'Sales');
    for (const [i, who] of staff.entries())
      await place(t, admin, org.id, who, { name: `Seller ${i}`, departmentIds: [sales.id] });
    const first = await directory(t, admin, org.id, `?departmentId=${sales.id}&limit=2`);
    assert.deepEqual(
      first.members.map((m) => m.name),
      ['Seller 0', 'Seller 1'],
    );
    assert.equal(first.nextOffset, 2);
    const second = await directory(t, admin, org.id, `?departmentId=${sales.id}&limit=2&offset=2`);
    assert.deepEqual(
      second.members.map((m) => [m.name, m.departmentIds]),
      [['Seller 2', [sales.id]]],
    );
    assert.equal(second.nextOffset, null);
    const all = await directory(t, admin, org.id);
    assert.equal(all.members.length, 5);
    const unknown = await call(
      t,
      admin,
      'GET',
      `/api/organizations/${org.id}/members?departmentId=${crypto.randomUUID()}`,
    );
    assert.equal(unknown.statusCode, 404);
    const badLimit = await call(t, admin, 'GET', `/api/organizations/${org.id}/members?limit=0`);
    assert.equal(badLimit.statusCode, 400);
  });
});
