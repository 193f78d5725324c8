import assert from 'node:assert/strict';
import { it } from 'node:test';
import { registerFilledPerson } from '../../../test/engine-fixtures';
import { describeEachDialect, useTestApp } from '../../../test/harness';

describeEachDialect('access report', (dialect) => {
  const testApp = useTestApp(dialect);

  it('lists what is held, why, for how long, from where and who received it', async () => {
    const t = testApp();
    const person = await registerFilledPerson(t);
    await t.db.db
      .insertInto('data_recipients')
      .values({
        id: `r-${person.userId}`.slice(0, 36),
        subject_id: person.userId,
        recipient: 'Payroll Partner Ltd',
        purpose: 'salary payments',
        categories: JSON.stringify(['user.name']),
        created_at: t.clock.now(),
      })
      .execute();

    const report = await t.app.dataEngines.accessReport(person.userId);

    assert.equal(report.subjectId, person.userId);
    assert.equal(report.generatedAt, t.clock.now());
    assert.equal(report.storageRegion, 'Singapore');
    const users = report.items.find((i) => i.table === 'users');
    assert.ok(users);
    assert.equal(users.records, 1);
    assert.ok(users.categories.includes('user.contact.phone_number'));
    assert.ok(users.purposes.includes('essential.service.authentication'));
    assert.deepEqual(users.legalBasis, ['contract']);
    assert.equal(users.retention, 'as long as the account exists');
    assert.equal(users.restricted, false);
    const outbox = report.items.find((i) => i.table === 'outbox');
    assert.ok(outbox && outbox.records >= 1, 'rows found by phone number count too');
    assert.match(outbox.retention, /^30 days from created at/);
    assert.ok(!report.items.some((i) => i.table === 'operators'), 'only what is held');
    assert.ok(report.sources.includes('you'));
    assert.ok(report.sources.includes('the devices and networks you used'));
    assert.deepEqual(report.recipients, ['Payroll Partner Ltd: salary payments (user.name)']);
  });
});
