import assert from 'node:assert/strict';
import { it } from 'node:test';
import { drain, unzip } from '../../../test/engine-fixtures';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { call, department, orgWith, person, place } from './organizations.test-support';

describeEachDialect('organization data in access, export and erasure', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('reports membership as organization-controlled, leaves it out of the personal copy, erases it', async () => {
    const t = testApp();
    const [admin, worker] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [worker]);
    const sales = await department(t, admin, org.id, 'Sales');
    await place(t, admin, org.id, worker, {
      name: '王五',
      officePhone: '+65 6000 0002',
      departmentIds: [sales.id],
    });
    await call(t, admin, 'PATCH', `/api/organizations/${org.id}/departments/${sales.id}`, {
      managerId: worker.userId,
    });
    const engines = t.app.dataEngines;

    const report = await engines.accessReport(worker.userId);
    const membership = report.items.find((i) => i.table === 'organization_members');
    assert.equal(membership?.controller, 'organization');
    assert.equal(membership?.records, 1);

    const zip = await unzip(await drain(await engines.exportArchive(worker.userId)));
    assert.equal(zip.has('data/organization_members.json'), false, 'the organization exports it');
    assert.ok(zip.has('data/users.json'));
    const orgZip = await unzip(await drain(await engines.exportOrganization(org.id)));
    const exported = JSON.parse(orgZip.get('data/organization_members.json')!.toString());
    assert.ok(exported.rows.some((r: { name: string }) => r.name === '王五'));

    await engines.erase(worker.userId, { kind: 'all' });
    const left = await t.db.db
      .selectFrom('organization_members')
      .select('user_id')
      .where('organization_id', '=', org.id)
      .execute();
    assert.deepEqual(
      left.map((r) => r.user_id),
      [admin.userId],
    );
    const dept = await t.db.db
      .selectFrom('organization_departments')
      .select('manager_id')
      .where('id', '=', sales.id)
      .executeTakeFirstOrThrow();
    assert.equal(dept.manager_id, null, 'the department stays, unlinked from the person');
  });
});
