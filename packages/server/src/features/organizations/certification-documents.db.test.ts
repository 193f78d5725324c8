import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { AccessLogEntry } from '@carillon/protocol/audit';
import type { Certification } from '@carillon/protocol/organizations';
import { unzip } from '../../../test/engine-fixtures';
import { bearer, errorId } from '../../../test/factories';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { operatorEnv, operatorToken } from '../../../test/privacy';
import { hashOf, isStored, uploadFile } from '../files/files.test-support';
import { groupWith } from '../messaging/messaging.test-support';
import { call, orgWith, person, type Person } from './organizations.test-support';

const details = {
  legalName: 'Harbour Works Pte Ltd',
  registrationNumber: '201912345K',
  legalRepresentative: 'Tan Wei',
};
const purpose = 'certification review of Harbour Works';

/** Uploads a PDF-like document as `who` and returns its id. */
async function upload(t: TestApp, who: Person, name: string, bytes = randomBytes(4_000)) {
  return (await uploadFile(t, who.token, { bytes, filename: name })).id;
}

/** Submits a certification request as `admin`. */
function submit(t: TestApp, admin: Person, orgId: string, documents: string[]) {
  return call(t, admin, 'POST', `/api/organizations/${orgId}/certification`, {
    ...details,
    documents,
  });
}

