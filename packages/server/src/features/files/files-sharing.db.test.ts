import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { it } from 'node:test';
import { describeEachDialect, useTestApp } from '../../../test/harness';
import { call, groupWith, people } from '../messaging/messaging.test-support';
import { uploadFile } from './files.test-support';

// Sharing is messaging's half of the read decision (features/messaging/file-access.ts),
// wired in app.ts; these tests check the files routes honour it end to end.
describeEachDialect('files: shared through conversations', (dialect) => {
  const t = useTestApp(dialect);

  it('lets members of a conversation read an attached file, and nobody else', async () => {
    const [owner, member, outsider] = await people(t(), 3);
    const group = await groupWith(t(), owner!, [member!]);
    const file = await uploadFile(t(), owner!.token, {
      bytes: Buffer.from('agenda for Monday'),
      filename: 'agenda.txt',
    });
    const sent = await call(t(), owner!, 'POST', `/api/conversations/${group.id}/messages`, {
      clientId: randomUUID(),
      kind: 'file',
      fileId: file.id,
    });
    assert.equal(sent.statusCode, 201, sent.body);

    const byMember = await call(t(), member!, 'GET', `/api/files/${file.id}`);
    assert.equal(byMember.statusCode, 200);
    assert.equal(byMember.body, 'agenda for Monday');
    const byOutsider = await call(t(), outsider!, 'GET', `/api/files/${file.id}/info`);
    assert.equal(byOutsider.statusCode, 404);
    // Only the owner deletes; a member's attempt reveals nothing either.
    const deleteByMember = await call(t(), member!, 'DELETE', `/api/files/${file.id}`);
    assert.equal(deleteByMember.statusCode, 404);

    const deleted = await call(t(), owner!, 'DELETE', `/api/files/${file.id}`);
    assert.equal(deleted.statusCode, 204);
    const afterDelete = await call(t(), member!, 'GET', `/api/files/${file.id}`);
    assert.equal(afterDelete.statusCode, 404);
  });
});
