import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Content-addressed blob storage; an object-store adapter can take its place. */
export interface FileStore {
  /** Stores bytes and returns their SHA-256 (hex), which is also their address. */
  put(bytes: Buffer): Promise<string>;
  get(hash: string): Promise<Buffer | undefined>;
  delete(hash: string): Promise<void>;
}

const HASH = /^[0-9a-f]{64}$/;

/** Files under a directory, fanned out by the first two hex digits. */
export function localFileStore(root: string): FileStore {
  const where = (hash: string) => {
    if (!HASH.test(hash)) throw new Error('not a content hash');
    return path.join(root, hash.slice(0, 2), hash);
  };
  return {
    async put(bytes) {
      const hash = createHash('sha256').update(bytes).digest('hex');
      const file = where(hash);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      const temp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(temp, bytes);
      await fs.rename(temp, file);
      return hash;
    },
    async get(hash) {
      try {
        return await fs.readFile(where(hash));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
    async delete(hash) {
      await fs.rm(where(hash), { force: true });
    },
  };
}
