import fs from 'node:fs/promises';
import type { Readable } from 'node:stream';
import type { FileKind, StoredFile } from '@carillon/protocol/files';
import type { Clock } from '../../platform/clock';
import { AppError, notFound } from '../../platform/errors';
import type { ByteRange, FileStore } from '../../platform/files/file-store';
import type { IdGenerator } from '../../platform/ids';
import type { AppGate, SecurityEvents } from '../../platform/organization-hooks';
import { sanitizeFileName } from './file-names';
import type { FileRow, FilesRepository } from './files.repository';
import { canReadFile, type SharedFileAccess } from './files.policy';
import { sniffType } from './media-types';
import { inspectImage } from './thumbnails';
import { receiveUpload } from './upload-receiver';

/** Limits and places the files feature works with. */
export interface FilesSettings {
  /** Largest upload in bytes. */
  maxBytes: number;
  /** Where uploads are written while they arrive; on the file store's file system. */
  tempDir: string;
}

/** An upload as it arrives: the client's file name and the bytes, streamed. */
export interface IncomingFile {
  filename: string | undefined;
  content: Readable;
}

/** Bytes a reader may fetch: what they are, and how to stream them. */
export interface ReadableBlob {
  hash: string;
  size: number;
  mediaType: string;
  name: string;
  open(range?: ByteRange): Readable;
}

/**
 * A file as a feature keeping its own reference to the bytes stores it (a
 * certification request's documents): the content hash, which that
 * feature's manifest declares as a `file` column so the bytes stay while it
 * names them, and the description to send them with.
 */
export interface KeptFile {
  id: string;
  hash: string;
  name: string;
  mediaType: string;
  size: number;
}

/** Deletes the given file-store hashes that no manifest `file` column names any more. */
export type ReleaseFiles = (hashes: string[]) => Promise<unknown>;

const toStoredFile = (row: FileRow): StoredFile => ({
  id: row.id,
  name: row.name,
  mediaType: row.media_type,
  kind: row.kind as FileKind,
  size: Number(row.size),
  width: row.width,
  height: row.height,
  thumbnail: row.thumbnail_hash !== null,
  createdAt: Number(row.created_at),
});

/**
 * Uploaded files: receives them streaming, sniffs their type, makes image
 * thumbnails, stores content by hash, and decides who may read them.
 */
export class FilesService {
  constructor(
    private readonly files: FilesRepository,
    private readonly store: FileStore,
    private readonly release: ReleaseFiles,
    private readonly canReadShared: SharedFileAccess,
    private readonly settings: FilesSettings,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    /** Organization administration: the file-sharing switch and the security log (ORG-7, ORG-9). */
    private readonly organizations?: { apps: AppGate; events: SecurityEvents },
  ) {}

  /** Stores an upload for its owner; the type comes from the bytes, never the client. */
  async upload(ownerId: string, incoming: IncomingFile): Promise<StoredFile> {
    // Before reading the body: an organization's enterprise account may not share files.
    await this.organizations?.apps.requireEnabledFor(ownerId, 'file_sharing');
    const received = await receiveUpload(incoming.content, {
      dir: this.settings.tempDir,
      maxBytes: this.settings.maxBytes,
    });
    try {
      if (received.size === 0) throw new AppError('validation_failed', 'The file is empty.');
      const type = await sniffType(received.path, received.isText);
      const image = type.kind === 'image' ? await inspectImage(received.path) : undefined;
      const row: FileRow = {
        id: this.ids.next(),
        owner_id: ownerId,
        hash: received.hash,
        thumbnail_hash: image?.thumbnail ? await this.store.put(image.thumbnail) : null,
        name: sanitizeFileName(incoming.filename),
        media_type: type.mediaType,
        kind: type.kind,
        size: received.size,
        width: image?.width ?? null,
        height: image?.height ?? null,
        created_at: this.clock.now(),
      };
      // The row first: erasure of someone else's identical file then sees it and keeps the bytes.
      await this.files.insert(row);
      try {
        await this.store.putFile(received.path, received.hash);
      } catch (error) {
        await this.files.deleteOwned(row.id, ownerId);
        throw error;
      }
      return toStoredFile(row);
    } finally {
      await fs.rm(received.path, { force: true });
    }
  }

  /** A file's description and owner, for features attaching files (messaging). */
  async describe(fileId: string): Promise<(StoredFile & { ownerId: string }) | undefined> {
    const row = await this.files.find(fileId);
    return row && { ...toStoredFile(row), ownerId: row.owner_id };
  }

  /**
   * The owner's own file, for a feature that keeps a reference to its bytes;
   * undefined for anyone else's (a shared file cannot be passed on this way).
   */
  async ownedFile(ownerId: string, fileId: string): Promise<KeptFile | undefined> {
    const row = await this.files.find(fileId);
    if (!row || row.owner_id !== ownerId) return undefined;
    const { id, hash, name, media_type: mediaType } = row;
    return { id, hash, name, mediaType, size: Number(row.size) };
  }

  /**
   * Bytes another feature kept a reference to, to send with `sendBlob`. That
   * feature has decided who may read them; not found once they are gone.
   */
  keptContent(file: KeptFile): Promise<ReadableBlob> {
    return this.blob(file.hash, file.mediaType, file.name);
  }

  /** A file's description, for its owner and those it was shared with. */
  async info(userId: string, fileId: string): Promise<StoredFile> {
    return toStoredFile(await this.readable(userId, fileId));
  }

  /** The file's content, for its owner and those it was shared with. */
  async content(userId: string, fileId: string): Promise<ReadableBlob> {
    const row = await this.readable(userId, fileId);
    await this.organizations?.events.record(userId, 'file_download', { fileId: row.id });
    return this.blob(row.hash, row.media_type, row.name);
  }

  /** The file's WebP thumbnail; not found for files without one. */
  async thumbnail(userId: string, fileId: string): Promise<ReadableBlob> {
    const row = await this.readable(userId, fileId);
    if (!row.thumbnail_hash) throw notFound('Thumbnail');
    return this.blob(row.thumbnail_hash, 'image/webp', `${row.name}.webp`);
  }

  /**
   * Deletes the owner's file. Message attachments naming it go with it (ON
   * DELETE CASCADE); the bytes go once no row anywhere names them.
   */
  async remove(ownerId: string, fileId: string): Promise<void> {
    const row = await this.files.deleteOwned(fileId, ownerId);
    if (!row) throw notFound('File');
    await this.release([row.hash, ...(row.thumbnail_hash ? [row.thumbnail_hash] : [])]);
  }

  private async readable(userId: string, fileId: string): Promise<FileRow> {
    const row = await this.files.find(fileId);
    if (!row || !(await canReadFile(userId, row, this.canReadShared))) throw notFound('File');
    return row;
  }

  private async blob(hash: string, mediaType: string, name: string): Promise<ReadableBlob> {
    const size = await this.store.size(hash);
    if (size === undefined) throw notFound('File');
    return {
      hash,
      size,
      mediaType,
      name,
      open: (range) => this.store.createReadStream(hash, range),
    };
  }
}
