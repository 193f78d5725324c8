import assert from 'node:assert/strict';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import sharp from 'sharp';
import type { OwnProfile } from '@carillon/protocol/profiles';
import { describeEachDialect, useTestApp, type TestApp } from '../../../test/harness';
import { bearer, errorId, registerUser } from '../../../test/factories';
import { AVATAR_MAX_BYTES } from './avatar';

const XMP =
  '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
  '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description ' +
  'rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Tan Mei Ling</dc:creator>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>';

/** A plain picture of one colour; different colours give different avatar files. */
const solid = (width: number, height: number, colour: string) =>
  sharp({ create: { width, height, channels: 3, background: colour } });

/** A 1200x800 phone photo carrying EXIF (camera, date, GPS), an ICC profile and XMP. */
async function photoWithMetadata(): Promise<Buffer> {
  const photo = await solid(1200, 800, '#c85028')
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'X1', Copyright: 'Tan Mei Ling' },
      IFD2: { DateTimeOriginal: '2026:01:02 03:04:05' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '1/1 17/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '103/1 51/1 0/1',
      },
    })
    .withIccProfile('p3')
    .withXmp(XMP)
    .toBuffer();
  // Check the fixture itself, so a passing test means the server stripped something.
  const meta = await sharp(photo).metadata();
  assert.ok(meta.exif, 'fixture has EXIF');
  assert.ok(meta.exif.includes('Tan Mei Ling'), 'fixture has the copyright in EXIF');
  // 0x8825 (little-endian) is the tag pointing at the GPS IFD.
  assert.ok(meta.exif.includes(Buffer.from([0x25, 0x88])), 'fixture has a GPS IFD');
  assert.ok(meta.icc && meta.xmp, 'fixture has ICC and XMP');
  return photo;
}

const putAvatar = (t: TestApp, token: string | undefined, payload: Buffer | string, type: string) =>
  t.request({
    method: 'PUT',
    url: '/api/profile/avatar',
    headers: { ...(token ? bearer(token) : {}), 'content-type': type },
    payload,
  });

/** Uploads and returns the new profile, failing loudly on anything but 200. */
async function upload(t: TestApp, token: string, bytes: Buffer): Promise<OwnProfile> {
  const response = await putAvatar(t, token, bytes, 'image/jpeg');
  assert.equal(response.statusCode, 200, response.body);
  return response.json() as OwnProfile;
}

/** Fetches the avatar a profile points at and returns its bytes. */
async function download(t: TestApp, url: string | null): Promise<Buffer> {
  assert.ok(url, 'the profile has an avatar URL');
  const response = await t.request({ method: 'GET', url });
  assert.equal(response.statusCode, 200, response.body);
  assert.equal(response.headers['content-type'], 'image/webp');
  return response.rawPayload;
}

/** Where the content-addressed file store keeps these bytes. */
const fileOf = (t: TestApp, bytes: Buffer) => {
  const hash = createHash('sha256').update(bytes).digest('hex');
  return path.join(t.config.dataDir, 'files', hash.slice(0, 2), hash);
};

