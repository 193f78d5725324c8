import type { StoredFile } from '@carillon/protocol/files';
import { AppError, notFound } from '../../platform/errors';
import { REQUIRED_FILE_KIND, fileIdOf, type MessageContent } from './message-content';

/** The part of the files feature messaging uses: what a file is and whose it is. */
export interface AttachableFiles {
  describe(fileId: string): Promise<(StoredFile & { ownerId: string }) | undefined>;
}

/** Whether a person can read a file through a conversation (see `file-access.ts`). */
export type SharedFileAccess = (userId: string, fileId: string) => Promise<boolean>;

/**
 * Checks that `senderId` may attach the content's file: they own it, or can
 * already read it through a conversation; anything else is `404`, so file ids
 * reveal nothing. The file's sniffed kind must fit the message kind (`400`).
 */
export async function checkAttachment(
  files: AttachableFiles,
  canReadShared: SharedFileAccess,
  senderId: string,
  content: MessageContent,
): Promise<void> {
  const fileId = fileIdOf(content);
  if (fileId === undefined) return;
  const file = await files.describe(fileId);
  const readable =
    file !== undefined && (file.ownerId === senderId || (await canReadShared(senderId, fileId)));
  if (!readable) throw notFound('File');
  const required = REQUIRED_FILE_KIND[content.kind];
  if (required !== undefined && file.kind !== required)
    throw new AppError('validation_failed', `A ${content.kind} message needs a ${required} file.`, {
      issues: [{ path: 'body.fileId', message: `not an ${required} file` }],
    });
}
