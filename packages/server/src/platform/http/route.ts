import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { z } from 'zod';

/** Who a route lets in. `user` and `operator` sessions are separate worlds. */
export type AuthMode = 'none' | 'optional' | 'user' | 'operator';

/** A signed-in user, as resolved from a session cookie or bearer token. */
export interface UserActor {
  userId: string;
  sessionId: string;
  deviceId: string;
}

/** A signed-in platform operator. */
export interface OperatorActor {
  operatorId: string;
  sessionId: string;
}

type ActorFor<A extends AuthMode> = A extends 'user'
  ? { user: UserActor }
  : A extends 'optional'
    ? { user: UserActor | undefined }
    : A extends 'operator'
      ? { operator: OperatorActor }
      : object;

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

/** One file part of a multipart body, streamed as it arrives; nothing is buffered. */
export interface UploadedPart {
  field: string;
  filename: string;
  stream: Readable;
}

/** How a route takes its body: JSON checked by zod, raw bytes, or multipart file parts. */
export type BodyKind = z.ZodType | 'binary' | 'multipart';

type BodyOf<B> = B extends 'binary'
  ? Buffer
  : B extends 'multipart'
    ? AsyncIterable<UploadedPart>
    : Parsed<B>;

/** What a handler receives: parsed input, the actor, and the raw request for rare needs. */
export type RouteContext<A extends AuthMode, B, P, Q> = {
  body: B;
  params: P;
  query: Q;
  request: FastifyRequest;
  reply: FastifyReply;
} & ActorFor<A>;

/** How a route limits its callers, per client address. */
export interface RateLimit {
  max: number;
  perMs: number;
}

/**
 * One endpoint, declared once: the HTTP layer validates, authenticates and
 * rate-limits from it, and the OpenAPI document is generated from it.
 */
export interface RouteDefinition<
  A extends AuthMode = AuthMode,
  B extends BodyKind | undefined = BodyKind | undefined,
  P extends z.ZodType | undefined = z.ZodType | undefined,
  Q extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  summary: string;
  tags: string[];
  auth: A;
  /**
   * A zod schema for JSON bodies, `binary` for raw uploads (handler gets a Buffer), or
   * `multipart` for streamed form-data uploads (handler iterates the file parts).
   */
  body?: B;
  params?: P;
  query?: Q;
  /** The success body; undefined means 204 No Content (unless `produces` is set). */
  response?: R;
  /** For routes that send a file or page themselves: its media type, for the API description. */
  produces?: string;
  status?: number;
  rateLimit?: RateLimit;
  /**
   * A read that files an audit entry with the purpose the caller states. A
   * cookie session must send its CSRF token even though it is a GET: a link
   * on another site could otherwise make a signed-in browser file a read, with
   * a purpose of that site's choosing, in someone's access log.
   */
  audited?: true;
  /** Largest accepted body in bytes (for `multipart`: per file); the server default otherwise. */
  bodyLimit?: number;
  /** Error ids this route may answer besides validation and auth, for the docs. */
  errors?: string[];
  handler: (
    ctx: RouteContext<A, BodyOf<B>, Parsed<P>, Parsed<Q>>,
  ) => Promise<R extends z.ZodType ? z.input<R> : void>;
}

/** Declares a route with full type inference; returns it unchanged. */
export function route<
  A extends AuthMode,
  B extends BodyKind | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(definition: RouteDefinition<A, B, P, Q, R>): RouteDefinition {
  return definition as unknown as RouteDefinition;
}

/** Turns `/api/sessions/:id` into a matcher for 405 detection. */
export function pathMatcher(path: string): RegExp {
  const pattern = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${pattern}/?$`);
}
