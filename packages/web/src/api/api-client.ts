import type { z } from 'zod';
import { ApiError, errorFromResponse } from './api-error';
import { readCsrfToken } from './csrf';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How the client reaches the server; tests pass their own fetch and base URL. */
export interface ApiClientOptions {
  baseUrl?: string;
  fetch?: typeof fetch;
  csrfToken?: () => string | null;
  /** Called on a 401 that means the session is gone, so the app can return to the sign-in screen. */
  onUnauthenticated?: () => void;
}

/** One call: a body sent as JSON, and the schema its answer is parsed with. */
export interface Call<S extends z.ZodType | undefined> {
  body?: unknown;
  /** Bytes sent as they are (e.g. an avatar image) instead of a JSON `body`. */
  raw?: Blob;
  query?: Record<string, string | number | undefined>;
  schema?: S;
}

type Answer<S> = S extends z.ZodType ? z.infer<S> : void;

/**
 * The typed HTTP client: cookies and the CSRF header travel with every call
 * (the server wants the header on unsafe methods and on audited reads, which
 * are GETs), answers are checked against the protocol schema, and an
 * error body becomes an ApiError with the server's id and message.
 */
export class ApiClient {
  private readonly fetch: typeof fetch;
  private readonly baseUrl: string;
  private readonly csrfToken: () => string | null;
  private unauthenticated: (() => void) | undefined;

  constructor(options: ApiClientOptions = {}) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.baseUrl = options.baseUrl ?? '';
    this.csrfToken = options.csrfToken ?? (() => readCsrfToken());
    this.unauthenticated = options.onUnauthenticated;
  }

  /** The same client with another CSRF token and 401 handler, e.g. for the operator session. */
  derive(overrides: Pick<ApiClientOptions, 'csrfToken' | 'onUnauthenticated'>): ApiClient {
    return new ApiClient({
      fetch: this.fetch,
      baseUrl: this.baseUrl,
      ...overrides,
    });
  }

  /** GET `path`, parsed with `schema`. */
  get<S extends z.ZodType>(path: string, call: Call<S> & { schema: S }): Promise<z.infer<S>> {
    return this.request<S>('GET', path, call) as Promise<z.infer<S>>;
  }

  /** POST `body` as JSON. */
  post<S extends z.ZodType | undefined = undefined>(path: string, call: Call<S> = {}) {
    return this.request<S>('POST', path, call);
  }

  /** PUT `body` as JSON. */
  put<S extends z.ZodType | undefined = undefined>(path: string, call: Call<S> = {}) {
    return this.request<S>('PUT', path, call);
  }

  /** PATCH `body` as JSON. */
  patch<S extends z.ZodType | undefined = undefined>(path: string, call: Call<S> = {}) {
    return this.request<S>('PATCH', path, call);
  }

  /** DELETE, usually answered 204. */
  delete<S extends z.ZodType | undefined = undefined>(path: string, call: Call<S> = {}) {
    return this.request<S>('DELETE', path, call);
  }

  /** The absolute address of `path`, e.g. for an <img src> of an authenticated download. */
  url(path: string, query?: Call<undefined>['query']): string {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query ?? {}))
      if (value !== undefined) search.set(key, String(value));
    const qs = search.toString();
    return `${this.baseUrl}${path}${qs ? `?${qs}` : ''}`;
  }

  /** GET `path` as a raw response (a download read as a stream); an error answer throws. */
  async open(path: string, signal?: AbortSignal): Promise<Response> {
    let response: Response;
    try {
      response = await this.fetch(this.url(path), {
        credentials: 'same-origin',
        headers: this.csrfHeaders(),
        signal,
      });
    } catch (error) {
      throw new ApiError('network', error instanceof Error ? error.message : 'offline', 0);
    }
    if (!response.ok) throw await this.failure(response);
    return response;
  }

  /** The CSRF header every call sends (also used by uploads, which bypass fetch). */
  csrfHeaders(): Record<string, string> {
    const token = this.csrfToken();
    return token ? { 'x-csrf-token': token } : {};
  }

  /**
   * Turns an error answer into an ApiError and reports a lost session. A
   * wrong password typed to confirm something (`invalid_credentials`) is
   * also a 401, but the session is fine: the form shows the error.
   */
  async failure(response: Response): Promise<ApiError> {
    const error = await errorFromResponse(response);
    if (response.status === 401 && error.id !== 'invalid_credentials') this.unauthenticated?.();
    return error;
  }

  /** Who hears of a 401 (the session provider, which returns to sign-in); replaces the previous one. */
  onUnauthenticated(listener: (() => void) | undefined): void {
    this.unauthenticated = listener;
  }

  private async request<S extends z.ZodType | undefined>(
    method: Method,
    path: string,
    call: Call<S>,
  ): Promise<Answer<S>> {
    const headers = this.csrfHeaders();
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    if (call.raw) headers['content-type'] = call.raw.type || 'application/octet-stream';
    let response: Response;
    try {
      response = await this.fetch(this.url(path, call.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: call.raw ?? (call.body === undefined ? undefined : JSON.stringify(call.body)),
      });
    } catch (error) {
      throw new ApiError('network', error instanceof Error ? error.message : 'offline', 0);
    }
    if (!response.ok) throw await this.failure(response);
    if (!call.schema) return undefined as Answer<S>;
    const parsed = call.schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success)
      throw new ApiError('bad_response', `Unexpected answer from ${path}`, response.status);
    return parsed.data as Answer<S>;
  }
}
