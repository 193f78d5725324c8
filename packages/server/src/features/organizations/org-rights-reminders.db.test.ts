import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { EventType } from '@carillon/protocol/messaging';
import type { OrgRightsRequest } from '@carillon/protocol/org-data';
import { signInOn } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { editions } from '../../privacy/editions';
import { submitVerified } from '../../privacy/rights/rights.fixtures';
import { REMINDER_DAYS_BEFORE } from '@carillon/protocol/org-data';
import { call, makeSubAdmin, orgWith, person, type Person } from './organizations.test-support';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The test server runs the default edition. */
const DEADLINE_DAYS = editions.international.requestDeadlineDays;

/**
 * The reminders in `who`'s event stream, read from the log itself: weeks pass
 * in these tests, longer than a session stays signed in.
 */
async function reminders(t: TestApp, who: Person) {
  const rows = await t.db.db
    .selectFrom('events')
    .select('payload')
    .where('user_id', '=', who.userId)
    .where('type', '=', 'organization.rights_request_due' satisfies EventType)
    .orderBy('position')
    .execute();
  return rows.map((r) => JSON.parse(r.payload) as Record<string, unknown>);
}

/** Signs `who` in again, after the clock has run past their session. */
async function signedIn(t: TestApp, who: Awaited<ReturnType<typeof person>>): Promise<Person> {
  return { ...who, token: (await signInOn(t, who)).token };
}

async function queue(t: TestApp, admin: Person, orgId: string): Promise<OrgRightsRequest[]> {
  const response = await call(t, admin, 'GET', `/api/organizations/${orgId}/rights-requests`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json().requests as OrgRightsRequest[];
}

describeEachDialect('reminders of routed rights-request parts (ADR 20)', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('remind the main administrator once when the deadline nears and once when it passes', async () => {
    const t = testApp();
    const [admin, deputy, member] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [deputy, member], 'Harbour Works');
    await makeSubAdmin(t, admin, org.id, deputy, { permissions: ['members'], departmentId: null });
    await submitVerified(t, member, { kind: 'copy' });
    const [part] = await queue(t, admin, org.id);
    const runDue = () => t.app.routedPartReminders.runDue((error) => assert.fail(String(error)));

    t.clock.advance((DEADLINE_DAYS - REMINDER_DAYS_BEFORE) * DAY_MS - 60_000);
    await runDue();
    assert.deepEqual(await reminders(t, admin), [], 'not yet: the clock decides');
    t.clock.advance(60_000);
    await runDue();
    await runDue();
    const soon = {
      organizationId: org.id,
      name: 'Harbour Works',
      id: part!.id,
      kind: 'copy',
      deadlineAt: part!.deadlineAt,
      daysLeft: REMINDER_DAYS_BEFORE,
      overdue: false,
    };
    assert.deepEqual(await reminders(t, admin), [soon], 'once, however often the job runs');

    t.clock.advance(REMINDER_DAYS_BEFORE * DAY_MS);
    await runDue();
    assert.deepEqual(await reminders(t, admin), [soon], 'due today, not yet late');
    t.clock.advance(1);
    await runDue();
    await runDue();
    assert.deepEqual(await reminders(t, admin), [soon, { ...soon, daysLeft: -1, overdue: true }]);
    assert.deepEqual(await reminders(t, deputy), [], 'only the main administrator answers parts');
    assert.deepEqual(await reminders(t, member), [], 'the member sees it on their request');
  });

  it('skip parts that were answered, and remind each organization of its own', async () => {
    const t = testApp();
    const [admin, otherAdmin, member] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [member], 'Harbour Works');
    const other = await orgWith(t, otherAdmin, [member], 'Lantern Ltd');
    await submitVerified(t, member, { kind: 'copy' });
    const [answered] = await queue(t, admin, org.id);
    const fulfil = `/api/organizations/${org.id}/rights-requests/${answered!.id}/fulfil`;
    assert.equal((await call(t, admin, 'POST', fulfil, {})).statusCode, 200);

    t.clock.advance((DEADLINE_DAYS + 1) * DAY_MS);
    await t.app.routedPartReminders.runDue((error) => assert.fail(String(error)));
    assert.deepEqual(await reminders(t, admin), [], 'an answered part needs no reminder');
    const [late] = await queue(t, await signedIn(t, otherAdmin), other.id);
    assert.deepEqual(
      (await reminders(t, otherAdmin)).map((r) => [r.organizationId, r.id, r.overdue]),
      [[other.id, late!.id, true]],
      'a part first found late is reminded once, as overdue',
    );
  });
});
