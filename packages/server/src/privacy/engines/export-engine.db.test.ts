import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { drain, registerFilledPerson, unzip } from '../../../test/engine-fixtures';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { localFileStore } from '../../platform/files/file-store';
import { uuidV7Generator } from '../../platform/ids';
import { editions } from '../editions';
import { buildManifestRegistry } from '../manifests';
import type { AccessReport } from './data-engines';
import { createDataEngines } from './data-engines';
import { subjectLookups } from './table-walk';

const NOTICES = 20_000;
const PAGE = 500;

/** Inserts many security notices straight into the table, in batches both dialects accept. */
async function insertNotices(t: TestApp, userId: string, count: number) {
  const ids = uuidV7Generator(t.clock);
  for (let done = 0; done < count; done += 150) {
    const rows = Array.from({ length: Math.min(150, count - done) }, (_, i) => ({
      id: ids.next(),
      user_id: userId,
      kind: 'new_device',
      detail: JSON.stringify({ device: `Phone ${done + i}`, region: 'SG' }),
      created_at: t.clock.now(),
    }));
    await t.db.db.insertInto('security_notices').values(rows).execute();
  }
}

/** Counts the page queries (SELECT … LIMIT) that read security_notices. */
function pageCounter(): KyselyPlugin & { pages: number } {
  const counter = {
    pages: 0,
    transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]) {
      const node = args.node;
      if (
        node.kind === 'SelectQueryNode' &&
        node.limit &&
        JSON.stringify(node.from).includes('"security_notices"')
      )
        counter.pages++;
      return node;
    },
    transformResult: async (args: Parameters<KyselyPlugin['transformResult']>[0]) => args.result,
  };
  return counter;
}

/** Waits until nothing more is read for a while: the zip is held back by its reader. */
async function settle(counter: { pages: number }) {
  for (let quiet = 0, last = -1; quiet < 5;) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    quiet = counter.pages === last ? quiet + 1 : 0;
    last = counter.pages;
  }
}

const firstChunk = (stream: Readable) =>
  new Promise<Buffer>((resolve, reject) => {
    stream.once('error', reject);
    stream.once('readable', () => resolve(stream.read() as Buffer));
  });

describeEachDialect('data export', (dialect) => {
  const testApp = useTestApp(dialect);

  it('zips JSON per table, a readable page and the avatar, and never a secret', async () => {
    const t = testApp();
    const person = await registerFilledPerson(t);
    const zip = await unzip(await drain(await t.app.dataEngines.exportArchive(person.userId)));

    for (const name of [
      'access-report.json',
      'index.html',
      'data/users.json',
      'data/profiles.json',
    ])
      assert.ok(zip.has(name), `${name} is in the archive`);
    for (const [name, bytes] of zip)
      if (name.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(bytes.toString()), name);

    const profiles = JSON.parse(zip.get('data/profiles.json')!.toString()) as {
      rows: Record<string, unknown>[];
    };
    assert.equal(profiles.rows.length, 1);
    assert.equal(profiles.rows[0]!.nickname, person.nickname);
    assert.equal(profiles.rows[0]!.real_name, person.realName, 'sealed values are decrypted');
    assert.equal(profiles.rows[0]!.work_region, person.workRegion);

    const avatar = [...zip.keys()].find((n) => n.startsWith(`files/${person.avatarHash}`));
    assert.equal(avatar, `files/${person.avatarHash}.webp`);
    const digest = createHash('sha256').update(zip.get(avatar)!).digest('hex');
    assert.equal(digest, person.avatarHash, 'the file itself, byte for byte');

    const html = zip.get('index.html')!.toString();
    assert.match(html, /^<!doctype html>/);
    assert.ok(html.includes(person.nickname) && html.includes(person.realName));
    assert.ok(html.includes(`href="${avatar}"`), 'the page links the avatar');

    const secrets = await t.db.db.selectFrom('users').select('password_hash').execute();
    const everything = Buffer.concat([...zip.values()]).toString();
    for (const column of ['password_hash', 'token_hash', 'code_hash'])
      assert.ok(!everything.includes(column), `${column} is never exported`);
    for (const { password_hash } of secrets) assert.ok(!everything.includes(password_hash));

    const report = JSON.parse(zip.get('access-report.json')!.toString()) as AccessReport;
    assert.equal(report.subjectId, person.userId);
    assert.equal(report.items.find((i) => i.table === 'users')?.records, 1);
  });

  it('streams: the first bytes arrive while most rows are still unread', async () => {
    const t = testApp();
    const person = await registerFilledPerson(t);
    await insertNotices(t, person.userId, NOTICES);
    const counter = pageCounter();
    const engines = createDataEngines({
      database: { ...t.db, db: t.db.db.withPlugin(counter) },
      registry: buildManifestRegistry(),
      lookups: subjectLookups(t.db.db, (id) => id),
      vault: t.vault,
      files: localFileStore(path.join(t.config.dataDir, 'files')),
      clock: t.clock,
      ids: uuidV7Generator(t.clock),
      edition: editions.international,
      pageSize: PAGE,
    });
    const stream = await engines.exportArchive(person.userId);
    const first = await firstChunk(stream);
    await settle(counter);
    // The JSON file and the page each read every notice: 2 × 40 pages in all. What is read
    // ahead is what the zip's stream buffers hold (about a dozen pages of well-compressing
    // rows), the same for 20,000 rows as for 20 million.
    const needed = (2 * NOTICES) / PAGE;
    assert.ok(
      counter.pages < needed / 2,
      `read ${counter.pages} of ${needed} pages before the reader asked`,
    );

    const zip = await unzip(Buffer.concat([first, await drain(stream)]));
    assert.ok(counter.pages >= needed);
    const notices = JSON.parse(zip.get('data/security_notices.json')!.toString()) as {
      rows: unknown[];
    };
    assert.ok(notices.rows.length >= NOTICES);
  });
});
