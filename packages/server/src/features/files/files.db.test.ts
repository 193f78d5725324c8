import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import type { StoredFile } from '@carillon/protocol/files';
import sharp from 'sharp';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { bearer, errorId, registerUser } from '../../../test/factories';
import {
  formBody,
  isStored,
  jpeg,
  leftoverUploads,
  postFile,
  uploadFile,
} from './files.test-support';

const MAX = 64 * 1024;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A tiny PNG whose header claims a huge picture: decoding it would need gigabytes. */
function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(1024))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describeEachDialect('files: upload', (dialect) => {
  const t = useTestApp(dialect, { env: { FILE_MAX_BYTES: String(MAX) } });

  it('sniffs an image whatever the client claims, measures it and makes a clean thumbnail', async () => {
    const { token } = await registerUser(t());
    const photo = await jpeg(1200, 800);
    const file = await uploadFile(t(), token, {
      bytes: photo,
      filename: 'C:\\Users\\mei\\report.pdf',
      type: 'application/pdf',
    });
    assert.equal(file.mediaType, 'image/jpeg');
    assert.equal(file.kind, 'image');
    assert.equal(file.name, 'report.pdf');
    assert.deepEqual([file.width, file.height, file.size], [1200, 800, photo.length]);
    assert.equal(file.thumbnail, true);

    const thumb = await t().request({
      method: 'GET',
      url: `/api/files/${file.id}/thumbnail`,
      headers: bearer(token),
    });
    assert.equal(thumb.statusCode, 200);
    assert.equal(thumb.headers['content-type'], 'image/webp');
    assert.match(String(thumb.headers['content-disposition']), /^inline;/);
    const meta = await sharp(thumb.rawPayload).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height], ['webp', 320, 213]);
    assert.equal(meta.exif, undefined, 'no EXIF in the thumbnail');
  });

  it('stores a pixel bomb without ever decoding it', async () => {
    const { token } = await registerUser(t());
    const file = await uploadFile(t(), token, {
      bytes: pngClaiming(100_000, 100_000),
      filename: 'b.png',
    });
    assert.deepEqual([file.mediaType, file.kind, file.thumbnail], ['image/png', 'image', false]);
  });

  it('stores UTF-8 as text/plain and anything unknown as octet-stream', async () => {
    const { token } = await registerUser(t());
    const text = await uploadFile(t(), token, {
      bytes: Buffer.from('会议纪要: ship the files feature\n'),
      filename: 'notes.txt',
      type: 'image/png',
    });
    assert.deepEqual(
      [text.mediaType, text.kind, text.thumbnail],
      ['text/plain', 'document', false],
    );
    assert.deepEqual([text.width, text.height], [null, null]);

    const binary = await uploadFile(t(), token, {
      bytes: Buffer.concat([Buffer.from('CRLN\0\u0001'), randomBytes(4000)]),
      filename: 'blob.png',
      type: 'image/png',
    });
    assert.deepEqual([binary.mediaType, binary.kind], ['application/octet-stream', 'other']);
  });

  it('takes a file of exactly the cap and refuses one byte more, leaving nothing behind', async () => {
    const { token } = await registerUser(t());
    const exact = randomBytes(MAX);
    const stored = await uploadFile(t(), token, { bytes: exact, filename: 'exact.bin' });
    assert.equal(stored.size, MAX);

    const over = randomBytes(MAX + 1);
    const response = await postFile(t(), token, { bytes: over, filename: 'over.bin' });
    assert.equal(response.statusCode, 413, response.body);
    assert.equal(errorId(response), 'payload_too_large');
    assert.equal(isStored(t(), sha256(over)), false);
    assert.equal(isStored(t(), sha256(over.subarray(0, MAX))), false);
    assert.deepEqual(leftoverUploads(t()), []);
  });

  it('keeps identical content once, under two ids', async () => {
    const a = await registerUser(t());
    const b = await registerUser(t());
    const bytes = randomBytes(2048);
    const first = await uploadFile(t(), a.token, { bytes, filename: 'a.bin' });
    const second = await uploadFile(t(), b.token, { bytes, filename: 'b.bin' });
    assert.notEqual(first.id, second.id);
    const rows = await t()
      .db.db.selectFrom('files')
      .select('hash')
      .where('id', 'in', [first.id, second.id])
      .execute();
    assert.deepEqual(
      rows.map((r) => r.hash),
      [sha256(bytes), sha256(bytes)],
    );
    assert.ok(isStored(t(), sha256(bytes)));
  });

  it('refuses bodies that are not a multipart file upload', async () => {
    const { token } = await registerUser(t());
    const json = await t().request({
      method: 'POST',
      url: '/api/files',
      headers: bearer(token),
      payload: { file: 'hello' },
    });
    assert.equal(json.statusCode, 415);
    assert.equal(errorId(json), 'unsupported_media_type');

    const wrongField = await postFile(t(), token, {
      bytes: Buffer.from('hi'),
      filename: 'a.txt',
      field: 'attachment',
    });
    assert.equal(wrongField.statusCode, 400);
    assert.equal(errorId(wrongField), 'validation_failed');

    const empty = await postFile(t(), token, { bytes: Buffer.alloc(0), filename: 'empty.txt' });
    assert.equal(empty.statusCode, 400);

    // A body cut off mid-file (a dropped connection, a broken client) is refused, not a 500.
    const whole = await formBody({ bytes: Buffer.alloc(4096, 7), filename: 'cut.bin' });
    const truncated = await t().request({
      method: 'POST',
      url: '/api/files',
      headers: { ...bearer(token), 'content-type': whole.type },
      payload: whole.payload.subarray(0, 2000),
    });
    assert.equal(truncated.statusCode, 400, truncated.body);
    const noBoundary = await t().request({
      method: 'POST',
      url: '/api/files',
      headers: { ...bearer(token), 'content-type': 'multipart/form-data' },
      payload: whole.payload,
    });
    assert.equal(noBoundary.statusCode, 400, noBoundary.body);
    assert.deepEqual(leftoverUploads(t()), []);
  });

  it('requires a signed-in user, and CSRF proof with a cookie', async () => {
    const body = await formBody({ bytes: Buffer.from('hi'), filename: 'a.txt' });
    const anonymous = await t().request({
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': body.type },
      payload: body.payload,
    });
    assert.equal(anonymous.statusCode, 401);
    assert.equal(errorId(anonymous), 'unauthenticated');

    const { token } = await registerUser(t());
    const cookie = await t().request({
      method: 'POST',
      url: '/api/files',
      headers: { 'content-type': body.type, cookie: `carillon_session=${token}` },
      payload: body.payload,
    });
    assert.equal(cookie.statusCode, 403);
    assert.equal(errorId(cookie), 'csrf_failed');
  });
});

