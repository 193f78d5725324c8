import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { AppError } from '../platform/errors';
import { smtpMail } from './mail';

/** What an SMTP server saw for one message: the envelope and the raw RFC 5322 text. */
interface ReceivedMail {
  envelopeTo: string[];
  raw: string;
}

/** Starts a plain-text SMTP server on a free loopback port that keeps every message it accepts. */
async function startSmtpServer(options: Partial<SMTPServerOptions> = {}) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    // Loopback without certificates: nodemailer would otherwise upgrade and fail the handshake.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Decodes RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`) in a header value. */
function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_match, encoding: string, text: string) =>
      encoding.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

/** Decodes a quoted-printable body (RFC 2045 §6.7), soft line breaks included. */
function decodeQuotedPrintable(text: string): string {
  const parts = text.replace(/=\r?\n/g, '').split(/(=[0-9A-F]{2})/i);
  const bytes = parts.map((part, i) =>
    i % 2 ? Buffer.from([parseInt(part.slice(1), 16)]) : Buffer.from(part, 'utf8'),
  );
  return Buffer.concat(bytes).toString('utf8');
}

/** Splits a single-part message into decoded headers and body. */
function parseMail(raw: string): { headers: Map<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = new Map<string, string>();
  for (const line of raw
    .slice(0, split)
    .replace(/\r\n[ \t]/g, ' ')
    .split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), decodeHeader(line.slice(colon + 1).trim()));
  }
  const content = raw.slice(split + 4);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const body =
    encoding === 'base64'
      ? Buffer.from(content, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(content)
        : content;
  return { headers, body: body.replace(/\r\n$/, '') };
}

/** Removes and returns the only message received, failing if there is not exactly one. */
function takeOnly(received: ReceivedMail[]): ReceivedMail {
  const [message, ...rest] = received.splice(0);
  assert.ok(message, 'the SMTP server received no message');
  assert.equal(rest.length, 0);
  return message;
}

const from = 'Carillon <no-reply@example.test>';

describe('smtpMail over a real SMTP conversation', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mail: ReturnType<typeof smtpMail>;
  before(async () => {
    smtp = await startSmtpServer();
    mail = smtpMail(smtp.url, from);
  });
  after(async () => {
    mail.close();
    await smtp.close();
  });

  it('delivers recipient, sender, subject and body', async () => {
    const text =
      'Your Carillon sign-up code is 123456. It expires in 10 minutes. Never share it with anyone.';
    await mail.send({ to: 'mei@example.test', subject: 'Your Carillon sign-up code', text });

    const message = takeOnly(smtp.received);
    assert.deepEqual(message.envelopeTo, ['mei@example.test']);
    const { headers, body } = parseMail(message.raw);
    assert.equal(headers.get('to'), 'mei@example.test');
    assert.equal(headers.get('from'), from);
    assert.equal(headers.get('subject'), 'Your Carillon sign-up code');
    assert.equal(body, text);
  });

  it('keeps Chinese subject and body intact', async () => {
    const subject = 'Carillon 注册验证码';
    const text = '您的 Carillon 注册验证码是 654321，10 分钟内有效。请勿告诉他人。';
    await mail.send({ to: 'wei@example.test', subject, text });

    const message = takeOnly(smtp.received);
    const { headers, body } = parseMail(message.raw);
    assert.match(String(headers.get('content-type')), /charset=utf-8/i);
    assert.equal(headers.get('subject'), subject);
    assert.equal(body, text);
  });
});

describe('smtpMail when the server refuses', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let mail: ReturnType<typeof smtpMail>;
  before(async () => {
    smtp = await startSmtpServer({
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('No such user here'), { responseCode: 550 }));
      },
    });
    mail = smtpMail(smtp.url, from);
  });
  after(async () => {
    mail.close();
    await smtp.close();
  });

  it('rejects a refused recipient with AppError unavailable', async () => {
    await assert.rejects(
      mail.send({ to: 'nobody@example.test', subject: 'Hello', text: 'Hello' }),
      (error: unknown) => {
        assert.ok(error instanceof AppError);
        assert.equal(error.id, 'unavailable');
        assert.equal(error.status, 503);
        return true;
      },
    );
    assert.equal(smtp.received.length, 0);
  });
});
