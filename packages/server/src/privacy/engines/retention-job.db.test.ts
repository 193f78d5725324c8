import assert from 'node:assert/strict';
import { it } from 'node:test';
import { registerUser } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { uuidV7Generator } from '../../platform/ids';

const DAY = 24 * 60 * 60 * 1000;

/** Security notices of a person, written `ageDays` before the clock's now. */
async function noticesAged(t: TestApp, userId: string, ageDays: number[]) {
  const ids = uuidV7Generator(t.clock);
  await t.db.db
    .insertInto('security_notices')
    .values(
      ageDays.map((age) => ({
        id: ids.next(),
        user_id: userId,
        kind: 'new_device',
        detail: JSON.stringify({ age }),
        created_at: t.clock.now() - age * DAY,
      })),
    )
    .execute();
}

const noticeAges = async (t: TestApp, userId: string) =>
  (
    await t.db.db
      .selectFrom('security_notices')
      .select('detail')
      .where('user_id', '=', userId)
      .where('kind', '=', 'new_device')
      .execute()
  )
    .map((r) => (JSON.parse(r.detail) as { age?: number }).age)
    .filter((age) => age !== undefined)
    .sort((a, b) => a - b);

describeEachDialect('retention', (dialect) => {
  const testApp = useTestApp(dialect);

  it('deletes only rows past their period, and logs every run', async () => {
    const t = testApp();
    const { userId, phone } = await registerUser(t);
    await noticesAged(t, userId, [10, 179, 181, 400]);

    const first = await t.app.dataEngines.retention.run();

    assert.deepEqual(await noticeAges(t, userId), [10, 179], 'security notices last 180 days');
    assert.ok(first.tables.security_notices!.rowsDeleted >= 2);
    const again = await t.app.dataEngines.retention.run();
    assert.equal(again.tables.security_notices, undefined, 'a second run finds nothing more');

    t.clock.advance(31 * DAY);
    const later = await t.app.dataEngines.retention.run();
    assert.deepEqual(await noticeAges(t, userId), [10]);
    const outbox = await t.db.db
      .selectFrom('outbox')
      .select('id')
      .where('destination', '=', phone)
      .execute();
    assert.equal(outbox.length, 0, 'the outbox keeps messages 30 days');
    assert.ok(later.tables.sessions, 'idle sessions go after 30 days');
    const user = await t.db.db.selectFrom('users').select('id').where('id', '=', userId).execute();
    assert.equal(user.length, 1, 'account-lifetime data stays');

    const runs = await t.db.db
      .selectFrom('retention_runs')
      .selectAll()
      .orderBy('started_at')
      .execute();
    assert.deepEqual(
      runs.map((r) => r.id),
      [first.id, again.id, later.id],
    );
    assert.equal(runs[0]!.rows_deleted, first.rowsDeleted);
    const audited = await t.db.db
      .selectFrom('audit_entries')
      .select('detail')
      .where('action', '=', 'retention.ran')
      .execute();
    assert.equal(audited.length, 3);
  });

  it('holds the rows of a person who restricted their processing', async () => {
    const t = testApp();
    const held = await registerUser(t);
    const other = await registerUser(t);
    await noticesAged(t, held.userId, [200]);
    await noticesAged(t, other.userId, [200]);
    await t.app.dataEngines.restrict(held.userId, 'user.device');

    await t.app.dataEngines.retention.run();

    assert.deepEqual(await noticeAges(t, held.userId), [200]);
    assert.deepEqual(await noticeAges(t, other.userId), []);
    await t.app.dataEngines.liftRestriction(held.userId, 'user.device');
    await t.app.dataEngines.retention.run();
    assert.deepEqual(await noticeAges(t, held.userId), []);
  });
});