describeEachDialect('files: access', (dialect) => {
  const t = useTestApp(dialect);
  const get = (url: string, token: string) =>
    t().request({ method: 'GET', url, headers: bearer(token) });

  it('describes a file to its owner and hides it from everyone else', async () => {
    const owner = await registerUser(t());
    const stranger = await registerUser(t());
    const file = await uploadFile(t(), owner.token, {
      bytes: Buffer.from('private plans'),
      filename: 'plans.txt',
    });
    const info = await get(`/api/files/${file.id}/info`, owner.token);
    assert.equal(info.statusCode, 200);
    assert.deepEqual(info.json() as StoredFile, file);

    for (const url of [
      `/api/files/${file.id}`,
      `/api/files/${file.id}/info`,
      `/api/files/${file.id}/thumbnail`,
    ]) {
      const response = await get(url, stranger.token);
      assert.equal(response.statusCode, 404, url);
      assert.equal(errorId(response), 'not_found');
    }
    const unknown = await get(`/api/files/${randomUUID()}`, owner.token);
    assert.equal(unknown.statusCode, 404);
    const malformed = await get('/api/files/not-an-id', owner.token);
    assert.equal(malformed.statusCode, 400);
    assert.equal(errorId(malformed), 'validation_failed');
    const anonymous = await t().request({ method: 'GET', url: `/api/files/${file.id}` });
    assert.equal(anonymous.statusCode, 401);
  });

  it('answers 404 for the thumbnail of a file that is not an image', async () => {
    const { token } = await registerUser(t());
    const file = await uploadFile(t(), token, { bytes: Buffer.from('text'), filename: 'a.txt' });
    const response = await get(`/api/files/${file.id}/thumbnail`, token);
    assert.equal(response.statusCode, 404);
  });

  it('lets only the owner delete, and drops the bytes once no row names them', async () => {
    const owner = await registerUser(t());
    const other = await registerUser(t());
    const photo = await jpeg(400, 300, '#b04a2a');
    const file = await uploadFile(t(), owner.token, { bytes: photo, filename: 'p.jpg' });
    const thumbnailHash = (
      await t()
        .db.db.selectFrom('files')
        .select('thumbnail_hash')
        .where('id', '=', file.id)
        .executeTakeFirstOrThrow()
    ).thumbnail_hash!;

    const byOther = await t().request({
      method: 'DELETE',
      url: `/api/files/${file.id}`,
      headers: bearer(other.token),
    });
    assert.equal(byOther.statusCode, 404);

    const byOwner = await t().request({
      method: 'DELETE',
      url: `/api/files/${file.id}`,
      headers: bearer(owner.token),
    });
    assert.equal(byOwner.statusCode, 204);
    assert.equal((await get(`/api/files/${file.id}/info`, owner.token)).statusCode, 404);
    assert.equal(isStored(t(), sha256(photo)), false);
    assert.equal(isStored(t(), thumbnailHash), false);
  });

  it('keeps shared bytes when one of two owners deletes their copy', async () => {
    const a = await registerUser(t());
    const b = await registerUser(t());
    const bytes = Buffer.from('the same minutes, uploaded twice');
    const first = await uploadFile(t(), a.token, { bytes, filename: 'a.txt' });
    const second = await uploadFile(t(), b.token, { bytes, filename: 'b.txt' });
    await t().request({
      method: 'DELETE',
      url: `/api/files/${first.id}`,
      headers: bearer(a.token),
    });
    assert.ok(isStored(t(), sha256(bytes)));
    const download = await get(`/api/files/${second.id}`, b.token);
    assert.equal(download.body, bytes.toString());
  });
});
