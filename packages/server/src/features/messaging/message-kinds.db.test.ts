import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import type { Message } from '@carillon/protocol/messaging';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { errorId } from '../../../test/factories';
import { post, sendKind, upload } from './message-kinds.test-support';
import { call, groupWith, people, type Person } from './messaging.test-support';

describeEachDialect('messaging: message kinds', (dialect) => {
  const t = useTestApp(dialect);

  /** Turns the location permission switch of the privacy center on or off. */
  const switchLocation = async (who: Person, granted: boolean) => {
    const answer = await call(t(), who, 'PUT', '/api/privacy/consents/location?lang=en', {
      granted,
    });
    assert.equal(answer.statusCode, 200, answer.body);
  };

  it('shares a location only while the location switch is on; forwarding a pin needs no switch', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    const pin = { kind: 'location', latitude: 1.3, longitude: 103.8, clientId: randomUUID() };
    const refused = await post(t(), owner!, id, pin);
    assert.equal(refused.statusCode, 403, refused.body);
    assert.equal(errorId(refused), 'consent_required');
    const nothing = (await call(t(), mei!, 'GET', `/api/conversations/${id}/messages`)).json()
      .messages as Message[];
    assert.equal(nothing.length, 0, 'a refused location is not stored');

    await switchLocation(owner!, true);
    const shared = await post(t(), owner!, id, pin);
    assert.equal(shared.statusCode, 201, shared.body);
    const { seq } = shared.json() as Message;
    const forwarded = await call(t(), mei!, 'POST', `/api/conversations/${id}/forward`, {
      clientId: randomUUID(),
      from: { conversationId: id, seq },
    });
    assert.equal(forwarded.statusCode, 201, forwarded.body);

    await switchLocation(owner!, false);
    const again = await post(t(), owner!, id, { ...pin, clientId: randomUUID() });
    assert.equal(errorId(again), 'consent_required');
  });

  it('sends images, files, voice and locations, all content encrypted', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    const photo = await upload(t(), owner!, 'image');
    const image = await sendKind(t(), owner!, id, {
      kind: 'image',
      fileId: photo.id,
      caption: 'The view',
    });
    assert.deepEqual(
      [image.kind, image.caption, image.file?.id, image.text],
      ['image', 'The view', photo.id, null],
    );
    const plan = await upload(t(), owner!, 'document');
    const file = await sendKind(t(), owner!, id, { kind: 'file', fileId: plan.id });
    assert.equal(file.file?.kind, 'document');
    const clip = await upload(t(), owner!, 'audio');
    const voice = await sendKind(t(), owner!, id, {
      kind: 'voice',
      fileId: clip.id,
      durationMs: 1000,
    });
    assert.deepEqual([voice.kind, voice.durationMs, voice.file?.kind], ['voice', 1000, 'audio']);
    const place = { latitude: 31.2304, longitude: 121.4737, label: 'Bund' };
    await switchLocation(owner!, true);
    const location = await sendKind(t(), owner!, id, { kind: 'location', ...place });
    assert.deepEqual(location.location, place);

    const history = (await call(t(), mei!, 'GET', `/api/conversations/${id}/messages`)).json()
      .messages as Message[];
    assert.deepEqual(
      history.map((m) => m.kind),
      ['location', 'voice', 'file', 'image'],
    );
    assert.equal(history[3]!.file?.id, photo.id, 'members see the attached file');
    const bodies = await t()
      .db.db.selectFrom('messages')
      .select('body')
      .where('conversation_id', '=', id)
      .execute();
    for (const { body } of bodies) {
      assert.ok(body && !body.includes('Bund') && !body.includes(photo.id), 'content is encrypted');
    }
    const mayRead = await call(t(), mei!, 'GET', `/api/files/${photo.id}/info`);
    assert.equal(mayRead.statusCode, 200, 'members may read an attached file');
  });

  it('keeps the plain text body working unchanged', async () => {
    const [owner] = await people(t(), 1);
    const { id } = await groupWith(t(), owner!);
    const text = await sendKind(t(), owner!, id, { text: 'plain' });
    assert.deepEqual(
      [text.kind, text.text, text.file, text.location, text.forwarded],
      ['text', 'plain', null, null, false],
    );
    assert.equal((await sendKind(t(), owner!, id, { kind: 'text', text: 'x' })).kind, 'text');
  });

  it('refuses a file of the wrong kind, bad durations and coordinates, missing fields (400)', async () => {
    const [owner] = await people(t(), 1);
    const { id } = await groupWith(t(), owner!);
    const plan = await upload(t(), owner!, 'document');
    const clip = await upload(t(), owner!, 'audio');
    const bad: object[] = [
      { kind: 'image', fileId: plan.id },
      { kind: 'voice', fileId: plan.id, durationMs: 1000 },
      { kind: 'voice', fileId: clip.id, durationMs: 0 },
      { kind: 'voice', fileId: clip.id, durationMs: 5 * 60 * 1000 + 1 },
      { kind: 'voice', fileId: clip.id },
      { kind: 'image' },
      { kind: 'location', latitude: 91, longitude: 0 },
      { kind: 'location', latitude: 0, longitude: -180.5 },
      { kind: 'location', latitude: 10 },
      { kind: 'file', fileId: plan.id, text: 'smuggled' },
      { kind: 'sticker', fileId: plan.id },
    ];
    for (const body of bad) {
      const response = await post(t(), owner!, id, body);
      assert.equal(response.statusCode, 400, `${JSON.stringify(body)}: ${response.body}`);
    }
  });

  it("refuses someone else's file (404) unless it was shared with the sender", async () => {
    const [owner, mei, outsider] = await people(t(), 3);
    const { id } = await groupWith(t(), owner!, [mei!]);
    const theirs = await upload(t(), outsider!, 'image');
    const denied = await post(t(), owner!, id, { kind: 'image', fileId: theirs.id });
    assert.equal(errorId(denied), 'not_found');
    const missing = await post(t(), owner!, id, {
      kind: 'file',
      fileId: '01900000-0000-7000-8000-000000000000',
    });
    assert.equal(errorId(missing), 'not_found');
    // Mei can attach the owner's photo once it was shared with her in a conversation.
    const photo = await upload(t(), owner!, 'image');
    assert.equal(
      errorId(await post(t(), mei!, id, { kind: 'image', fileId: photo.id })),
      'not_found',
    );
    await sendKind(t(), owner!, id, { kind: 'image', fileId: photo.id });
    await sendKind(t(), mei!, id, { kind: 'image', fileId: photo.id, caption: 'again' });
  });

  it('recalling an image removes the attachment link and the others’ access to the file', async () => {
    const [owner, mei] = await people(t(), 2);
    const { id } = await groupWith(t(), owner!, [mei!]);
    const photo = await upload(t(), owner!, 'image');
    const image = await sendKind(t(), owner!, id, {
      kind: 'image',
      fileId: photo.id,
      caption: 'c',
    });
    assert.equal((await call(t(), mei!, 'GET', `/api/files/${photo.id}`)).statusCode, 200);
    const recalled = await call(
      t(),
      owner!,
      'POST',
      `/api/conversations/${id}/messages/${image.seq}/recall`,
    );
    assert.equal(recalled.statusCode, 200, recalled.body);
    const shown = recalled.json() as Message;
    assert.deepEqual([shown.recalled, shown.file, shown.caption], [true, null, null]);
    const links = await t()
      .db.db.selectFrom('message_attachments')
      .selectAll()
      .where('file_id', '=', photo.id)
      .execute();
    assert.equal(links.length, 0);
    assert.equal((await call(t(), mei!, 'GET', `/api/files/${photo.id}`)).statusCode, 404);
    assert.equal((await call(t(), owner!, 'GET', `/api/files/${photo.id}`)).statusCode, 200);
  });
});
