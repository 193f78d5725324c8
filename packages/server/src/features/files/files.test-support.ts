import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { StoredFile } from '@carillon/protocol/files';
import sharp from 'sharp';
import type { TestApp } from '../../../test/harness';
import { bearer } from '../../../test/factories';

/** What a client puts in the `file` field; `type` is its claim, which the server ignores. */
export interface FormFile {
  bytes: Buffer;
  filename: string;
  type?: string;
  field?: string;
}

/** A real multipart/form-data body, encoded by the platform's own FormData. */
export async function formBody(file: FormFile): Promise<{ payload: Buffer; type: string }> {
  const form = new FormData();
  form.append('note', 'a plain field before the file');
  form.append(
    file.field ?? 'file',
    new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }),
    file.filename,
  );
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    type: request.headers.get('content-type')!,
  };
}

/** Posts a file through the in-process server. */
export async function postFile(t: TestApp, token: string | undefined, file: FormFile) {
  const body = await formBody(file);
  return t.request({
    method: 'POST',
    url: '/api/files',
    headers: { ...(token ? bearer(token) : {}), 'content-type': body.type },
    payload: body.payload,
  });
}

/** Uploads and returns the stored file, failing loudly on anything but 201. */
export async function uploadFile(t: TestApp, token: string, file: FormFile): Promise<StoredFile> {
  const response = await postFile(t, token, file);
  assert.equal(response.statusCode, 201, response.body);
  return response.json() as StoredFile;
}

/** A photo-sized JPEG of one colour; different colours give different content. */
export const jpeg = (width: number, height: number, colour = '#2a7ab0') =>
  sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Tan Mei Ling' } })
    .toBuffer();

/** The file store's directory in a test app. */
export const storeRoot = (t: TestApp) => path.join(t.config.dataDir, 'files');

/** Whether the store holds content with this hash. */
export const isStored = (t: TestApp, hash: string) =>
  fs.existsSync(path.join(storeRoot(t), hash.slice(0, 2), hash));

/** Temporary upload files left in the incoming directory. */
export const leftoverUploads = (t: TestApp) => {
  const dir = path.join(storeRoot(t), 'incoming');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

/** The content hash of a stored file, straight from the database. */
export async function hashOf(t: TestApp, fileId: string): Promise<string> {
  const row = await t.db.db
    .selectFrom('files')
    .select('hash')
    .where('id', '=', fileId)
    .executeTakeFirstOrThrow();
  return row.hash;
}
