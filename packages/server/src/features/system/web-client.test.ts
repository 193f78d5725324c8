import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startTestApp, type TestApp } from '../../../test/harness';
import { errorId } from '../../../test/factories';

/** A built client in miniature: index.html, one hashed asset and the service worker. */
function fakeBuild(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'carillon-web-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  return dir;
}

describe('serving the web client', () => {
  let t: TestApp;
  let webDir: string;
  before(async () => {
    webDir = fakeBuild();
    t = await startTestApp('sqlite', { env: { WEB_DIR: webDir } });
  });
  after(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('serves index.html at / with a content security policy and no caching', async () => {
    const response = await t.request({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /id="root"/);
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.match(String(response.headers['content-security-policy']), /script-src 'self'/);
  });

  it('answers client routes with the app shell, so a reload of /chats/… works', async () => {
    const response = await t.request({ method: 'GET', url: '/chats/0190-abc?x=1' });
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /id="root"/);
  });

  it('serves hashed assets as immutable and the service worker as no-cache', async () => {
    const asset = await t.request({ method: 'GET', url: '/assets/index-abc123.js' });
    assert.equal(asset.statusCode, 200);
    assert.match(String(asset.headers['cache-control']), /immutable/);
    const worker = await t.request({ method: 'GET', url: '/sw.js' });
    assert.equal(worker.statusCode, 200);
    assert.equal(worker.headers['cache-control'], 'no-cache');
  });

  it('keeps the JSON 404 and 405 for API paths and missing files', async () => {
    const api = await t.request({ method: 'GET', url: '/api/nothing-here' });
    assert.equal(api.statusCode, 404);
    assert.equal(errorId(api), 'not_found');
    const wrongMethod = await t.request({ method: 'GET', url: '/api/sessions/abc' });
    assert.equal(wrongMethod.statusCode, 405);
    const missingFile = await t.request({ method: 'GET', url: '/assets/gone-123.js' });
    assert.equal(missingFile.statusCode, 404);
    assert.equal(errorId(missingFile), 'not_found');
  });
});

describe('without a built web client', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp('sqlite', { env: { WEB_DIR: path.join(tmpdir(), 'no-such-build') } });
  });
  after(() => t.close());

  it('says at / how to build it', async () => {
    const response = await t.request({ method: 'GET', url: '/' });
    assert.equal(response.statusCode, 503);
    assert.match(response.body, /npm run build -w @carillon\/web/);
  });
});
