import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { it } from 'node:test';
import type { StoredFile } from '@carillon/protocol/files';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { bearer, errorId, registerUser } from '../../../test/factories';
import { uploadFile } from './files.test-support';

describeEachDialect('files: download', (dialect) => {
  const t = useTestApp(dialect);
  const bytes = randomBytes(10_000);
  let token: string;
  let file: StoredFile;
  const download = (range?: string, extra: Record<string, string> = {}) =>
    t().request({
      method: 'GET',
      url: `/api/files/${file.id}`,
      headers: { ...bearer(token), ...(range ? { range } : {}), ...extra },
    });

  it('sends the whole file with safe headers', async () => {
    ({ token } = await registerUser(t()));
    file = await uploadFile(t(), token, { bytes, filename: '季度 "report".bin' });
    const response = await download();
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.rawPayload, bytes);
    assert.equal(response.headers['content-type'], 'application/octet-stream');
    assert.equal(response.headers['content-length'], '10000');
    assert.equal(response.headers['accept-ranges'], 'bytes');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.match(String(response.headers.etag), /^"[0-9a-f]{64}"$/);
    assert.equal(
      response.headers['content-disposition'],
      `attachment; filename="__ _report_.bin"; filename*=UTF-8''%E5%AD%A3%E5%BA%A6%20%22report%22.bin`,
    );
    const again = await download(undefined, { 'if-none-match': String(response.headers.etag) });
    assert.equal(again.statusCode, 304);
  });

  it('answers single ranges with 206 and Content-Range', async () => {
    const cases: [string, number, number][] = [
      ['bytes=0-99', 0, 99],
      ['bytes=5000-5009', 5000, 5009],
      ['bytes=-500', 9500, 9999],
      ['bytes=9990-', 9990, 9999],
      ['bytes=9000-20000', 9000, 9999],
    ];
    for (const [range, start, end] of cases) {
      const response = await download(range);
      assert.equal(response.statusCode, 206, range);
      assert.equal(response.headers['content-range'], `bytes ${start}-${end}/10000`, range);
      assert.equal(response.headers['content-length'], String(end - start + 1), range);
      assert.deepEqual(response.rawPayload, bytes.subarray(start, end + 1), range);
    }
  });

  it('answers 416 for a range past the end, and ignores ranges it does not serve', async () => {
    const response = await download('bytes=10000-');
    assert.equal(response.statusCode, 416);
    assert.equal(response.headers['content-range'], 'bytes */10000');
    assert.equal(errorId(response), 'range_not_satisfiable');
    for (const ignored of ['bytes=0-1,5-6', 'items=0-1', 'bytes=9-2']) {
      const whole = await download(ignored);
      assert.equal(whole.statusCode, 200, ignored);
      assert.equal(whole.rawPayload.length, 10_000, ignored);
    }
  });

  it('streams an upload and a download over a real socket', async (test) => {
    await t().app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = t().app.server.address() as AddressInfo;
    // fetch keeps its connection alive; drop it, so closing the app need not wait for it.
    test.after(() => t().app.server.closeAllConnections());
    const big = randomBytes(3 * 1024 * 1024 + 7);
    const form = new FormData();
    form.append('file', new Blob([big], { type: 'text/html' }), 'big.html');
    const base = `http://127.0.0.1:${port}`;
    const uploaded = await fetch(`${base}/api/files`, {
      method: 'POST',
      headers: bearer(token),
      body: form,
    });
    assert.equal(uploaded.status, 201);
    const stored = (await uploaded.json()) as StoredFile;
    assert.deepEqual([stored.size, stored.mediaType], [big.length, 'application/octet-stream']);

    const tail = await fetch(`${base}/api/files/${stored.id}`, {
      headers: { ...bearer(token), range: 'bytes=-7' },
    });
    assert.equal(tail.status, 206);
    assert.deepEqual(Buffer.from(await tail.arrayBuffer()), big.subarray(big.length - 7));
    const whole = await fetch(`${base}/api/files/${stored.id}`, { headers: bearer(token) });
    assert.deepEqual(Buffer.from(await whole.arrayBuffer()), big);
  });
});
