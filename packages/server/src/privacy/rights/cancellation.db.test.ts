import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { it } from 'node:test';
import { buildApp } from '../../app';
import { bearer, device, errorId, registerUser } from '../../../test/factories';
import { describeEachDialect, startTestApp, useTestApp, type TestApp } from '../../../test/harness';
import { ERASURE_LEASE_MS } from './erasure-jobs.service';
import { startDueJobsLoop } from '../../platform/due-jobs';
import { ErasuresRepository } from './erasures.repository';
import { DAY_MS } from './request-states';
import { getRequest, submitVerified, type TestUser } from './rights.fixtures';

const COOLING_OFF = 7 * DAY_MS;

/** Signs in again; the answer says whether the account still exists. */
const login = (t: TestApp, user: TestUser) =>
  t.request({
    method: 'POST',
    url: '/api/auth/login',
    payload: { phone: user.phone, password: user.password, device },
  });

/** What is left of a person and their cancellation in the database. */
async function remains(t: TestApp, user: TestUser, requestId: string) {
  const db = t.db.db;
  return {
    users: await db.selectFrom('users').select('id').where('id', '=', user.userId).execute(),
    profiles: await db
      .selectFrom('profiles')
      .select('user_id')
      .where('user_id', '=', user.userId)
      .execute(),
    request: await db
      .selectFrom('rights_requests')
      .selectAll()
      .where('id', '=', requestId)
      .executeTakeFirst(),
    job: await db
      .selectFrom('account_erasures')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirst(),
    notices: await db
      .selectFrom('deletion_notices')
      .selectAll()
      .where('subject_id', '=', user.userId)
      .execute(),
  };
}

/** Records that a third party received the person's phone number, so erasure must tell it. */
async function shareWithRecipient(t: TestApp, user: TestUser) {
  await t.db.db
    .insertInto('data_recipients')
    .values({
      id: randomUUID(),
      subject_id: user.userId,
      recipient: 'Acme SMS Gateway Ltd',
      purpose: 'delivering sign-in codes',
      categories: JSON.stringify(['user.contact.phone_number']),
      created_at: t.clock.now(),
    })
    .execute();
}

describeEachDialect('account cancellation (ACC-8)', (dialect) => {
  const t = useTestApp(dialect);

  it('ends every session when requested; signing in during cooling-off withdraws it', async () => {
    const user = await registerUser(t());
    const second = (await login(t(), user)).json();
    const request = await submitVerified(t(), user, { kind: 'cancel_account' });
    assert.equal(request.status, 'in_progress');
    assert.equal(request.coolingOffEndsAt, request.verifiedAt! + COOLING_OFF);
    for (const token of [user.token, second.token]) {
      const account = await t().request({
        method: 'GET',
        url: '/api/account',
        headers: bearer(token),
      });
      assert.equal(account.statusCode, 401);
    }

    t().clock.advance(COOLING_OFF - DAY_MS);
    const back = await login(t(), user);
    assert.equal(back.statusCode, 200, back.body);
    const token = back.json().token as string;
    const after = await getRequest(t(), { ...user, token }, request.id);
    assert.equal(after.status, 'withdrawn');
    const notices = await t().request({
      method: 'GET',
      url: '/api/account/security-notices',
      headers: bearer(token),
    });
    assert.ok(
      notices.json().notices.some((n: { kind: string }) => n.kind === 'cancellation_withdrawn'),
    );

    t().clock.advance(2 * DAY_MS);
    assert.equal(await t().app.erasureJobs.runDue(), 0);
    assert.equal((await remains(t(), user, request.id)).users.length, 1);
  });

  it('is gone at the end of cooling-off; the worker erases it and tells recipients', async () => {
    const user = await registerUser(t());
    await shareWithRecipient(t(), user);
    const request = await submitVerified(t(), user, { kind: 'cancel_account' });
    t().clock.advance(COOLING_OFF + 1);
    const refused = await login(t(), user);
    assert.equal(refused.statusCode, 401, 'gone before the worker has run');
    assert.equal(errorId(refused), 'invalid_credentials');

    assert.equal(await t().app.erasureJobs.runDue(), 1);
    const left = await remains(t(), user, request.id);
    assert.deepEqual(left.users, []);
    assert.deepEqual(left.profiles, []);
    assert.equal(left.request?.status, 'fulfilled');
    assert.equal(left.request?.user_id, null, 'the record of the answer names nobody');
    const sealed = left.request?.details;
    assert.ok(sealed, 'the sealed body stays, as backups would keep it');
    assert.equal(await t().vault.decrypt(user.userId, sealed), undefined, 'but its key is gone');
    assert.notEqual(left.job?.completed_at, null);
    assert.equal(left.job?.user_id, null);
    assert.equal(left.notices.length, 1, 'the recipient is told to delete (PRIV-6)');
    assert.equal(left.notices[0]?.recipient, 'Acme SMS Gateway Ltd');
    assert.equal((await login(t(), user)).statusCode, 401);
    assert.equal(await t().app.erasureJobs.runDue(), 0, 'nothing left to do');
  });

  it('takes over a job whose worker died once its lease runs out', async () => {
    const user = await registerUser(t());
    const request = await submitVerified(t(), user, { kind: 'cancel_account' });
    t().clock.advance(COOLING_OFF + 1);
    const jobs = new ErasuresRepository(t().db.db);
    assert.ok(
      await jobs.claim(request.id, t().clock.now(), ERASURE_LEASE_MS),
      'a worker claims it',
    );
    assert.equal(await t().app.erasureJobs.runDue(), 0, 'held by the dead worker');
    t().clock.advance(ERASURE_LEASE_MS);
    assert.equal(await t().app.erasureJobs.runDue(), 1);
    assert.deepEqual((await remains(t(), user, request.id)).users, []);
  });

  it('runs due jobs from the worker loop main.ts starts', async () => {
    const user = await registerUser(t());
    const request = await submitVerified(t(), user, { kind: 'cancel_account' });
    const errors: unknown[] = [];
    const worker = startDueJobsLoop(t().app.erasureJobs, {
      intervalMs: 5,
      onError: (e) => errors.push(e),
    });
    try {
      t().clock.advance(COOLING_OFF + 1);
      for (let waited = 0; (await remains(t(), user, request.id)).users.length > 0; waited += 10) {
        assert.ok(waited < 3_000, 'the worker never erased the account');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    } finally {
      await worker.stop();
    }
    assert.deepEqual(errors, []);
  });
});

describeEachDialect('account cancellation survives a restart', (dialect) => {
  it('completes a pending erasure in a server built afresh on the same database', async () => {
    const first = await startTestApp(dialect);
    try {
      const user = await registerUser(first);
      const request = await submitVerified(first, user, { kind: 'cancel_account' });
      await first.app.close();
      const restarted = await buildApp({
        config: first.config,
        database: first.db,
        vault: first.vault,
        secret: 'test-secret-test-secret-test-secret!',
        clock: first.clock,
        logStream: new Writable({ write: (_chunk, _encoding, done) => done() }),
      });
      try {
        first.clock.advance(COOLING_OFF + 1);
        assert.equal(await restarted.erasureJobs.runDue(), 1);
      } finally {
        await restarted.close();
      }
      const left = await remains(first, user, request.id);
      assert.deepEqual(left.users, []);
      assert.equal(left.request?.status, 'fulfilled');
    } finally {
      await first.vault.close();
      await first.db.drop();
    }
  });
});
