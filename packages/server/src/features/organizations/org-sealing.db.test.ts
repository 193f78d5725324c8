import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Message } from '@carillon/protocol/messaging';
import { buildApp } from '../../app';
import { unzip } from '../../../test/engine-fixtures';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { submitVerified } from '../../privacy/rights/rights.fixtures';
import { organizationVaultSubject } from '../../privacy/vault/vault-subjects';
import { groupWith, send } from '../messaging/messaging.test-support';
import { allStaffOf, openColleagueChat } from './org-chats.test-support';
import { call, orgWith, person, type Person } from './organizations.test-support';

const DAY_MS = 24 * 60 * 60 * 1000;
const COOLING_OFF_DAYS = 7;
const GRACE_DAYS = 15;

/** The texts `who` reads in a conversation, oldest first (null: unreadable or recalled). */
async function texts(t: TestApp, who: Person, conversationId: string) {
  const response = await call(t, who, 'GET', `/api/conversations/${conversationId}/messages`);
  assert.equal(response.statusCode, 200, response.body);
  return (response.json() as { messages: Message[] }).messages.map((m) => m.text).reverse();
}

/** How each message of a conversation is stored: who sent it, under whose key, the ciphertext. */
async function stored(t: TestApp, conversationId: string) {
  return t.db.db
    .selectFrom('messages')
    .select(['seq', 'sender_id', 'sealed_by', 'body'])
    .where('conversation_id', '=', conversationId)
    .orderBy('seq')
    .execute();
}

/** Erases `who`'s account the way a cancellation does: request, cooling-off, the job. */
async function cancelAccount(t: TestApp, who: Awaited<ReturnType<typeof person>>) {
  await submitVerified(t, who, { kind: 'cancel_account' });
  t.clock.advance(COOLING_OFF_DAYS * DAY_MS);
  assert.ok((await t.app.erasureJobs.runDue()) >= 1, 'jobs of earlier tests may be due too');
}

/** The texts of the messages in the organization's archive, sorted. */
async function exportedTexts(t: TestApp, admin: Person, organizationId: string) {
  const response = await call(t, admin, 'GET', `/api/organizations/${organizationId}/export`);
  assert.equal(response.statusCode, 200, response.body);
  const zip = await unzip(response.rawPayload);
  const rows = JSON.parse(zip.get('data/messages.json')!.toString()).rows as { body: unknown }[];
  return rows.map((r) => r.body).sort();
}

/**
 * Puts a message back the way the server stored it before organization
 * sealing: its text encrypted under its sender's key, `sealed_by` NULL.
 */
async function sealUnderSender(t: TestApp, conversationId: string, seq: number, text: string) {
  const [row] = (await stored(t, conversationId)).filter((r) => r.seq === seq);
  const body = await t.vault.encrypt(row!.sender_id!, text);
  await t.db.db
    .updateTable('messages')
    .set({ body, sealed_by: null })
    .where('conversation_id', '=', conversationId)
    .where('seq', '=', seq)
    .execute();
}

/**
 * A member who writes in a colleague chat and the all-staff group (the
 * organization's) and in a personal group (their own).
 */
async function chattingMember(t: TestApp) {
  const [admin, worker, friend] = [await person(t), await person(t), await person(t)];
  const org = await orgWith(t, admin, [worker], 'Harbour Works');
  const chat = await openColleagueChat(t, worker, admin, org.id);
  await send(t, worker, chat.id, 'The crane is booked for Monday');
  const allStaff = (await allStaffOf(t, worker, org.id))!;
  await send(t, worker, allStaff.id, 'Lunch is on the roof today');
  const personal = await groupWith(t, worker, [friend]);
  await send(t, worker, personal.id, 'Birthday cake on Friday');
  return { admin, worker, friend, org, chat, allStaff, personal };
}

