import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, unavailableReason, type TestDatabase } from '../../../test/databases';
import { AUTOMATIC_CHECKPOINT_PAGES, startCheckpointer } from './checkpointer';
import { openDatabase } from './database';
import { directConnectionOf } from './direct-sqlite';

const PAGE = 4096;
const RESTART_PAGES = 64;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** The WAL's length in pages: its file never shrinks, so this is the longest it has been. */
function walPages(file: string): number {
  const size = fs.statSync(`${file}-wal`).size;
  return Math.max(0, Math.floor((size - 32) / (PAGE + 24)));
}

describe('the WAL checkpointer (SQLite)', () => {
  let database: TestDatabase;
  let file: string;
  before(async () => {
    database = await createTestDatabase('sqlite', { migrate: false });
    file = (database.target as { file: string }).file;
    directConnectionOf(database.db)!.sqlite.exec(
      'create table notes (id integer primary key, body blob not null)',
    );
  });
  after(() => database.drop());

  it('keeps the WAL short while writes never pause, and every write stays', async () => {
    const { sqlite } = directConnectionOf(database.db)!;
    const insert = sqlite.prepare('insert into notes (body) values (?)');
    const writeBatch = sqlite.transaction(() => {
      for (let i = 0; i < 8; i++) insert.run(randomBytes(3000));
    });
    let startsOver = 0;
    const checkpointer = startCheckpointer(database.db, {
      everyMs: 5,
      restartPages: RESTART_PAGES,
      onCopied: (copiedAll) => void (copiedAll && startsOver++),
    })!;
    await checkpointer.ready;
    assert.equal(sqlite.pragma('wal_autocheckpoint', { simple: true }), 0);
    // A batch every turn of the event loop, as a busy server commits: the checkpoint
    // always finds newer pages behind the ones it copied. Bounded in count and time.
    let batches = 0;
    const started = process.hrtime.bigint();
    const elapsedMs = () => Number(process.hrtime.bigint() - started) / 1e6;
    while (startsOver < 20 && batches < 50_000 && elapsedMs() < 60_000) {
      writeBatch();
      batches++;
      await nextTurn();
    }
    await checkpointer.stop();

    assert.ok(startsOver >= 20, `the WAL started over ${startsOver} times`);
    // With the thread's PASSIVE checkpoints alone, the WAL would hold about a page for
    // every row written. Started over, it is as long as the longest stretch between two.
    const rows = batches * 8;
    assert.ok(walPages(file) < rows / 4, `${walPages(file)} WAL pages for ${rows} rows`);
    const stored = sqlite.prepare('select count(*) from notes').pluck().get() as number;
    assert.equal(stored, rows);
  });

  it('gives checkpoints back to SQLite when stopped', async () => {
    const { sqlite } = directConnectionOf(database.db)!;
    const checkpointer = startCheckpointer(database.db)!;
    await checkpointer.ready;
    assert.equal(sqlite.pragma('wal_autocheckpoint', { simple: true }), 0);
    await checkpointer.stop();
    assert.equal(sqlite.pragma('wal_autocheckpoint', { simple: true }), AUTOMATIC_CHECKPOINT_PAGES);
  });

  it('gives checkpoints back to SQLite and says why when its thread cannot work', async () => {
    // The thread opens the file by name; renaming the directory leaves only the server's connection.
    const moving = await createTestDatabase('sqlite', { migrate: false });
    const { sqlite } = directConnectionOf(moving.db)!;
    fs.renameSync(moving.dataDir, `${moving.dataDir}-moved`);
    const errors: Error[] = [];
    const failed = new Promise<void>((resolve) => {
      const checkpointer = startCheckpointer(moving.db, {
        onError: (error) => resolve(void errors.push(error)),
      });
      assert.ok(checkpointer);
    });
    try {
      await failed;
      assert.match(errors[0]!.message, /directory does not exist|unable to open/i);
      assert.equal(
        sqlite.pragma('wal_autocheckpoint', { simple: true }),
        AUTOMATIC_CHECKPOINT_PAGES,
      );
    } finally {
      fs.renameSync(`${moving.dataDir}-moved`, moving.dataDir);
      await moving.drop();
    }
  });

  it('is not started for an in-memory database', () => {
    const memory = openDatabase({ dialect: 'sqlite', file: ':memory:' });
    try {
      assert.equal(startCheckpointer(memory.db), undefined);
    } finally {
      void memory.close();
    }
  });
});

describe('the WAL checkpointer (PostgreSQL)', async () => {
  const skip = await unavailableReason('postgres');
  it('is not started: PostgreSQL checkpoints itself', { skip }, async () => {
    const database = await createTestDatabase('postgres', { migrate: false });
    try {
      assert.equal(startCheckpointer(database.db), undefined);
    } finally {
      await database.drop();
    }
  });
});
