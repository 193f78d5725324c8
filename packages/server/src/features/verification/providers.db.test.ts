import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { describeEachDialect, startTestApp, type TestApp } from '../../../test/harness';
import { device, errorId, newPhone, signUpTerms, strongPassword } from '../../../test/factories';

/** A loopback SMTP server that keeps raw messages and refuses recipients in `refused`. */
async function startSmtpServer() {
  const received: { to: string[]; raw: string }[] = [];
  const refused = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      callback(refused.has(address.address) ? new Error('No such user here') : undefined);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        received.push({ to, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A loopback SMS gateway that keeps requests and answers 500 for numbers in `refused`. */
async function startSmsGateway() {
  const received: { authorization: string | undefined; body: { to: string; text: string } }[] = [];
  const refused = new Set<string>();
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        to: string;
        text: string;
      };
      received.push({ authorization: request.headers.authorization, body });
      response.writeHead(refused.has(body.to) ? 500 : 200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/send`,
    received,
    refused,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The six-digit code in a text; quoted-printable soft line breaks are undone first. */
function codeIn(text: string): string {
  const code = /\b(\d{6})\b/.exec(text.replace(/=\r\n/g, ''))?.[1];
  if (!code) throw new Error(`no code in "${text}"`);
  return code;
}

describeEachDialect('verification: codes through real SMTP and SMS gateways', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let app: TestApp | undefined;
  const t = () => app!;
  before(async () => {
    [smtp, gateway] = await Promise.all([startSmtpServer(), startSmsGateway()]);
    app = await startTestApp(dialect, {
      env: {
        MAIL_PROVIDER: 'smtp',
        SMTP_URL: smtp.url,
        MAIL_FROM: 'Carillon <no-reply@example.test>',
        SMS_PROVIDER: 'http',
        SMS_HTTP_URL: gateway.url,
        SMS_HTTP_TOKEN: 'gateway-token',
      },
    });
  });
  after(async () => {
    await app?.close();
    await Promise.all([smtp?.close(), gateway?.close()]);
  });

  const outboxRows = () => t().db.db.selectFrom('outbox').selectAll().execute();
  const requestCode = (to: { email: string } | { phone: string }) =>
    t().request({
      method: 'POST',
      url: '/api/auth/codes',
      payload: { purpose: 'register', ...to },
    });
  const register = (to: { email: string } | { phone: string }, code: string) =>
    t().request({
      method: 'POST',
      url: '/api/auth/register',
      payload: { ...to, code, password: strongPassword, nickname: 'Mei', device, ...signUpTerms },
    });

  it('e-mails a sign-up code over SMTP that registers the account', async () => {
    const email = `mei.${Math.random().toString(36).slice(2)}@example.test`;
    const sent = await requestCode({ email });
    assert.equal(sent.statusCode, 202);

    const mail = smtp.received.find((m) => m.to.includes(email));
    assert.ok(mail, 'the SMTP server received no message for the address');
    assert.match(mail.raw, /^From: Carillon <no-reply@example\.test>$/m);
    assert.match(mail.raw, /^Subject: Your Carillon sign-up code$/m);
    const registered = await register({ email }, codeIn(mail.raw));
    assert.equal(registered.statusCode, 201);
    assert.deepEqual(await outboxRows(), []);
  });

  it('texts a sign-up code through the HTTP gateway that registers the account', async () => {
    const phone = newPhone();
    const sent = await requestCode({ phone });
    assert.equal(sent.statusCode, 202);

    const sms = gateway.received.find((r) => r.body.to === phone);
    assert.ok(sms, 'the gateway received no request for the number');
    assert.equal(sms.authorization, 'Bearer gateway-token');
    const registered = await register({ phone }, codeIn(sms.body.text));
    assert.equal(registered.statusCode, 201);
    assert.deepEqual(await outboxRows(), []);
  });

  it('answers 503 unavailable when the mail server or gateway refuses, without the outbox', async () => {
    const email = `nobody.${Math.random().toString(36).slice(2)}@example.test`;
    smtp.refused.add(email);
    const mailed = await requestCode({ email });
    assert.equal(mailed.statusCode, 503);
    assert.equal(errorId(mailed), 'unavailable');

    const phone = newPhone();
    gateway.refused.add(phone);
    const texted = await requestCode({ phone });
    assert.equal(texted.statusCode, 503);
    assert.equal(errorId(texted), 'unavailable');
    assert.deepEqual(await outboxRows(), []);
  });
});
