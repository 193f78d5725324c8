import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../platform/errors';

/** An upload written to a temporary file, with what was learnt while writing it. */
export interface ReceivedUpload {
  /** The temporary file; the caller moves it into the store or removes it. */
  path: string;
  /** SHA-256 of the content, hex. */
  hash: string;
  size: number;
  /** Whether the whole content is valid UTF-8 without NUL bytes, i.e. plain text. */
  isText: boolean;
}

/** Hashes, counts and checks UTF-8 as bytes pass, and stops the stream past the cap. */
class ContentProbe extends Transform {
  private readonly digest = createHash('sha256');
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  size = 0;
  isText = true;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (e?: Error) => void) {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      done(new AppError('payload_too_large', `Files may be at most ${this.maxBytes} bytes.`));
      return;
    }
    this.digest.update(chunk);
    if (this.isText) this.checkText(chunk, true);
    this.push(chunk);
    done();
  }

  override _flush(done: (e?: Error) => void) {
    if (this.isText) this.checkText(undefined, false);
    done();
  }

  hash(): string {
    return this.digest.digest('hex');
  }

  private checkText(chunk: Buffer | undefined, more: boolean) {
    try {
      this.decoder.decode(chunk, { stream: more });
      if (chunk?.includes(0)) this.isText = false;
    } catch {
      this.isText = false;
    }
  }
}

/**
 * Streams an upload into a new file under `dir` while hashing it, so memory
 * stays flat whatever the size. Past `maxBytes` it fails with
 * `payload_too_large`; on any failure the partial file is removed.
 */
export async function receiveUpload(
  content: Readable,
  options: { dir: string; maxBytes: number },
): Promise<ReceivedUpload> {
  await fs.mkdir(options.dir, { recursive: true });
  const file = path.join(options.dir, `${randomUUID()}.upload`);
  const probe = new ContentProbe(options.maxBytes);
  const sink = createWriteStream(file, { flags: 'wx' });
  try {
    await pipeline(content, probe, sink);
  } catch (error) {
    // A stream failing early can leave the file still opening: remove it once let go of.
    if (!sink.closed) await new Promise<void>((resolve) => sink.once('close', () => resolve()));
    await fs.rm(file, { force: true });
    throw error;
  }
  return { path: file, hash: probe.hash(), size: probe.size, isText: probe.isText };
}
