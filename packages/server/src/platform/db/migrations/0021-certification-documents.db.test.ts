import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, describe, it } from 'node:test';
import {
  createTestDatabase,
  dialects,
  retryingSchemaRace,
  unavailableReason,
  type TestDatabase,
} from '../../../../test/databases';
import { migrateToLatest, migrateUpTo } from '../migrations';

const NOW = Date.UTC(2026, 10, 25, 9);

/** A user, an organization and a file row as the schema before 0021 holds them. */
async function seed(db: TestDatabase) {
  const [admin, other, org] = [randomUUID(), randomUUID(), randomUUID()];
  await db.db
    .insertInto('users')
    .values(
      [admin, other].map((id) => ({
        id,
        phone: null,
        email: null,
        password_hash: 'x',
        created_at: NOW,
        password_changed_at: NOW,
        frozen_at: null,
      })),
    )
    .execute();
  await db.db
    .insertInto('organizations')
    .values({
      id: org,
      name: 'Harbour Works',
      location: null,
      industry: null,
      staff_size: null,
      certified_at: null,
      tree_version: 0,
      created_at: NOW,
      code: null,
      security_log_days: 180,
    })
    .execute();
  const file = async (owner: string, name: string) => {
    const id = randomUUID();
    await db.db
      .insertInto('files')
      .values({
        id,
        owner_id: owner,
        hash: `${name.length}`.padStart(64, 'a'),
        thumbnail_hash: null,
        name,
        media_type: 'application/pdf',
        kind: 'document',
        size: 1234,
        width: null,
        height: null,
        created_at: NOW,
      })
      .execute();
    return id;
  };
  return { admin, other, org, file };
}

for (const dialect of dialects)
  describe(`migration 0021: certification documents [${dialect}]`, async () => {
    const skip = await unavailableReason(dialect);
    const databases: TestDatabase[] = [];
    after(() => Promise.all(databases.map((db) => db.drop())));

    it(
      "copies each request's listed files that its submitter owned, in order",
      { skip },
      async () => {
        const db = await createTestDatabase(dialect, { migrate: false });
        databases.push(db);
        await retryingSchemaRace(() => migrateUpTo(db, '0020-maintenance-done'));
        const { admin, other, org, file } = await seed(db);
        const [licence, register, theirs] = [
          await file(admin, 'licence.pdf'),
          await file(admin, 'register.pdf'),
          await file(other, 'theirs.pdf'),
        ];
        const request = (id: string, documents: string, submittedBy: string | null) => ({
          id,
          organization_id: org,
          status: 'pending' as const,
          legal_name: 'Harbour Works Pte Ltd',
          registration_number: '201912345K',
          legal_representative: 'Tan Wei',
          documents,
          submitted_by: submittedBy,
          submitted_at: NOW,
          reviewed_by: null,
          reviewed_at: null,
          reason: null,
        });
        const [listed, erased, broken] = [randomUUID(), randomUUID(), randomUUID()];
        await db.db
          .insertInto('organization_certifications')
          .values([
            request(listed, JSON.stringify([register, 'file-1', theirs, licence, register]), admin),
            request(erased, JSON.stringify([licence]), null),
            request(broken, 'not json', admin),
          ])
          .execute();

        await retryingSchemaRace(() => migrateToLatest(db));
        const rows = await db.db
          .selectFrom('organization_certification_documents')
          .select(['certification_id', 'file_id', 'position', 'uploaded_by', 'name'])
          .orderBy('position')
          .execute();
        assert.deepEqual(rows, [
          {
            certification_id: listed,
            file_id: register,
            position: 0,
            uploaded_by: admin,
            name: 'register.pdf',
          },
          {
            certification_id: listed,
            file_id: licence,
            position: 3,
            uploaded_by: admin,
            name: 'licence.pdf',
          },
        ]);
      },
    );
  });
