import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { it } from 'node:test';
import { drain, unzip } from '../../../test/engine-fixtures';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { bearer, registerUser } from '../../../test/factories';
import { isStored, jpeg, uploadFile } from './files.test-support';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describeEachDialect('files: export and erasure', (dialect) => {
  const t = useTestApp(dialect);

  it("puts a person's files and thumbnails in their export", async () => {
    const { token, userId } = await registerUser(t());
    const photo = await jpeg(640, 480, '#3a8a4a');
    const file = await uploadFile(t(), token, { bytes: photo, filename: 'team.jpg' });
    const zip = await unzip(await drain(await t().app.dataEngines.exportArchive(userId)));
    assert.deepEqual(zip.get(`files/${sha256(photo)}.jpg`), photo);
    const rows = JSON.parse(zip.get('data/files.json')!.toString()) as unknown;
    assert.match(JSON.stringify(rows), new RegExp(file.id));
    assert.match(JSON.stringify(rows), /team\.jpg/);
    const stored = [...zip.keys()].filter((name) => name.startsWith('files/'));
    assert.equal(stored.length, 2, 'the file and its thumbnail');
  });

  it('keeps content two people uploaded until both are erased', async () => {
    const a = await registerUser(t());
    const b = await registerUser(t());
    const bytes = randomBytes(5000);
    const hash = sha256(bytes);
    await uploadFile(t(), a.token, { bytes, filename: 'a.bin' });
    const kept = await uploadFile(t(), b.token, { bytes, filename: 'b.bin' });

    await t().app.dataEngines.erase(a.userId, { kind: 'all' });
    assert.ok(isStored(t(), hash), 'still named by the other upload');
    const download = await t().request({
      method: 'GET',
      url: `/api/files/${kept.id}`,
      headers: bearer(b.token),
    });
    assert.deepEqual(download.rawPayload, bytes);

    await t().app.dataEngines.erase(b.userId, { kind: 'all' });
    assert.equal(isStored(t(), hash), false);
  });
});