describeEachDialect(
  "organization messages are sealed under the organization's key (ADR 19)",
  (dialect) => {
    const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

    it("stay readable to the members and in the organization's export after their sender is erased", async () => {
      const t = testApp();
      const { admin, worker, friend, org, chat, allStaff, personal } = await chattingMember(t);
      const subject = organizationVaultSubject(org.id);
      assert.deepEqual(
        [...(await stored(t, chat.id)), ...(await stored(t, allStaff.id))].map((r) => r.sealed_by),
        [subject, subject],
      );
      assert.deepEqual(
        (await stored(t, personal.id)).map((r) => r.sealed_by),
        [null],
        "the personal group's message is under the sender's key",
      );

      await cancelAccount(t, worker);
      assert.deepEqual(await texts(t, admin, chat.id), ['The crane is booked for Monday']);
      assert.deepEqual(await texts(t, admin, allStaff.id), ['Lunch is on the roof today']);
      assert.deepEqual(
        (await stored(t, chat.id)).map((r) => r.sender_id),
        [null],
        'the copy no longer names the erased account',
      );
      assert.deepEqual(await exportedTexts(t, admin, org.id), [
        'Lunch is on the roof today',
        'The crane is booked for Monday',
      ]);
      assert.deepEqual(await texts(t, friend, personal.id), [null], 'the personal text is gone');
    });

    it('seals a forwarded copy as the conversation it lands in: in, the organization; out, the forwarder', async () => {
      const t = testApp();
      const { admin, worker, friend, org, chat, personal } = await chattingMember(t);
      const forward = (who: Person, to: string, from: { conversationId: string; seq: number }) =>
        call(t, who, 'POST', `/api/conversations/${to}/forward`, { clientId: randomUUID(), from });
      const into = await forward(worker, chat.id, { conversationId: personal.id, seq: 1 });
      assert.equal(into.statusCode, 201, into.body);
      const adminsGroup = await groupWith(t, admin, [friend]);
      const out = await forward(admin, adminsGroup.id, { conversationId: chat.id, seq: 1 });
      assert.equal(out.statusCode, 201, out.body);
      assert.deepEqual(
        (await stored(t, chat.id)).map((r) => r.sealed_by),
        [organizationVaultSubject(org.id), organizationVaultSubject(org.id)],
      );
      assert.deepEqual(
        (await stored(t, adminsGroup.id)).map((r) => r.sealed_by),
        [null],
      );

      await cancelAccount(t, worker);
      assert.deepEqual(
        await texts(t, admin, chat.id),
        ['The crane is booked for Monday', 'Birthday cake on Friday'],
        'what the erased member forwarded into the chat is the organization’s copy',
      );
      assert.deepEqual(
        await texts(t, friend, adminsGroup.id),
        ['The crane is booked for Monday'],
        "the administrator's own copy, under their key",
      );
    });

    it("re-seals at start-up what was sealed under the sender's key, so it survives the sender's erasure", async () => {
      const t = testApp();
      const { admin, worker, friend, org, chat, allStaff, personal } = await chattingMember(t);
      await sealUnderSender(t, chat.id, 1, 'The crane is booked for Monday');
      await sealUnderSender(t, allStaff.id, 1, 'Lunch is on the roof today');
      const recalled = await send(t, worker, chat.id, 'Wrong chat, sorry');
      await sealUnderSender(t, chat.id, recalled.seq, 'Wrong chat, sorry');
      const recall = `/api/conversations/${chat.id}/messages/${recalled.seq}/recall`;
      assert.equal((await call(t, worker, 'POST', recall)).statusCode, 200);
      const personalBefore = await stored(t, personal.id);

      // A second server over the same database and vault: what `main.ts` does after an upgrade
      // from a version that had not yet run the pass.
      await t.db.db.deleteFrom('maintenance_done').execute();
      const restarted = await buildApp({
        config: t.config,
        database: t.db,
        vault: t.vault,
        secret: 'test-secret-test-secret-test-secret!',
        clock: t.clock,
      });
      await restarted.close();
      const subject = organizationVaultSubject(org.id);
      const [crane, withdrawn] = await stored(t, chat.id);
      assert.equal(crane?.sealed_by, subject);
      assert.equal(
        await t.vault.decrypt(subject, crane!.body!),
        'The crane is booked for Monday',
        "readable under the organization's key",
      );
      assert.equal(withdrawn?.body, null, 'a recalled message is not brought back');
      assert.deepEqual(
        await stored(t, personal.id),
        personalBefore,
        'personal conversations stay under the sender’s key',
      );
      assert.equal(await t.app.dataEngines.resealOrganizationRows(), 0, 'nothing left to do');

      await cancelAccount(t, worker);
      assert.deepEqual(await texts(t, admin, chat.id), ['The crane is booked for Monday', null]);
      assert.deepEqual(await texts(t, admin, allStaff.id), ['Lunch is on the roof today']);
      assert.deepEqual(await texts(t, friend, personal.id), [null]);
    });

    it('runs the start-up pass once per database: later starts leave the table alone', async () => {
      const t = testApp();
      const { chat } = await chattingMember(t);
      const done = await t.db.db.selectFrom('maintenance_done').selectAll().execute();
      assert.deepEqual(
        done.map((d) => d.task),
        ['organization_reseal'],
        'the first start finished it',
      );
      await sealUnderSender(t, chat.id, 1, 'The crane is booked for Monday');
      const restarted = await buildApp({
        config: t.config,
        database: t.db,
        vault: t.vault,
        secret: 'test-secret-test-secret-test-secret!',
        clock: t.clock,
      });
      await restarted.close();
      const [crane] = await stored(t, chat.id);
      assert.equal(crane?.sealed_by, null, 'no second scan at start');
      assert.equal(
        await t.app.dataEngines.resealOrganizationRows(),
        1,
        'the full pass still finds it',
      );
    });

    it("re-seals the person's remaining organization rows before their key is shredded", async () => {
      const t = testApp();
      const { admin, worker, chat } = await chattingMember(t);
      // Written under the sender's key after start-up, as a node not yet upgraded would.
      await sealUnderSender(t, chat.id, 1, 'The crane is booked for Monday');
      const result = await t.app.dataEngines.erase(worker.userId, { kind: 'all' });
      assert.equal(result.keysShredded, 1);
      assert.deepEqual(await texts(t, admin, chat.id), ['The crane is booked for Monday']);
    });

    it("shreds the organization's key on dissolution, so a backup of its messages is noise", async () => {
      const t = testApp();
      const { admin, org, chat, friend, personal } = await chattingMember(t);
      const subject = organizationVaultSubject(org.id);
      const [backup] = await stored(t, chat.id);
      assert.ok(await t.vault.decrypt(subject, backup!.body!), 'readable while it exists');

      const started = await call(t, admin, 'POST', `/api/organizations/${org.id}/dissolution`, {
        password: admin.password,
      });
      assert.equal(started.statusCode, 201, started.body);
      t.clock.advance(GRACE_DAYS * DAY_MS);
      assert.ok((await t.app.dissolutions.runDue()) >= 1);
      assert.equal(await t.vault.decrypt(subject, backup!.body!), undefined, 'the key is gone');
      assert.deepEqual(await stored(t, chat.id), [], 'and so are the rows');
      assert.deepEqual(
        await texts(t, friend, personal.id),
        ['Birthday cake on Friday'],
        "the members' own conversations are untouched",
      );
    });
  },
);