describeEachDialect('profiles: avatar upload', (dialect) => {
  const t = useTestApp(dialect);

  it('turns a photo into a 512x512 WebP without EXIF, GPS, ICC or XMP', async () => {
    const mei = await registerUser(t());
    const profile = await upload(t(), mei.token, await photoWithMetadata());
    assert.match(profile.avatarUrl ?? '', new RegExp(`^/api/users/${mei.userId}/avatar\\?v=`));
    const bytes = await download(t(), profile.avatarUrl);
    const meta = await sharp(bytes).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.width, 512);
    assert.equal(meta.height, 512);
    assert.equal(meta.exif, undefined);
    assert.equal(meta.icc, undefined);
    assert.equal(meta.xmp, undefined);
    assert.equal(bytes.includes('Tan Mei Ling'), false);
    assert.equal(bytes.includes('PhoneCo'), false);
    assert.ok(fs.existsSync(fileOf(t(), bytes)));
  });

  it('applies EXIF orientation before cropping', async () => {
    const mei = await registerUser(t());
    // Red top half, blue bottom half; orientation 6 turns it a quarter clockwise.
    const redHalf = await solid(800, 400, '#ff0000').png().toBuffer();
    const photo = await solid(800, 800, '#0000ff')
      .composite([{ input: redHalf, top: 0, left: 0 }])
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const bytes = await download(t(), (await upload(t(), mei.token, photo)).avatarUrl);
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => {
      const at = (y * info.width + x) * info.channels;
      return { r: data[at]!, b: data[at + 2]! };
    };
    assert.ok(pixel(50, 256).b > 200 && pixel(50, 256).r < 50, 'left is blue');
    assert.ok(pixel(460, 256).r > 200 && pixel(460, 256).b < 50, 'right is red');
  });

  it('reads the type from the bytes: a PNG sent as image/jpeg is accepted', async () => {
    const mei = await registerUser(t());
    const png = await solid(300, 200, '#228833').png().toBuffer();
    const response = await putAvatar(t(), mei.token, png, 'image/jpeg');
    assert.equal(response.statusCode, 200, response.body);
    const meta = await sharp(await download(t(), response.json().avatarUrl)).metadata();
    assert.equal(meta.format, 'webp');
  });

  it('accepts application/octet-stream', async () => {
    const mei = await registerUser(t());
    const webp = await solid(64, 64, '#123456').webp().toBuffer();
    const response = await putAvatar(t(), mei.token, webp, 'application/octet-stream');
    assert.equal(response.statusCode, 200, response.body);
  });

  it('answers 400 invalid_image for text bytes labelled image/png', async () => {
    const mei = await registerUser(t());
    const response = await putAvatar(t(), mei.token, 'hello, this is not a picture', 'image/png');
    assert.equal(response.statusCode, 400);
    assert.equal(errorId(response), 'invalid_image');
  });

  it('answers 400 invalid_image for an SVG, which sharp reads but we do not accept', async () => {
    const mei = await registerUser(t());
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    const response = await putAvatar(t(), mei.token, Buffer.from(svg), 'image/svg+xml');
    assert.equal(response.statusCode, 400);
    assert.equal(errorId(response), 'invalid_image');
  });

  it('answers 400 invalid_image for a truncated JPEG', async () => {
    const mei = await registerUser(t());
    const photo = await solid(400, 400, '#abcdef').jpeg().toBuffer();
    const response = await putAvatar(
      t(),
      mei.token,
      photo.subarray(0, photo.length / 2),
      'image/jpeg',
    );
    assert.equal(response.statusCode, 400);
    assert.equal(errorId(response), 'invalid_image');
  });

  it('answers 400 invalid_image for a small file that decodes to too many pixels', async () => {
    const mei = await registerUser(t());
    const bomb = await solid(8000, 6000, '#ffffff').png({ compressionLevel: 9 }).toBuffer();
    assert.ok(bomb.length < AVATAR_MAX_BYTES);
    const response = await putAvatar(t(), mei.token, bomb, 'image/png');
    assert.equal(response.statusCode, 400);
    assert.equal(errorId(response), 'invalid_image');
  });

  it('answers 413 payload_too_large for a body over 5 MiB, but reads one of exactly 5 MiB', async () => {
    const mei = await registerUser(t());
    const tooBig = await putAvatar(t(), mei.token, randomBytes(AVATAR_MAX_BYTES + 1), 'image/jpeg');
    assert.equal(tooBig.statusCode, 413);
    assert.equal(errorId(tooBig), 'payload_too_large');
    const atLimit = await putAvatar(t(), mei.token, randomBytes(AVATAR_MAX_BYTES), 'image/jpeg');
    assert.equal(errorId(atLimit), 'invalid_image');
  });

  it('answers 400 for an empty body', async () => {
    const mei = await registerUser(t());
    const response = await putAvatar(t(), mei.token, Buffer.alloc(0), 'image/jpeg');
    assert.equal(response.statusCode, 400);
    assert.equal(errorId(response), 'validation_failed');
  });

  it('answers 415 unsupported_media_type for text/plain and for JSON', async () => {
    const mei = await registerUser(t());
    const png = await solid(64, 64, '#654321').png().toBuffer();
    for (const type of ['text/plain', 'application/json']) {
      const payload = type === 'application/json' ? '{"avatar":"x"}' : png;
      const response = await putAvatar(t(), mei.token, payload, type);
      assert.equal(response.statusCode, 415, `${type}: ${response.body}`);
      assert.equal(errorId(response), 'unsupported_media_type');
    }
    assert.equal(
      (await t().request({ method: 'GET', url: '/api/profile', headers: bearer(mei.token) })).json()
        .avatarUrl,
      null,
    );
  });

  it('answers 401 without sign-in, for both upload and removal', async () => {
    const png = await solid(64, 64, '#aa0000').png().toBuffer();
    const put = await putAvatar(t(), undefined, png, 'image/png');
    assert.equal(put.statusCode, 401);
    assert.equal(errorId(put), 'unauthenticated');
    const garbage = await putAvatar(t(), 'garbage', png, 'image/png');
    assert.equal(garbage.statusCode, 401);
    const removal = await t().request({ method: 'DELETE', url: '/api/profile/avatar' });
    assert.equal(removal.statusCode, 401);
    assert.equal(errorId(removal), 'unauthenticated');
  });

  it('answers 401, not 413, to an anonymous oversized upload: sign-in is checked before reading', async () => {
    const response = await putAvatar(
      t(),
      undefined,
      Buffer.alloc(AVATAR_MAX_BYTES + 1),
      'image/png',
    );
    assert.equal(response.statusCode, 401);
  });
});

