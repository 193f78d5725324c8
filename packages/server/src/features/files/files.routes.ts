import { FileParams, StoredFile } from '@carillon/protocol/files';
import { AppError } from '../../platform/errors';
import { route, type RateLimit, type RouteDefinition } from '../../platform/http/route';
import type { FilesService } from './files.service';
import { sendBlob } from './send-blob';

/** Options the composition root decides. */
export interface FilesRouteOptions {
  /** Largest upload in bytes; also the multipart parser's per-file limit. */
  maxBytes: number;
  uploadLimit: RateLimit;
}

/** File routes: streaming upload, download with ranges, thumbnail, description, delete. */
export function filesRoutes(files: FilesService, options: FilesRouteOptions): RouteDefinition[] {
  const tags = ['files'];
  return [
    route({
      method: 'POST',
      path: '/api/files',
      summary:
        'Upload a file as multipart/form-data, field `file`; the type is read from the bytes',
      tags,
      auth: 'user',
      body: 'multipart',
      bodyLimit: options.maxBytes,
      rateLimit: options.uploadLimit,
      status: 201,
      response: StoredFile,
      errors: ['payload_too_large', 'unsupported_media_type', 'feature_disabled'],
      handler: async ({ user, body }) => {
        for await (const part of body) {
          if (part.field !== 'file') {
            part.stream.resume(); // skip it, or the parser waits for us forever
            continue;
          }
          // Await here: leaving the loop closes the parser, which must not happen mid-upload.
          return await files.upload(user.userId, { filename: part.filename, content: part.stream });
        }
        throw new AppError('validation_failed', 'Send the file in a multipart field named `file`.');
      },
    }),
    route({
      method: 'GET',
      path: '/api/files/:id',
      summary: 'Download a file (yours, or shared with you); supports Range requests',
      tags,
      auth: 'user',
      params: FileParams,
      produces: 'application/octet-stream',
      errors: ['not_found', 'range_not_satisfiable'],
      handler: async ({ user, params, request, reply }) =>
        sendBlob(request, reply, await files.content(user.userId, params.id), 'attachment'),
    }),
    route({
      method: 'GET',
      path: '/api/files/:id/thumbnail',
      summary: "An image file's WebP thumbnail (at most 320 px), without metadata",
      tags,
      auth: 'user',
      params: FileParams,
      produces: 'image/webp',
      errors: ['not_found', 'range_not_satisfiable'],
      handler: async ({ user, params, request, reply }) =>
        sendBlob(request, reply, await files.thumbnail(user.userId, params.id), 'inline'),
    }),
    route({
      method: 'GET',
      path: '/api/files/:id/info',
      summary: "A file's name, sniffed type, size and dimensions",
      tags,
      auth: 'user',
      params: FileParams,
      response: StoredFile,
      errors: ['not_found'],
      handler: ({ user, params }) => files.info(user.userId, params.id),
    }),
    route({
      method: 'DELETE',
      path: '/api/files/:id',
      summary: 'Delete your file; it also disappears from messages it was attached to',
      tags,
      auth: 'user',
      params: FileParams,
      errors: ['not_found'],
      handler: ({ user, params }) => files.remove(user.userId, params.id),
    }),
  ];
}
