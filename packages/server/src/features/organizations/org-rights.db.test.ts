import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { OrgRightsRequest } from '@carillon/protocol/org-data';
import { unzip } from '../../../test/engine-fixtures';
import { bearer } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { getRequest, submitVerified } from '../../privacy/rights/rights.fixtures';
import {
  call,
  makeSubAdmin,
  orgWith,
  person,
  place,
  type Person,
} from './organizations.test-support';

async function queue(t: TestApp, admin: Person, orgId: string): Promise<OrgRightsRequest[]> {
  const response = await call(t, admin, 'GET', `/api/organizations/${orgId}/rights-requests`);
  assert.equal(response.statusCode, 200, response.body);
  return response.json().requests as OrgRightsRequest[];
}

describeEachDialect(
  'data-rights requests about organization-controlled data (ORG-4)',
  (dialect) => {
    const testApp = useTestApp(dialect, { env: { AUTH_RATE_LIMIT_PER_MINUTE: '1000' } });

    it("answers a copy from the member's own data and routes the rest to each organization", async () => {
      const t = testApp();
      const [adminA, adminB, worker] = [await person(t), await person(t), await person(t)];
      const a = await orgWith(t, adminA, [worker], 'Harbour Works');
      const b = await orgWith(t, adminB, [worker], 'Lantern Ltd');
      await place(t, adminA, a.id, worker, { name: '王五', position: 'Rigger' });

      const request = await submitVerified(t, worker, { kind: 'copy' });
      assert.equal(request.status, 'fulfilled', 'the personal part is done at once');
      assert.match(request.answer!, /“Harbour Works”/);
      assert.match(request.answer!, /“Lantern Ltd”/);
      assert.match(request.answer!, /controller/);
      assert.deepEqual(request.organizations.map((o) => [o.organizationName, o.status]).sort(), [
        ['Harbour Works', 'open'],
        ['Lantern Ltd', 'open'],
      ]);
      const download = await t.request({
        method: 'GET',
        url: `/api/privacy/requests/${request.id}/export`,
        headers: bearer(worker.token),
      });
      const zip = await unzip(download.rawPayload);
      assert.ok(zip.has('data/profiles.json'), 'own profile, handled as before');
      assert.ok(!zip.has('data/organization_members.json'), 'the organizations answer for theirs');

      const seenByA = await queue(t, adminA, a.id);
      assert.equal(seenByA.length, 1);
      assert.equal(seenByA[0]!.userId, worker.userId);
      assert.equal(seenByA[0]!.memberName, '王五');
      assert.equal(seenByA[0]!.kind, 'copy');
      assert.ok(seenByA[0]!.tables.includes('organization_members'));
      const seenByB = await queue(t, adminB, b.id);
      assert.equal(seenByB.length, 1);
      assert.notEqual(seenByB[0]!.id, seenByA[0]!.id);

      // Organization B's administrator cannot touch A's part, even knowing its id.
      const cross = await call(
        t,
        adminB,
        'POST',
        `/api/organizations/${b.id}/rights-requests/${seenByA[0]!.id}/fulfil`,
        {},
      );
      assert.equal(cross.statusCode, 404, cross.body);
      const crossA = await call(
        t,
        adminB,
        'POST',
        `/api/organizations/${a.id}/rights-requests/${seenByA[0]!.id}/fulfil`,
        {},
      );
      assert.equal(crossA.statusCode, 404, crossA.body);

      const fulfilled = await call(
        t,
        adminA,
        'POST',
        `/api/organizations/${a.id}/rights-requests/${seenByA[0]!.id}/fulfil`,
        { note: 'HR e-mailed you the records we hold.' },
      );
      assert.equal(fulfilled.statusCode, 200, fulfilled.body);
      const again = await call(
        t,
        adminA,
        'POST',
        `/api/organizations/${a.id}/rights-requests/${seenByA[0]!.id}/refuse`,
        { reason: 'Changed our mind about it.' },
      );
      assert.equal(again.statusCode, 409, 'answered once');
      const short = await call(
        t,
        adminB,
        'POST',
        `/api/organizations/${b.id}/rights-requests/${seenByB[0]!.id}/refuse`,
        { reason: 'no' },
      );
      assert.equal(short.statusCode, 400);
      const refused = await call(
        t,
        adminB,
        'POST',
        `/api/organizations/${b.id}/rights-requests/${seenByB[0]!.id}/refuse`,
        { reason: 'Labour law requires us to keep these records for two years.' },
      );
      assert.equal(refused.statusCode, 200, refused.body);

      const after = await getRequest(t, worker, request.id);
      const byName = new Map(after.organizations.map((o) => [o.organizationName, o]));
      assert.equal(byName.get('Harbour Works')?.status, 'fulfilled');
      assert.equal(byName.get('Harbour Works')?.answer, 'HR e-mailed you the records we hold.');
      assert.equal(byName.get('Lantern Ltd')?.status, 'refused');
      assert.match(byName.get('Lantern Ltd')!.refusalReason!, /two years/);
    });

    it('leaves organization data alone on a deletion and routes exactly the tables it touches', async () => {
      const t = testApp();
      const [admin, worker] = [await person(t), await person(t)];
      const org = await orgWith(t, admin, [worker]);
      await place(t, admin, org.id, worker, { position: 'Welder', officePhone: '+65 6000 0003' });
      await call(t, worker, 'PATCH', '/api/profile', { workRegion: 'Jurong' });

      const request = await submitVerified(t, worker, {
        kind: 'delete',
        categories: ['user.job_title', 'user.workplace'],
      });
      assert.equal(request.status, 'fulfilled', request.answer ?? '');
      assert.equal(request.organizations.length, 1);
      const membership = await t.db.db
        .selectFrom('organization_members')
        .select(['position', 'job_number'])
        .where('organization_id', '=', org.id)
        .where('user_id', '=', worker.userId)
        .executeTakeFirstOrThrow();
      assert.equal(
        membership.position,
        'Welder',
        'Carillon does not erase what the organization controls',
      );
      const [part] = await queue(t, admin, org.id);
      assert.deepEqual(part!.asked, { categories: ['user.job_title', 'user.workplace'] });
      assert.ok(part!.tables.includes('organization_members'));
      assert.ok(!part!.tables.includes('organization_invitations'), 'no phone invitation involved');

      // Fulfilled without a note: the member sees the status, in their language, and no text of ours.
      const done = await call(
        t,
        admin,
        'POST',
        `/api/organizations/${org.id}/rights-requests/${part!.id}/fulfil`,
        {},
      );
      assert.equal(done.statusCode, 200, done.body);
      const [routed] = (await getRequest(t, worker, request.id)).organizations;
      assert.equal(routed?.status, 'fulfilled');
      assert.equal(routed?.answer, null);
    });

    it('routes nothing for requests about the personal side only', async () => {
      const t = testApp();
      const [admin, worker, loner] = [await person(t), await person(t), await person(t)];
      const org = await orgWith(t, admin, [worker]);
      const corrected = await submitVerified(t, worker, {
        kind: 'correct',
        profile: { nickname: 'Wu' },
      });
      assert.equal(corrected.status, 'fulfilled');
      assert.deepEqual(corrected.organizations, []);
      const restricted = await submitVerified(t, worker, {
        kind: 'restrict',
        category: 'user.demographic.gender',
      });
      assert.deepEqual(restricted.organizations, [], 'the organization holds no gender');
      const noOrg = await submitVerified(t, loner, { kind: 'access' });
      assert.deepEqual(noOrg.organizations, []);
      assert.doesNotMatch(noOrg.answer!, /administrators/);
      assert.deepEqual(await queue(t, admin, org.id), []);
    });

    it('shows the queue to the main administrator only: 401, 403, 404, 400', async () => {
      const t = testApp();
      const [admin, sub, member, outsider] = [
        await person(t),
        await person(t),
        await person(t),
        await person(t),
      ];
      const org = await orgWith(t, admin, [sub, member]);
      await makeSubAdmin(t, admin, org.id, sub, { permissions: ['members'], departmentId: null });
      await submitVerified(t, member, { kind: 'access' });
      const [part] = await queue(t, admin, org.id);
      const base = `/api/organizations/${org.id}/rights-requests`;
      assert.equal((await t.request({ method: 'GET', url: base })).statusCode, 401);
      for (const who of [sub, member]) {
        assert.equal((await call(t, who, 'GET', base)).statusCode, 403);
        assert.equal(
          (await call(t, who, 'POST', `${base}/${part!.id}/fulfil`, {})).statusCode,
          403,
        );
      }
      assert.equal((await call(t, outsider, 'GET', base)).statusCode, 404);
      assert.equal(
        (await call(t, outsider, 'POST', `${base}/${part!.id}/fulfil`, {})).statusCode,
        404,
      );
      const missing = `${base}/01900000-0000-7000-8000-000000000000/fulfil`;
      assert.equal((await call(t, admin, 'POST', missing, {})).statusCode, 404);
      assert.equal(
        (await call(t, admin, 'POST', `${base}/${part!.id}/fulfil`, { x: 1 })).statusCode,
        400,
      );
    });

    it('keeps the routed record but unlinks it when the requester is erased', async () => {
      const t = testApp();
      const [admin, worker] = [await person(t), await person(t)];
      const org = await orgWith(t, admin, [worker]);
      await submitVerified(t, worker, { kind: 'access' });
      await t.app.dataEngines.erase(worker.userId, { kind: 'all' });
      const [part] = await queue(t, admin, org.id);
      assert.equal(part!.userId, null);
      assert.deepEqual(part!.asked, {});
      const report = await t.app.dataEngines.organizationHoldings(worker.userId);
      assert.deepEqual(report, []);
    });
  },
);
