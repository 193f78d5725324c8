import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { describeEachDialect } from '../../../test/harness';
import {
  createTestDatabase,
  TEST_DATABASE_URL,
  unavailableReason,
  type TestDatabase,
} from '../../../test/databases';
import { ManualClock } from '../../platform/clock';
import { openDatabase } from '../../platform/db/database';
import { uuidV7Generator } from '../../platform/ids';
import { secretsFrom } from '../../platform/secrets';
import { checkpointSigner, loadAuditSigningKey } from './audit-signing';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

const secret = 'audit-test-secret-audit-test-secret!';

/** An AuditService on a database, signing with the key in the database's data directory. */
function auditOn(db: Pick<TestDatabase, 'db' | 'dataDir'>, clock = new ManualClock()) {
  return new AuditService(
    new AuditRepository(db.db),
    checkpointSigner(loadAuditSigningKey(undefined, db.dataDir)),
    secretsFrom(secret),
    clock,
    uuidV7Generator(clock),
  );
}

/** Appends `n` operator reads about alternating subjects. */
async function fill(audit: AuditService, n: number): Promise<void> {
  for (let i = 1; i <= n; i++)
    await audit.record({
      actor: { kind: 'operator', id: 'op-1' },
      subjectId: `user-${i % 2}`,
      action: 'outbox.read',
      purpose: 'relay a sign-up code',
      detail: { messages: i },
    });
}

async function seqs(db: TestDatabase): Promise<number[]> {
  const rows = await db.db.selectFrom('audit_entries').select('seq').orderBy('seq').execute();
  return rows.map((r) => r.seq);
}

describeEachDialect('audit log: appending and checkpoints', (dialect) => {
  const opened: TestDatabase[] = [];
  const fresh = async () => {
    const db = await createTestDatabase(dialect);
    opened.push(db);
    return db;
  };
  after(async () => Promise.all(opened.map((db) => db.drop())));

  it('chains entries, signs a checkpoint every hundred and on demand, and verifies', async () => {
    const db = await fresh();
    const audit = auditOn(db);
    await fill(audit, 205);
    const auto = await db.db.selectFrom('audit_checkpoints').select('seq').orderBy('seq').execute();
    assert.deepEqual(
      auto.map((c) => c.seq),
      [100, 200],
    );
    const onDemand = await audit.checkpoint();
    assert.equal(onDemand?.seq, 205);
    assert.equal(
      (await audit.checkpoint())?.seq,
      205,
      'a second checkpoint of one head is one row',
    );
    assert.deepEqual(await audit.verify(), {
      ok: true,
      entries: 205,
      checkpoints: 3,
      problems: [],
    });
  });

  it('stores people only as pseudonyms', async () => {
    const db = await fresh();
    await fill(auditOn(db), 2);
    const rows = await db.db.selectFrom('audit_entries').selectAll().execute();
    const text = JSON.stringify(rows);
    assert.ok(!text.includes('user-0') && !text.includes('op-1'), text);
    assert.equal(rows[0]!.actor_ref, secretsFrom(secret).hmac('audit-subject', 'op-1'));
  });

  it('appends 50 records at once with contiguous seqs and an intact chain', async () => {
    const db = await fresh();
    const audit = auditOn(db);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        audit.record({ actor: { kind: 'system' }, action: 'test.appended', detail: { i } }),
      ),
    );
    assert.deepEqual(
      await seqs(db),
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    assert.equal((await audit.verify()).ok, true);
  });

  it('refuses an entry about someone else without a purpose, and a malformed action', async () => {
    const audit = auditOn(await fresh());
    await assert.rejects(
      audit.record({
        actor: { kind: 'operator', id: 'op' },
        subjectId: 'u',
        action: 'outbox.read',
      }),
      /needs a purpose/,
    );
    await assert.rejects(
      audit.record({ actor: { kind: 'system' }, action: 'Outbox Read' }),
      /<entity>\.<past-verb>/,
    );
  });
});

// Two server nodes are two connection pools on one PostgreSQL. (On SQLite one
// process has one connection; other processes, such as the CLI, wait their turn.)
describe('audit log: two nodes appending at once [postgres]', async () => {
  const skip = await unavailableReason('postgres');
  it('keeps seqs contiguous and the chain intact', { skip }, async () => {
    const db = await createTestDatabase('postgres');
    const second = openDatabase({ dialect: 'postgres', url: TEST_DATABASE_URL, schema: db.schema });
    try {
      const nodes = [auditOn(db), auditOn({ db: second.db, dataDir: db.dataDir })];
      await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          nodes[i % 2]!.record({ actor: { kind: 'system' }, action: 'test.appended' }),
        ),
      );
      assert.deepEqual(
        await seqs(db),
        Array.from({ length: 60 }, (_, i) => i + 1),
      );
      assert.equal((await nodes[0]!.verify()).ok, true);
    } finally {
      await second.close();
      await db.drop();
    }
  });
});

