import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { UserEvent } from '@carillon/protocol/messaging';
import type { OrgRightsRequest } from '@carillon/protocol/org-data';
import type { Kysely } from 'kysely';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { backfillRoutedDeadlines } from '../../platform/db/migrations/0015-routed-deadlines';
import { editions } from '../../privacy/editions';
import { getRequest, submitVerified } from '../../privacy/rights/rights.fixtures';
import { DISSOLVED_REASON } from './org-rights.service';
import { call, orgWith, person, type Person } from './organizations.test-support';

const DAY_MS = 24 * 60 * 60 * 1000;
const GRACE_DAYS = 15;
/** The test server runs the default edition. */
const DEADLINE_DAYS = editions.international.requestDeadlineDays;

async function queue(t: TestApp, admin: Person, orgId: string): Promise<OrgRightsRequest[]> {
  const response = await call(t, admin, 'GET', `/api/organizations/${orgId}/rights-requests`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json().requests as OrgRightsRequest[];
}

async function eventsOf(t: TestApp, who: Person): Promise<UserEvent[]> {
  const response = await call(t, who, 'GET', '/api/events?after=0');
  assert.equal(response.statusCode, 200, response.body);
  return response.json().events as UserEvent[];
}

describeEachDialect(
  'routed rights-request parts: deadlines and dissolution (ADR 18)',
  (dialect) => {
    const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

    it("carry the edition's deadline, shown to the member and to administrators, overdue first", async () => {
      const t = testApp();
      const [admin, early, late, answered] = [
        await person(t),
        await person(t),
        await person(t),
        await person(t),
      ];
      const org = await orgWith(t, admin, [early, late, answered], 'Harbour Works');
      const first = await submitVerified(t, early, { kind: 'copy' });
      const [routed] = await queue(t, admin, org.id);
      assert.equal(routed?.deadlineAt, routed!.createdAt + DEADLINE_DAYS * DAY_MS, 'from routing');
      const [part] = first.organizations;
      assert.equal(part?.deadlineAt, routed?.deadlineAt, 'the member sees the same deadline');
      assert.equal(part?.daysLeft, DEADLINE_DAYS);
      assert.equal(part?.overdue, false);

      t.clock.advance(10 * DAY_MS);
      const counting = (await getRequest(t, early, first.id)).organizations[0];
      assert.equal(counting?.daysLeft, DEADLINE_DAYS - 10);
      await submitVerified(t, answered, { kind: 'access' });
      const done = (await queue(t, admin, org.id)).find((r) => r.userId === answered.userId)!;
      const fulfilled = await call(
        t,
        admin,
        'POST',
        `/api/organizations/${org.id}/rights-requests/${done.id}/fulfil`,
        {},
      );
      assert.equal(fulfilled.statusCode, 200, fulfilled.body);
      assert.equal(fulfilled.json().daysLeft, null, 'answered: no days left to count');
      await submitVerified(t, late, { kind: 'copy' });

      t.clock.advance((DEADLINE_DAYS - 10) * DAY_MS + 1);
      const list = await queue(t, admin, org.id);
      assert.deepEqual(
        list.map((r) => [r.userId, r.status, r.overdue]),
        [
          [early.userId, 'open', true],
          [late.userId, 'open', false],
          [answered.userId, 'fulfilled', false],
        ],
        'open first, the overdue one at the top',
      );
      assert.equal(list[0]!.daysLeft, -1, 'the first day late');
      assert.equal(list[1]!.daysLeft, 9);
      const seen = await getRequest(t, early, first.id);
      assert.equal(seen.organizations[0]?.overdue, true, 'the member sees it is late');
      assert.equal(seen.organizations[0]?.daysLeft, -1);
    });

    it('gets a deadline in the migration when routed before deadlines were kept', async () => {
      const t = testApp();
      const [admin, worker, other] = [await person(t), await person(t), await person(t)];
      const org = await orgWith(t, admin, [worker, other]);
      const request = await submitVerified(t, worker, { kind: 'copy' });
      await submitVerified(t, other, { kind: 'copy' });
      const rows = () =>
        t.db.db
          .selectFrom('organization_rights_requests')
          .select(['request_id', 'created_at', 'deadline_at'])
          .where('organization_id', '=', org.id)
          .orderBy('created_at')
          .execute();
      const [before, untouched] = await rows();
      await t.db.db
        .updateTable('organization_rights_requests')
        .set({ deadline_at: 0 })
        .where('request_id', '=', request.id)
        .execute();
      await t.db.db
        .updateTable('rights_requests')
        .set({ deadline_at: request.createdAt + 5 * DAY_MS })
        .where('id', '=', request.id)
        .execute();
      await backfillRoutedDeadlines(t.db.db as unknown as Kysely<unknown>);
      const [after, same] = await rows();
      assert.equal(after?.deadline_at, before!.created_at + 5 * DAY_MS, "its request's days");
      assert.deepEqual(same, untouched, 'parts that have a deadline keep it');
    });

    it('are refused, not dropped, when the organization is dissolved; the member is told', async () => {
      const t = testApp();
      const [admin, worker, leaver, answered] = [
        await person(t),
        await person(t),
        await person(t),
        await person(t),
      ];
      const org = await orgWith(t, admin, [worker, leaver, answered], 'Harbour Works');
      const mine = await submitVerified(t, worker, { kind: 'copy' });
      const theirs = await submitVerified(t, leaver, { kind: 'access' });
      const kept = await submitVerified(t, answered, { kind: 'access' });
      const done = (await queue(t, admin, org.id)).find((r) => r.userId === answered.userId)!;
      const note = { note: 'HR sent you the records.' };
      const url = `/api/organizations/${org.id}/rights-requests/${done.id}/fulfil`;
      assert.equal((await call(t, admin, 'POST', url, note)).statusCode, 200);
      const left = await call(
        t,
        leaver,
        'DELETE',
        `/api/organizations/${org.id}/members/${leaver.userId}`,
      );
      assert.ok(left.statusCode < 300, left.body);

      const started = await call(t, admin, 'POST', `/api/organizations/${org.id}/dissolution`, {
        password: admin.password,
      });
      assert.equal(started.statusCode, 201, started.body);
      t.clock.advance(GRACE_DAYS * DAY_MS);
      assert.equal(await t.app.dissolutions.runDue(), 1);

      for (const [who, request] of [
        [worker, mine],
        [leaver, theirs],
      ] as const) {
        const after = await getRequest(t, who, request.id);
        assert.equal(after.organizations.length, 1, 'the part is still on the request');
        const [part] = after.organizations;
        assert.equal(part?.organizationName, 'Harbour Works');
        assert.equal(part?.status, 'refused');
        assert.equal(part?.refusalReason, DISSOLVED_REASON);
        assert.equal(part?.answeredAt, t.clock.now());
        assert.equal(part?.daysLeft, null);
      }
      const [answer] = (await getRequest(t, answered, kept.id)).organizations;
      assert.deepEqual(
        [answer?.status, answer?.answer],
        ['fulfilled', 'HR sent you the records.'],
        'answered parts keep their answer',
      );
      const told = (await eventsOf(t, leaver)).filter((e) => e.type === 'organization.dissolved');
      assert.equal(told.length, 1, 'a leaver whose part was open is told too');
      const left2 = await t.db.db
        .selectFrom('organization_rights_requests')
        .select('id')
        .where('organization_id', '=', org.id)
        .execute();
      assert.deepEqual(left2, [], "the organization's own copy is erased with it");
    });
  },
);
