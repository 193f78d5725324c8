import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { UserEvent } from '@carillon/protocol/messaging';
import { unzip } from '../../../test/engine-fixtures';
import { errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { auditActions } from '../../privacy/rights/rights.fixtures';
import {
  EVENTS_TOPIC,
  isEventBatch,
  userTopic,
  type EventBatch,
} from '../messaging/events.service';
import { groupWith, send } from '../messaging/messaging.test-support';
import { enterpriseLogin, enterpriseMember } from './org-admin.test-support';
import { openColleagueChat } from './org-chats.test-support';
import {
  call,
  department,
  makeSubAdmin,
  orgWith,
  person,
  place,
  type Person,
} from './organizations.test-support';

const DAY_MS = 24 * 60 * 60 * 1000;
const GRACE_DAYS = 15;

async function events(t: TestApp, who: Person): Promise<UserEvent[]> {
  const response = await call(t, who, 'GET', '/api/events?after=0');
  assert.equal(response.statusCode, 200, response.body);
  return response.json().events as UserEvent[];
}

const ofType = (list: UserEvent[], type: string) => list.filter((e) => e.type === type);

describeEachDialect('dissolving an organization (ORG-8)', (dialect) => {
  const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

  it('gives notice, keeps export open, and erases the organization after the grace period', async () => {
    const t = testApp();
    const [admin, worker, other] = [await person(t), await person(t), await person(t)];
    const org = await orgWith(t, admin, [worker], 'Harbour Works');
    const survivor = await orgWith(t, other, [worker], 'Lantern Ltd');
    const dept = await department(t, admin, org.id, 'Sales');
    await place(t, admin, org.id, worker, { position: 'Rigger', departmentIds: [dept.id] });
    const live: unknown[] = [];
    // Committed events go out once each on the events topic, naming every recipient.
    const subscription = await t.app.bus.subscribe(EVENTS_TOPIC, (event) => {
      if (isEventBatch(event) && event.cursors.some(([id]) => id === worker.userId))
        live.push(event);
    });

    const started = await call(t, admin, 'POST', `/api/organizations/${org.id}/dissolution`, {
      password: admin.password,
    });
    assert.equal(started.statusCode, 201, started.body);
    const eraseAfter = t.clock.now() + GRACE_DAYS * DAY_MS;
    assert.deepEqual(started.json(), {
      organizationId: org.id,
      requestedAt: t.clock.now(),
      eraseAfter,
      status: 'scheduled',
    });
    const [notice] = ofType(await events(t, worker), 'organization.dissolution_scheduled');
    assert.deepEqual(notice?.payload, {
      organizationId: org.id,
      name: 'Harbour Works',
      eraseAfter,
    });
    for (let waited = 0; live.length === 0 && waited < 2_000; waited += 10)
      await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal((live[0] as EventBatch).eventType, 'organization.dissolution_scheduled');
    await subscription.unsubscribe();
    const read = await call(t, worker, 'GET', `/api/organizations/${org.id}/dissolution`);
    assert.equal(read.statusCode, 200);
    assert.equal(read.json().eraseAfter, eraseAfter);

    const twice = await call(t, admin, 'POST', `/api/organizations/${org.id}/dissolution`, {
      password: admin.password,
    });
    assert.equal(twice.statusCode, 409);

    t.clock.advance(GRACE_DAYS * DAY_MS - 60_000);
    const exported = await call(t, admin, 'GET', `/api/organizations/${org.id}/export`);
    assert.equal(exported.statusCode, 200, 'administrators can still export');
    assert.ok((await unzip(exported.rawPayload)).has('data/organization_members.json'));
    assert.equal(await t.app.dissolutions.runDue(), 0, 'not due yet: the clock decides');

    t.clock.advance(60_000);
    assert.equal(await t.app.dissolutions.runDue(), 1);
    assert.equal(await t.app.dissolutions.runDue(), 0, 'done once');
    const count = async (
      table: 'organization_members' | 'organization_departments' | 'organizations',
    ) =>
      (
        await t.db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where(table === 'organizations' ? 'id' : 'organization_id', '=', org.id)
          .executeTakeFirstOrThrow()
      ).n;
    assert.equal(Number(await count('organization_members')), 0);
    assert.equal(Number(await count('organization_departments')), 0);
    assert.equal(Number(await count('organizations')), 0);
    assert.equal((await call(t, worker, 'GET', `/api/organizations/${org.id}`)).statusCode, 404);
    assert.equal(
      (await call(t, admin, 'GET', `/api/organizations/${org.id}/export`)).statusCode,
      404,
    );
    const stillThere = await call(t, worker, 'GET', `/api/organizations/${survivor.id}`);
    assert.equal(stillThere.statusCode, 200, 'other organizations are untouched');
    const [gone] = ofType(await events(t, worker), 'organization.dissolved');
    assert.deepEqual(gone?.payload, { organizationId: org.id, name: 'Harbour Works' });
    const profile = await call(t, worker, 'GET', '/api/profile');
    assert.equal(profile.statusCode, 200, "the members' own accounts stay");
    const actions = (await auditActions(t)).map((a) => a.action);
    for (const action of [
      'organization.dissolution_started',
      'organization_data.erased',
      'organization.dissolved',
    ])
      assert.ok(actions.includes(action), action);
  });

  it('erases its enterprise accounts as accounts, sessions first, members or not', async () => {
    const t = testApp();
    const [admin, friend] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [friend], 'Harbour Works');
    const { grant: li, code } = await enterpriseMember(t, admin, org.id, 'li.wei');
    const { grant: gone } = await enterpriseMember(t, admin, org.id, 'former');
    const removed = await call(
      t,
      admin,
      'DELETE',
      `/api/organizations/${org.id}/members/${gone.userId}`,
    );
    assert.ok(removed.statusCode < 300, removed.body);
    const chat = await openColleagueChat(t, li, admin, org.id);
    await send(t, li, chat.id, 'Shift report');
    const personal = await groupWith(t, li, [friend]);
    await send(t, li, personal.id, 'Not in any organization conversation');
    const closed: string[] = [];
    const subscription = await t.app.bus.subscribe(userTopic(li.userId), (event) => {
      closed.push(JSON.stringify(event));
    });

    const started = await call(t, admin, 'POST', `/api/organizations/${org.id}/dissolution`, {
      password: admin.password,
    });
    assert.equal(started.statusCode, 201, started.body);
    t.clock.advance(GRACE_DAYS * DAY_MS);
    assert.equal(await t.app.dissolutions.runDue(), 1);
    await subscription.unsubscribe();

    for (const account of [li, gone]) {
      const users = await t.db.db
        .selectFrom('users')
        .select('id')
        .where('id', '=', account.userId)
        .execute();
      assert.deepEqual(users, [], 'the account itself is erased, not left as a shell');
      const sessions = await t.db.db
        .selectFrom('sessions')
        .select('id')
        .where('user_id', '=', account.userId)
        .execute();
      assert.deepEqual(sessions, []);
      assert.equal((await call(t, account, 'GET', '/api/profile')).statusCode, 401);
    }
    assert.ok(
      closed.some((e) => e.includes('sessions.ended')),
      'sockets are cut at once',
    );
    assert.equal((await enterpriseLogin(t, code, 'li.wei')).statusCode, 401);
    const left = await t.db.db
      .selectFrom('messages')
      .select(['sender_id', 'body'])
      .where('conversation_id', '=', personal.id)
      .execute();
    assert.deepEqual(left, [{ sender_id: null, body: left[0]!.body }], 'its messages are unlinked');
    const erased = await t.db.db
      .selectFrom('audit_entries')
      .select('detail')
      .where('action', '=', 'account.erased')
      .execute();
    const ofThisOrganization = erased.filter((e) => JSON.parse(e.detail).organizationId === org.id);
    assert.equal(ofThisOrganization.length, 2, 'each erased as an account, audited');
    assert.equal((await call(t, friend, 'GET', '/api/profile')).statusCode, 200, 'people stay');
    const [notice] = ofType(await events(t, friend), 'organization.dissolved');
    assert.ok(notice, 'members with their own accounts are told');
  });

  it('can be called off during the grace period, and not after it', async () => {
    const t = testApp();
    const [admin, worker] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [worker]);
    const url = `/api/organizations/${org.id}/dissolution`;
    assert.equal((await call(t, admin, 'DELETE', url)).statusCode, 404, 'nothing to call off');
    assert.equal((await call(t, admin, 'POST', url, { password: admin.password })).statusCode, 201);
    t.clock.advance(DAY_MS);
    assert.equal((await call(t, worker, 'DELETE', url)).statusCode, 403);
    const withdrawn = await call(t, admin, 'DELETE', url);
    assert.equal(withdrawn.statusCode, 200, withdrawn.body);
    assert.equal(withdrawn.json().status, 'withdrawn');
    assert.equal(ofType(await events(t, worker), 'organization.dissolution_withdrawn').length, 1);
    t.clock.advance(GRACE_DAYS * DAY_MS);
    assert.equal(await t.app.dissolutions.runDue(), 0);
    assert.equal((await call(t, worker, 'GET', `/api/organizations/${org.id}`)).statusCode, 200);

    assert.equal(
      (await call(t, admin, 'POST', url, { password: admin.password })).statusCode,
      201,
      'may start again',
    );
    t.clock.advance(GRACE_DAYS * DAY_MS);
    const late = await call(t, admin, 'DELETE', url);
    assert.equal(late.statusCode, 409, late.body);
    assert.equal(await t.app.dissolutions.runDue(), 1);
  });

  it('needs the main administrator and their password: 400, 401, 403, 404', async () => {
    const t = testApp();
    const [admin, sub, member, outsider] = [
      await person(t),
      await person(t),
      await person(t),
      await person(t),
    ];
    const org = await orgWith(t, admin, [sub, member]);
    await makeSubAdmin(t, admin, org.id, sub, {
      permissions: ['members', 'departments'],
      departmentId: null,
    });
    const url = `/api/organizations/${org.id}/dissolution`;
    assert.equal(
      (await t.request({ method: 'POST', url, payload: { password: 'x' } })).statusCode,
      401,
    );
    assert.equal((await call(t, admin, 'POST', url, {})).statusCode, 400);
    const wrong = await call(t, admin, 'POST', url, { password: 'not my password' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(errorId(wrong), 'invalid_credentials');
    for (const who of [sub, member])
      assert.equal((await call(t, who, 'POST', url, { password: who.password })).statusCode, 403);
    const foreign = await call(t, outsider, 'POST', url, { password: outsider.password });
    assert.equal(foreign.statusCode, 404);
    assert.equal((await call(t, outsider, 'GET', url)).statusCode, 404);
    assert.equal((await call(t, member, 'GET', url)).statusCode, 404, 'none scheduled');
    assert.equal((await call(t, outsider, 'DELETE', url)).statusCode, 404);
  });
});
