import { z } from 'zod';
import { Id, Timestamp } from './common';

/** What kind of content a file is, from its sniffed type: decides previews and message kinds. */
export const FileKind = z.enum(['image', 'audio', 'video', 'document', 'other']);
export type FileKind = z.infer<typeof FileKind>;

/** `/api/files/:id`. */
export const FileParams = z.object({ id: Id });

/**
 * An uploaded file as its owner and the members of conversations it was
 * shared in see it. `mediaType` is sniffed from the content, never taken from
 * the client; `thumbnail` is true for images, which get a small WebP preview.
 */
export const StoredFile = z.object({
  id: Id,
  name: z.string(),
  mediaType: z.string(),
  kind: FileKind,
  size: z.number().int().nonnegative(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  thumbnail: z.boolean(),
  createdAt: Timestamp,
});
export type StoredFile = z.infer<typeof StoredFile>;
