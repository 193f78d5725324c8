import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import yauzl from 'yauzl';
import { bearer, registerUser } from './factories';
import type { TestApp } from './harness';

/** A person registered through the API with every profile field and an avatar. */
export interface FilledPerson {
  userId: string;
  token: string;
  phone: string;
  nickname: string;
  realName: string;
  workRegion: string;
  enterpriseEmail: string;
  avatarHash: string;
}

/** Values no other test writes, so finding one anywhere means it was not erased. */
const distinct = (prefix: string) => `${prefix}${randomBytes(5).toString('hex')}`;

/** Registers someone, fills the whole profile and uploads an avatar. */
export async function registerFilledPerson(t: TestApp): Promise<FilledPerson> {
  const nickname = distinct('Zephyrine');
  const grant = await registerUser(t, { nickname });
  const person = {
    realName: distinct('Quillon Ardent '),
    workRegion: distinct('Vexmoor '),
    enterpriseEmail: `${distinct('q')}@ardent.example`,
  };
  const headers = bearer(grant.token);
  const patch = await t.request({
    method: 'PATCH',
    url: '/api/profile',
    headers,
    payload: { ...person, gender: 'female', birthday: '1990-04-17' },
  });
  if (patch.statusCode !== 200) throw new Error(`profile update failed: ${patch.body}`);
  const picture = await sharp({
    create: {
      width: 64,
      height: 64,
      channels: 3,
      background: `#${randomBytes(3).toString('hex')}`,
    },
  })
    .png()
    .toBuffer();
  const put = await t.request({
    method: 'PUT',
    url: '/api/profile/avatar',
    headers: { ...headers, 'content-type': 'image/png' },
    payload: picture,
  });
  if (put.statusCode !== 200) throw new Error(`avatar upload failed: ${put.body}`);
  const row = await t.db.db
    .selectFrom('profiles')
    .select('avatar_hash')
    .where('user_id', '=', grant.userId)
    .executeTakeFirstOrThrow();
  if (!row.avatar_hash) throw new Error('no avatar stored');
  return {
    userId: grant.userId,
    token: grant.token,
    phone: grant.phone,
    nickname,
    avatarHash: row.avatar_hash,
    ...person,
  };
}

/** Reads a whole stream into one buffer. */
export async function drain(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every entry of a zip held in memory, by name. */
export function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error ?? new Error('no zip'));
      const entries = new Map<string, Buffer>();
      file.on('error', reject);
      file.on('end', () => resolve(entries));
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err ?? new Error('no entry stream'));
          drain(stream).then((bytes) => {
            entries.set(entry.fileName, bytes);
            file.readEntry();
          }, reject);
        });
      });
      file.readEntry();
    });
  });
}
