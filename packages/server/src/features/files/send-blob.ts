import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors';
import { parseRange } from './byte-range';
import { contentDisposition } from './file-names';
import type { ReadableBlob } from './files.service';

/** Plain text is stored as `text/plain`; we only ever sniff UTF-8 as text. */
const withCharset = (mediaType: string) =>
  mediaType === 'text/plain' ? 'text/plain; charset=utf-8' : mediaType;

const matchesEtag = (header: string | undefined, etag: string) =>
  header?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag) ?? false;

/**
 * Sends stored bytes with HTTP range support (RFC 9110 §14): a single range
 * answers 206, an unsatisfiable one 416. The ETag is the content hash, so
 * revalidation is exact. `nosniff` and the sniffed type keep browsers from
 * running an upload as a page or script.
 */
export function sendBlob(
  request: FastifyRequest,
  reply: FastifyReply,
  blob: ReadableBlob,
  disposition: 'attachment' | 'inline',
): FastifyReply {
  const etag = `"${blob.hash}"`;
  const wanted = parseRange(request.headers.range, blob.size);
  reply.header('accept-ranges', 'bytes').header('etag', etag);
  if (wanted.kind === 'unsatisfiable') {
    reply.header('content-range', `bytes */${blob.size}`);
    throw new AppError('range_not_satisfiable', `The file has ${blob.size} bytes.`);
  }
  reply
    .header('x-content-type-options', 'nosniff')
    // Should a browser render it anyway, it runs no script and loads nothing.
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-cache')
    .header('content-disposition', contentDisposition(disposition, blob.name));
  if (matchesEtag(request.headers['if-none-match'], etag)) return reply.code(304).send();
  reply.type(withCharset(blob.mediaType));
  if (wanted.kind === 'whole') return reply.header('content-length', blob.size).send(blob.open());
  const { start, end } = wanted.range;
  return reply
    .code(206)
    .header('content-range', `bytes ${start}-${end}/${blob.size}`)
    .header('content-length', end - start + 1)
    .send(blob.open(wanted.range));
}
