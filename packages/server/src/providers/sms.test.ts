import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { AppError } from '../platform/errors';
import { httpSms } from './sms';

/** One request as the gateway received it. */
interface GatewayRequest {
  method: string | undefined;
  url: string | undefined;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Starts an HTTP "SMS gateway" on a free loopback port that answers every request with `status`. */
async function startGateway(status: number) {
  const requests: GatewayRequest[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const { method, url, headers } = request;
      requests.push({ method, url, headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: status < 300 }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Removes and returns the only request received, failing if there is not exactly one. */
function takeOnly(requests: GatewayRequest[]): GatewayRequest {
  const [request, ...rest] = requests.splice(0);
  assert.ok(request, 'the gateway received no request');
  assert.equal(rest.length, 0);
  return request;
}

/** Asserts a promise rejects with the AppError every provider failure maps to. */
async function assertUnavailable(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppError);
    assert.equal(error.id, 'unavailable');
    return true;
  });
}

describe('httpSms against a real HTTP gateway', () => {
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  before(async () => {
    gateway = await startGateway(202);
  });
  after(() => gateway.close());

  it('posts {to, text} as JSON with the bearer token', async () => {
    await httpSms(gateway.url, 'gateway-token').send('+6591234567', 'Your code is 123456.');

    const request = takeOnly(gateway.requests);
    assert.equal(request.method, 'POST');
    assert.equal(request.url, '/send');
    assert.equal(request.headers.authorization, 'Bearer gateway-token');
    assert.match(String(request.headers['content-type']), /^application\/json\b/);
    assert.deepEqual(JSON.parse(request.body), { to: '+6591234567', text: 'Your code is 123456.' });
  });

  it('sends no authorization header when there is no token', async () => {
    await httpSms(gateway.url, undefined).send('+6591234567', '验证码 123456');

    const request = takeOnly(gateway.requests);
    assert.equal(request.headers.authorization, undefined);
    assert.deepEqual(JSON.parse(request.body), { to: '+6591234567', text: '验证码 123456' });
  });
});

describe('httpSms when the gateway fails', () => {
  let failing: Awaited<ReturnType<typeof startGateway>>;
  let closedUrl: string;
  before(async () => {
    failing = await startGateway(500);
    // A port that was just ours and is now closed: connecting is refused.
    const closed = await startGateway(202);
    closedUrl = closed.url;
    await closed.close();
  });
  after(() => failing.close());

  it('rejects a 500 answer with AppError unavailable', async () => {
    await assertUnavailable(httpSms(failing.url, 'gateway-token').send('+6591234567', 'Hi'));
    assert.equal(failing.requests.length, 1);
  });

  it('rejects an unreachable gateway with AppError unavailable', async () => {
    await assertUnavailable(httpSms(closedUrl, 'gateway-token').send('+6591234567', 'Hi'));
  });
});