describeEachDialect('profiles: avatar files', (dialect) => {
  const t = useTestApp(dialect);

  it('shows the avatar URL to others, anonymous visitors included', async () => {
    const mei = await registerUser(t());
    const profile = await upload(t(), mei.token, await solid(100, 100, '#010203').png().toBuffer());
    const seen = await t().request({ method: 'GET', url: `/api/users/${mei.userId}/profile` });
    assert.equal(seen.json().avatarUrl, profile.avatarUrl);
  });

  it('replacing an avatar deletes the old file and changes the URL', async () => {
    const mei = await registerUser(t());
    const first = await upload(t(), mei.token, await solid(100, 100, '#ff8800').png().toBuffer());
    const firstFile = fileOf(t(), await download(t(), first.avatarUrl));
    const second = await upload(t(), mei.token, await solid(100, 100, '#0088ff').png().toBuffer());
    assert.notEqual(second.avatarUrl, first.avatarUrl);
    const secondFile = fileOf(t(), await download(t(), second.avatarUrl));
    assert.equal(fs.existsSync(firstFile), false);
    assert.ok(fs.existsSync(secondFile));
  });

  it('uploading the same picture again keeps its file', async () => {
    const mei = await registerUser(t());
    const picture = await solid(100, 100, '#336699').png().toBuffer();
    const first = await upload(t(), mei.token, picture);
    const again = await upload(t(), mei.token, picture);
    assert.equal(again.avatarUrl, first.avatarUrl);
    assert.ok(fs.existsSync(fileOf(t(), await download(t(), again.avatarUrl))));
  });

  it('keeps a file another profile still uses, and deletes it with its last user', async () => {
    const mei = await registerUser(t());
    const wei = await registerUser(t());
    const shared = await solid(100, 100, '#996633').png().toBuffer();
    const meis = await upload(t(), mei.token, shared);
    const weis = await upload(t(), wei.token, shared);
    const file = fileOf(t(), await download(t(), meis.avatarUrl));
    assert.equal(file, fileOf(t(), await download(t(), weis.avatarUrl)));

    await upload(t(), mei.token, await solid(100, 100, '#000000').png().toBuffer());
    assert.ok(fs.existsSync(file), 'still used by Wei after a replacement');
    await download(t(), weis.avatarUrl);

    const removed = await t().request({
      method: 'DELETE',
      url: '/api/profile/avatar',
      headers: bearer(wei.token),
    });
    assert.equal(removed.statusCode, 204);
    assert.equal(fs.existsSync(file), false, 'deleted with its last user');
  });

  it('DELETE removes the file; the avatar URL then answers 404', async () => {
    const mei = await registerUser(t());
    const profile = await upload(t(), mei.token, await solid(100, 100, '#448844').png().toBuffer());
    const file = fileOf(t(), await download(t(), profile.avatarUrl));
    const removed = await t().request({
      method: 'DELETE',
      url: '/api/profile/avatar',
      headers: bearer(mei.token),
    });
    assert.equal(removed.statusCode, 204);
    assert.equal(fs.existsSync(file), false);
    const gone = await t().request({ method: 'GET', url: profile.avatarUrl! });
    assert.equal(gone.statusCode, 404);
    assert.equal(errorId(gone), 'not_found');
    const own = await t().request({
      method: 'GET',
      url: '/api/profile',
      headers: bearer(mei.token),
    });
    assert.equal(own.json().avatarUrl, null);
  });

  it('DELETE without an avatar answers 204 and changes nothing', async () => {
    const mei = await registerUser(t());
    const removed = await t().request({
      method: 'DELETE',
      url: '/api/profile/avatar',
      headers: bearer(mei.token),
    });
    assert.equal(removed.statusCode, 204);
  });

  it('GET avatar answers 404 for a user without one or unknown, 400 for a bad id', async () => {
    const mei = await registerUser(t());
    for (const id of [mei.userId, randomUUID()]) {
      const response = await t().request({ method: 'GET', url: `/api/users/${id}/avatar` });
      assert.equal(response.statusCode, 404);
      assert.equal(errorId(response), 'not_found');
    }
    const malformed = await t().request({ method: 'GET', url: '/api/users/nope/avatar' });
    assert.equal(malformed.statusCode, 400);
    assert.equal(errorId(malformed), 'validation_failed');
  });

  it('a failed upload keeps the current avatar', async () => {
    const mei = await registerUser(t());
    const profile = await upload(t(), mei.token, await solid(100, 100, '#884488').png().toBuffer());
    const bad = await putAvatar(t(), mei.token, 'not a picture', 'image/png');
    assert.equal(bad.statusCode, 400);
    const own = await t().request({
      method: 'GET',
      url: '/api/profile',
      headers: bearer(mei.token),
    });
    assert.equal(own.json().avatarUrl, profile.avatarUrl);
    await download(t(), profile.avatarUrl);
  });

  it('lets only the versioned avatar URL be cached for good', async () => {
    const mei = await registerUser(t());
    const profile = await upload(t(), mei.token, await solid(64, 64, '#123456').png().toBuffer());
    const versioned = await t().request({ method: 'GET', url: profile.avatarUrl! });
    assert.match(String(versioned.headers['cache-control']), /immutable/);
    const bare = await t().request({ method: 'GET', url: `/api/users/${mei.userId}/avatar` });
    assert.equal(bare.statusCode, 200);
    assert.doesNotMatch(String(bare.headers['cache-control']), /immutable/);
  });
});
