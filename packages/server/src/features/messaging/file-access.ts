import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema';

/**
 * Whether a person may read a file because it was shared with them: they
 * are a member of a conversation where a message (not recalled: recall
 * deletes the link) carries it. The files feature asks this for files the
 * person does not own; it is the messaging half of "who may see a file".
 */
export function conversationFileAccess(
  db: Kysely<Database>,
): (userId: string, fileId: string) => Promise<boolean> {
  return async (userId, fileId) => {
    const row = await db
      .selectFrom('message_attachments as a')
      .innerJoin('conversation_members as m', 'm.conversation_id', 'a.conversation_id')
      .select('a.message_id')
      .where('a.file_id', '=', fileId)
      .where('m.user_id', '=', userId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  };
}
