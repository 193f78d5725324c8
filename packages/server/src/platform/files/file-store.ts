import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/** An inclusive byte range, as HTTP Range headers count. */
export interface ByteRange {
  start: number;
  end: number;
}

/**
 * Content-addressed blob storage; an object-store adapter can take its place.
 * Addresses are SHA-256 (hex), so identical content is stored once.
 */
export interface FileStore {
  /** Stores bytes and returns their SHA-256 (hex), which is also their address. */
  put(bytes: Buffer): Promise<string>;
  /**
   * Moves a finished local file into the store under `hash`, the SHA-256 the
   * caller computed while writing it; the file is gone afterwards. Storing
   * content that is already there keeps one copy.
   */
  putFile(tempPath: string, hash: string): Promise<void>;
  /** Reads a whole (small) file, such as an avatar. */
  get(hash: string): Promise<Buffer | undefined>;
  /** The size in bytes, undefined when there is no such file. */
  size(hash: string): Promise<number | undefined>;
  /** Streams the file, or the inclusive byte range of it; the stream errors if it is absent. */
  createReadStream(hash: string, range?: ByteRange): Readable;
  delete(hash: string): Promise<void>;
}

const HASH = /^[0-9a-f]{64}$/;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Files under a directory, fanned out by the first two hex digits. */
export function localFileStore(root: string): FileStore {
  const where = (hash: string) => {
    if (!HASH.test(hash)) throw new Error('not a content hash');
    return path.join(root, hash.slice(0, 2), hash);
  };
  const tempBeside = (file: string) =>
    `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  return {
    async put(bytes) {
      const hash = createHash('sha256').update(bytes).digest('hex');
      const file = where(hash);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = tempBeside(file);
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, file);
      return hash;
    },
    async putFile(tempPath, hash) {
      const file = where(hash);
      await fs.mkdir(path.dirname(file), { recursive: true });
      try {
        // Same content, same name: renaming over an existing copy is the dedupe, atomically.
        await fs.rename(tempPath, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
        // The temp file lives on another file system: copy beside the target, then rename.
        const temp = tempBeside(file);
        await fs.copyFile(tempPath, temp);
        await fs.rename(temp, file);
        await fs.rm(tempPath, { force: true });
      }
    },
    async get(hash) {
      try {
        return await fs.readFile(where(hash));
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async size(hash) {
      try {
        return (await fs.stat(where(hash))).size;
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    createReadStream(hash, range) {
      return createReadStream(where(hash), range ?? {});
    },
    async delete(hash) {
      await fs.rm(where(hash), { force: true });
    },
  };
}