describeEachDialect('audit log: tampering is found', (dialect) => {
  const opened: TestDatabase[] = [];
  after(async () => Promise.all(opened.map((db) => db.drop())));

  /** A fresh log of ten entries with a checkpoint at the last one. */
  async function logOfTen() {
    const db = await createTestDatabase(dialect);
    opened.push(db);
    const audit = auditOn(db);
    await fill(audit, 10);
    await audit.checkpoint();
    return { db: db.db, audit };
  }

  it('an entry whose detail was updated', async () => {
    const { db, audit } = await logOfTen();
    await db.updateTable('audit_entries').set({ detail: '{}' }).where('seq', '=', 4).execute();
    assert.deepEqual((await audit.verify()).problems, [
      'entry 4 was changed: its contents do not match its hash',
    ]);
  });

  it('a deleted entry in the middle', async () => {
    const { db, audit } = await logOfTen();
    await db.deleteFrom('audit_entries').where('seq', '=', 5).execute();
    const report = await audit.verify();
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems, ['entry 5 is missing (removed)']);
  });

  it('two entries whose seqs were swapped', async () => {
    const { db, audit } = await logOfTen();
    const move = (from: number, to: number) =>
      db.updateTable('audit_entries').set({ seq: to }).where('seq', '=', from).execute();
    await move(3, -1);
    await move(4, 3);
    await move(-1, 4);
    assert.deepEqual((await audit.verify()).problems.sort(), [
      'entry 3 was written as entry 4: entries were reordered',
      'entry 4 was written as entry 3: entries were reordered',
    ]);
  });

  it('a forged checkpoint, and one signed by another key', async () => {
    const { db, audit } = await logOfTen();
    const entry = await db
      .selectFrom('audit_entries')
      .selectAll()
      .where('seq', '=', 6)
      .executeTakeFirstOrThrow();
    const real = await db.selectFrom('audit_checkpoints').selectAll().executeTakeFirstOrThrow();
    const other = checkpointSigner(generateKeyPairSync('ed25519').privateKey);
    const unsigned = { seq: 6, hash: entry.hash, at: real.at };
    await db
      .insertInto('audit_checkpoints')
      .values({ ...unsigned, key_id: real.key_id, signature: other.sign(unsigned) })
      .execute();
    await db
      .updateTable('audit_checkpoints')
      .set({ key_id: other.keyId })
      .where('seq', '=', 10)
      .execute();
    const { problems } = await audit.verify();
    assert.equal(problems.length, 2);
    assert.equal(problems[0], 'checkpoint at seq 6: the signature does not verify (forged)');
    assert.match(problems[1]!, /^checkpoint at seq 10: signed by key \w+…, not this server's/);
  });

  it('a tail cut off before the last checkpoint', async () => {
    const { db, audit } = await logOfTen();
    await db.deleteFrom('audit_entries').where('seq', '>', 8).execute();
    assert.deepEqual((await audit.verify()).problems, [
      'the log ends at entry 8 but a checkpoint covers entry 10: entries after 8 were removed (truncated)',
    ]);
  });
});

// The CLI opens the database from DATA_DIR as the server does; one dialect is enough here.
describe('the audit CLI [sqlite]', () => {
  it('exits 0 for an intact log, signs a checkpoint, and exits 1 listing tampering', async () => {
    const db = await createTestDatabase('sqlite');
    try {
      await fill(auditOn(db), 3);
      const cli = (command: string) =>
        spawnSync(
          process.execPath,
          ['--import', 'tsx', path.join(import.meta.dirname, '../../cli.ts'), command],
          {
            env: { ...process.env, DATA_DIR: db.dataDir, DATABASE_URL: '', AUDIT_SIGNING_KEY: '' },
            encoding: 'utf8',
            // Generous: a tsx start on a loaded two-core machine can take tens of seconds.
            timeout: 120_000,
          },
        );
      const intact = cli('audit:verify');
      assert.equal(intact.status, 0, intact.stderr);
      assert.match(intact.stdout, /intact: 3 entries, 0 checkpoints/);

      const signed = cli('audit:checkpoint');
      assert.equal(signed.status, 0, signed.stderr);
      assert.match(signed.stdout, /Checkpoint seq=3 hash=[0-9a-f]{64}/);

      await db.db
        .updateTable('audit_entries')
        .set({ purpose: 'curiosity' })
        .where('seq', '=', 2)
        .execute();
      const tampered = cli('audit:verify');
      assert.equal(tampered.status, 1);
      assert.match(tampered.stdout, /3 entries, 1 checkpoint\)/);
      assert.match(tampered.stdout, /- entry 2 was changed: its contents do not match its hash/);
    } finally {
      await db.drop();
    }
  });
});
