import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Message } from '@carillon/protocol/messaging';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { errorId } from '../../../test/factories';
import { sendKind, upload } from './message-kinds.test-support';
import { call, groupWith, people, send } from './messaging.test-support';

describeEachDialect('messaging: forwarding', (dialect) => {
  const t = useTestApp(dialect);

  it('copies a message with its attachment, re-encrypted, marked forwarded, once per clientId', async () => {
    const [owner, mei, wei] = await people(t(), 3);
    const source = await groupWith(t(), owner!, [mei!]);
    const target = await groupWith(t(), mei!, [wei!]);
    const photo = await upload(t(), owner!, 'image');
    const image = await sendKind(t(), owner!, source.id, {
      kind: 'image',
      fileId: photo.id,
      caption: 'look',
    });
    const payload = { clientId: randomUUID(), from: { conversationId: source.id, seq: image.seq } };
    const url = `/api/conversations/${target.id}/forward`;
    const [first, second] = await Promise.all([
      call(t(), mei!, 'POST', url, payload),
      call(t(), mei!, 'POST', url, payload),
    ]);
    assert.equal(first!.statusCode, 201, first!.body);
    const copy = first!.json() as Message;
    assert.equal((second!.json() as Message).id, copy.id, 'a retry returns the first copy');
    assert.deepEqual(
      [copy.kind, copy.caption, copy.file?.id, copy.forwarded, copy.senderId],
      ['image', 'look', photo.id, true, mei!.userId],
    );
    assert.equal((await call(t(), wei!, 'GET', `/api/files/${photo.id}`)).statusCode, 200);
    const text = await send(t(), owner!, source.id, 'hello');
    const forwardedText = await call(t(), mei!, 'POST', url, {
      clientId: randomUUID(),
      from: { conversationId: source.id, seq: text.seq },
    });
    assert.equal((forwardedText.json() as Message).text, 'hello');
  });

  it('answers 404 for a source or target the caller is not in, and for recalled or missing messages', async () => {
    const [owner, mei, outsider] = await people(t(), 3);
    const source = await groupWith(t(), owner!, [mei!]);
    const mine = await groupWith(t(), mei!);
    const theirs = await groupWith(t(), outsider!);
    const text = await send(t(), owner!, source.id, 'secret');
    const forward = (who: typeof mei, to: string, from: { conversationId: string; seq: number }) =>
      call(t(), who!, 'POST', `/api/conversations/${to}/forward`, { clientId: randomUUID(), from });
    const ok = { conversationId: source.id, seq: text.seq };
    assert.equal(errorId(await forward(outsider, theirs.id, ok)), 'not_found', 'source not mine');
    assert.equal(errorId(await forward(mei, theirs.id, ok)), 'not_found', 'target not mine');
    assert.equal(
      errorId(await forward(mei, mine.id, { conversationId: source.id, seq: 99 })),
      'not_found',
    );
    await call(t(), owner!, 'POST', `/api/conversations/${source.id}/messages/${text.seq}/recall`);
    assert.equal(errorId(await forward(mei, mine.id, ok)), 'not_found', 'recalled');
    const anonymous = await t().request({
      method: 'POST',
      url: `/api/conversations/${mine.id}/forward`,
      payload: { clientId: randomUUID(), from: ok },
    });
    assert.equal(anonymous.statusCode, 401);
    const malformed = await call(t(), mei!, 'POST', `/api/conversations/${mine.id}/forward`, {
      clientId: randomUUID(),
      from: { conversationId: source.id },
    });
    assert.equal(malformed.statusCode, 400);
  });
});
