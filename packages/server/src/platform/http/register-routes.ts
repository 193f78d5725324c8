import { PassThrough, finished } from 'node:stream';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from '../errors';
import { unauthenticated } from './credentials';
import {
  pathMatcher,
  type OperatorActor,
  type RouteDefinition,
  type UploadedPart,
  type UserActor,
} from './route';

/** How the HTTP layer learns who is calling; supplied by the sessions features. */
export interface Authenticators {
  /** The user, undefined when no credential was sent; throws when one was sent but is not valid. */
  user(request: FastifyRequest): Promise<UserActor | undefined>;
  operator(request: FastifyRequest): Promise<OperatorActor | undefined>;
}

async function required<T>(actor: Promise<T | undefined>): Promise<T> {
  const found = await actor;
  if (!found) throw unauthenticated();
  return found;
}

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('validation_failed', `The request ${where} is not valid.`, {
    issues: result.error.issues.map((i) => ({
      path: [where, ...i.path.map(String)].join('.'),
      message: i.message,
    })),
  });
}

/**
 * A multipart parser failure (a body cut off mid-file, no boundary) is the
 * client's mistake: 400, not 500. Our own errors and Fastify's coded ones pass.
 */
function asClientError(error: unknown): unknown {
  if (error instanceof AppError || (error as FastifyError).code?.startsWith('FST_')) return error;
  return new AppError('malformed_body', 'The multipart body is malformed or incomplete.');
}

/** The file parts of a multipart request as they arrive; a part past `fileSize` fails its stream. */
async function* fileParts(
  request: FastifyRequest,
  fileSize?: number,
): AsyncGenerator<UploadedPart> {
  const limits = { files: 1, ...(fileSize ? { fileSize } : {}) };
  try {
    for await (const part of request.parts({ limits })) {
      if (part.type !== 'file') continue;
      const source = part.file;
      // Busboy only truncates a part past the limit (maybe before we get here): fail it,
      // so a cut-off file is never kept.
      const tooLarge = () =>
        source.destroy(
          new AppError('payload_too_large', `Files may be at most ${fileSize} bytes.`),
        );
      if (source.truncated) tooLarge();
      else source.once('limit', tooLarge);
      // The handler sees the failure when it reads; a part it skips must not crash the process.
      const stream = new PassThrough().on('error', () => {});
      // A parser error or a body that ends mid-file fails the part the handler reads.
      finished(source, (error) => {
        if (error) stream.destroy(asClientError(error) as Error);
      });
      // The parser waits for every part to be read: drain what a failed consumer left.
      stream.once('close', () => source.resume());
      yield { field: part.fieldname, filename: part.filename, stream: source.pipe(stream) };
    }
  } catch (error) {
    throw asClientError(error);
  }
}

type Actor = { user?: UserActor | undefined; operator?: OperatorActor };

async function authenticate(
  mode: RouteDefinition['auth'],
  request: FastifyRequest,
  auth: Authenticators,
): Promise<Actor> {
  if (mode === 'user') return { user: await required(auth.user(request)) };
  if (mode === 'optional') return { user: await auth.user(request) };
  if (mode === 'operator') return { operator: await required(auth.operator(request)) };
  return {};
}

/**
 * Mounts route definitions on Fastify as a visible pipeline:
 * rate limit (plugin) → authenticate → read and validate the body → handler → status.
 * Authentication runs before the body is read, so an anonymous caller cannot
 * make the server buffer an upload. Also answers 405 for a known path with the wrong method.
 */
export function registerRoutes(
  app: FastifyInstance,
  routes: RouteDefinition[],
  auth: Authenticators,
): void {
  const actors = new WeakMap<FastifyRequest, Actor>();
  for (const def of routes) {
    app.route({
      method: def.method,
      url: def.path,
      // Multipart parts are limited one by one as they stream (fileParts).
      ...(def.bodyLimit && def.body !== 'multipart' ? { bodyLimit: def.bodyLimit } : {}),
      config: {
        ...(def.rateLimit && {
          rateLimit: { max: def.rateLimit.max, timeWindow: def.rateLimit.perMs },
        }),
        ...(def.audited && { auditedRead: true }),
      },
      // preParsing: after the rate limit (onRequest), before the body is read.
      preParsing: async (request) => {
        actors.set(request, await authenticate(def.auth, request, auth));
      },
      handler: async (request, reply) => {
        const actor = actors.get(request) ?? {};
        let body: unknown = undefined;
        if (def.body === 'binary') {
          if (!Buffer.isBuffer(request.body))
            throw new AppError('unsupported_media_type', 'Send the file as the raw request body.');
          if (request.body.length === 0)
            throw new AppError('validation_failed', 'The request body is empty.');
          body = request.body;
        } else if (def.body === 'multipart') {
          if (!request.isMultipart())
            throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data.');
          body = fileParts(request, def.bodyLimit);
        } else if (def.body) body = parse(def.body, request.body, 'body');
        const params = def.params ? parse(def.params, request.params, 'params') : undefined;
        const query = def.query ? parse(def.query, request.query, 'query') : undefined;
        const result = await def.handler({
          ...actor,
          body,
          params,
          query,
          request,
          reply,
        } as never);
        if (result === reply || reply.sent) return reply;
        if (def.response === undefined) return reply.code(204).send();
        return reply.code(def.status ?? 200).send(result);
      },
    });
  }

  const known = routes.map((r) => ({ method: r.method, matcher: pathMatcher(r.path) }));
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed: string[] = known.filter((k) => k.matcher.test(path)).map((k) => k.method);
    if (allowed.length > 0) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      reply.header('allow', [...new Set(allowed)].join(', '));
      throw new AppError('method_not_allowed', `${request.method} is not allowed here.`);
    }
    throw new AppError('not_found', `No route ${request.method} ${path}.`);
  });
}