describeEachDialect('certification documents (ORG-1)', (dialect) => {
  const testApp = useTestApp(dialect, {
    env: { ...operatorEnv, AUTH_RATE_LIMIT_PER_MINUTE: '1000' },
  });
  let operator: Record<string, string> | undefined;
  const asOperator = async (t: TestApp) =>
    (operator ??= bearer(await operatorToken(t))) as Record<string, string>;
  const read = async (
    t: TestApp,
    certificationId: string,
    fileId: string,
    query = `?purpose=${encodeURIComponent(purpose)}`,
    headers: Record<string, string> = {},
  ) =>
    t.request({
      method: 'GET',
      url: `/api/operator/organization-certifications/${certificationId}/documents/${fileId}${query}`,
      headers: { ...(await asOperator(t)), ...headers },
    });

  it('attaches only files the administrator uploaded: shared and unknown ones are 404', async () => {
    const t = testApp();
    const [admin, colleague] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [colleague]);
    const theirs = await upload(t, colleague, 'their-licence.pdf');
    // Shared with the administrator in a chat: readable to them, still not theirs to submit.
    const group = await groupWith(t, colleague, [admin]);
    const shared = await call(t, colleague, 'POST', `/api/conversations/${group.id}/messages`, {
      clientId: randomUUID(),
      kind: 'file',
      fileId: theirs,
    });
    assert.equal(shared.statusCode, 201, shared.body);
    assert.equal((await call(t, admin, 'GET', `/api/files/${theirs}`)).statusCode, 200);
    const mine = await upload(t, admin, 'licence.pdf');

    for (const documents of [[mine, theirs], [randomUUID()]]) {
      const refused = await submit(t, admin, org.id, documents);
      assert.deepEqual([refused.statusCode, errorId(refused)], [404, 'not_found'], refused.body);
    }
    const twice = await submit(t, admin, org.id, [mine, mine]);
    assert.deepEqual([twice.statusCode, errorId(twice)], [400, 'validation_failed']);
    const notAnId = await submit(t, admin, org.id, ['file-1']);
    assert.equal(notAnId.statusCode, 400);
    const byMember = await submit(t, colleague, org.id, [theirs]);
    assert.equal(byMember.statusCode, 403, 'who may submit is decided before the files');
    const none = await t.db.db
      .selectFrom('organization_certifications')
      .select('id')
      .where('organization_id', '=', org.id)
      .execute();
    assert.equal(none.length, 0, 'a refused request stores nothing');

    const second = await upload(t, admin, '营业执照.png');
    const submitted = await submit(t, admin, org.id, [second, mine]);
    assert.equal(submitted.statusCode, 201, submitted.body);
    const certification = submitted.json() as Certification;
    assert.deepEqual(certification.documents, [second, mine], 'in the order attached');
    assert.deepEqual(
      certification.documentFiles.map((d) => [d.name, d.size]),
      [
        ['营业执照.png', 4_000],
        ['licence.pdf', 4_000],
      ],
    );
    const latest = await call(t, admin, 'GET', `/api/organizations/${org.id}/certification`);
    assert.deepEqual((latest.json() as Certification).documentFiles, certification.documentFiles);
  });

  it("streams a listed document to the operator with ranges, audited in the uploader's access log", async () => {
    const t = testApp();
    const admin = await person(t);
    const org = await orgWith(t, admin);
    const bytes = randomBytes(10_000);
    const fileId = await upload(t, admin, 'licence.pdf', bytes);
    const certification = (await submit(t, admin, org.id, [fileId])).json() as Certification;

    const queue = await t.request({
      method: 'GET',
      url: '/api/operator/organization-certifications',
      headers: await asOperator(t),
    });
    const listed = (queue.json() as { certifications: Certification[] }).certifications.find(
      (c) => c.id === certification.id,
    );
    assert.equal(listed?.documentFiles[0]?.name, 'licence.pdf');

    const whole = await read(t, certification.id, fileId);
    assert.equal(whole.statusCode, 200, whole.body);
    assert.deepEqual(whole.rawPayload, bytes);
    assert.equal(whole.headers['content-type'], 'application/octet-stream');
    assert.equal(whole.headers['accept-ranges'], 'bytes');
    assert.equal(whole.headers['x-content-type-options'], 'nosniff');
    assert.match(
      String(whole.headers['content-disposition']),
      /^attachment; filename="licence\.pdf"/,
    );
    const part = await read(t, certification.id, fileId, undefined, { range: 'bytes=100-199' });
    assert.equal(part.statusCode, 206);
    assert.equal(part.headers['content-range'], 'bytes 100-199/10000');
    assert.deepEqual(part.rawPayload, bytes.subarray(100, 200));

    const access = await call(t, admin, 'GET', '/api/privacy/access-log');
    const reads = (access.json() as { entries: AccessLogEntry[] }).entries.filter(
      (e) => e.action === 'organization.certification_document_read',
    );
    assert.equal(reads.length, 2, 'one entry per read');
    for (const entry of reads) {
      assert.equal(entry.actorKind, 'operator');
      assert.equal(entry.purpose, purpose);
      assert.deepEqual(entry.detail, {
        organizationId: org.id,
        certificationId: certification.id,
        fileId,
      });
    }
  });

  it('answers 400, 401 and 404 (a file the request does not list looks absent)', async () => {
    const t = testApp();
    const [admin, other] = [await person(t), await person(t)];
    const org = await orgWith(t, admin);
    const otherOrg = await orgWith(t, other, [], 'Lotus Trading');
    const fileId = await upload(t, admin, 'licence.pdf');
    const unlisted = await upload(t, admin, 'holiday.jpg');
    const elsewhere = await upload(t, other, 'lotus.pdf');
    const certification = (await submit(t, admin, org.id, [fileId])).json() as Certification;
    const otherRequest = (await submit(t, other, otherOrg.id, [elsewhere])).json() as Certification;
    const before = await t.db.db.selectFrom('audit_entries').select('seq').execute();

    const url = `/api/operator/organization-certifications/${certification.id}/documents/${fileId}?purpose=${encodeURIComponent(purpose)}`;
    const anonymous = await t.request({ method: 'GET', url });
    assert.deepEqual([anonymous.statusCode, errorId(anonymous)], [401, 'unauthenticated']);
    // Operator and user sessions are separate worlds: a user's credential is no operator's.
    const asUser = await call(t, admin, 'GET', url);
    assert.deepEqual([asUser.statusCode, errorId(asUser)], [401, 'unauthenticated']);

    for (const query of ['', '?purpose=', '?purpose=ok'])
      assert.equal((await read(t, certification.id, fileId, query)).statusCode, 400, query);
    assert.equal((await read(t, 'nope', fileId)).statusCode, 400);
    assert.equal((await read(t, certification.id, 'nope')).statusCode, 400);

    const absent = await read(t, randomUUID(), fileId);
    assert.deepEqual([absent.statusCode, errorId(absent)], [404, 'not_found']);
    for (const [id, file] of [
      [certification.id, unlisted],
      [certification.id, elsewhere],
      [otherRequest.id, fileId],
      [certification.id, randomUUID()],
    ] as const) {
      const response = await read(t, id, file);
      assert.equal(response.statusCode, 404, `${id} ${file}`);
      assert.equal(response.body, absent.body, 'unlisted and unknown answer alike');
    }
    const after = await t.db.db.selectFrom('audit_entries').select('seq').execute();
    assert.equal(after.length, before.length, 'refused reads record nothing');
  });

  it("keeps a document's bytes while the request names them: the upload deleted, the uploader erased", async () => {
    const t = testApp();
    const [admin, heir] = [await person(t), await person(t)];
    const org = await orgWith(t, admin, [heir]);
    const bytes = randomBytes(6_000);
    const fileId = await upload(t, admin, 'licence.pdf', bytes);
    const hash = await hashOf(t, fileId);
    const certification = (await submit(t, admin, org.id, [fileId])).json() as Certification;

    const deleted = await call(t, admin, 'DELETE', `/api/files/${fileId}`);
    assert.equal(deleted.statusCode, 204);
    assert.equal((await call(t, admin, 'GET', `/api/files/${fileId}`)).statusCode, 404);
    assert.ok(isStored(t, hash), 'the request still names the bytes');
    assert.deepEqual((await read(t, certification.id, fileId)).rawPayload, bytes);

    const handed = await call(t, admin, 'POST', `/api/organizations/${org.id}/transfer`, {
      userId: heir.userId,
    });
    assert.equal(handed.statusCode, 200, handed.body);
    await t.app.dataEngines.erase(admin.userId, { kind: 'all' });
    const kept = await t.db.db
      .selectFrom('organization_certification_documents')
      .select(['uploaded_by', 'name'])
      .where('certification_id', '=', certification.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(kept, { uploaded_by: null, name: 'licence.pdf' }, 'kept, unlinked');
    assert.ok(isStored(t, hash));
    assert.deepEqual((await read(t, certification.id, fileId)).rawPayload, bytes);

    const exported = await call(t, heir, 'GET', `/api/organizations/${org.id}/export`);
    assert.equal(exported.statusCode, 200, exported.body);
    const zip = await unzip(exported.rawPayload);
    assert.ok([...zip.keys()].some((name) => name.startsWith(`files/${hash}`)));
    const rows = JSON.parse(zip.get('data/organization_certification_documents.json')!.toString());
    assert.equal(rows.rows.length, 1);

    await t.app.dataEngines.eraseOrganization(org.id);
    assert.equal(isStored(t, hash), false, 'dissolution releases the bytes nobody names');
    assert.equal((await read(t, certification.id, fileId)).statusCode, 404);
  });
});
