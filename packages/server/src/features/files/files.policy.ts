/**
 * Whether a user may read a file they do not own because it was shared with
 * them (an attachment in a conversation they are in). Messaging supplies it.
 */
export type SharedFileAccess = (userId: string, fileId: string) => Promise<boolean>;

/**
 * The one place deciding who may read a file: its owner, or someone it was
 * shared with. Everyone else is told it does not exist.
 */
export async function canReadFile(
  userId: string,
  file: { id: string; owner_id: string },
  canReadShared: SharedFileAccess,
): Promise<boolean> {
  return file.owner_id === userId || (await canReadShared(userId, file.id));
}
