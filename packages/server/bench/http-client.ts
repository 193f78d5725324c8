import http from 'node:http';

/** Status and raw text of one answer. */
export interface HttpResponse {
  status: number;
  text: string;
}

/** A keep-alive HTTP/1.1 client for one loopback origin. */
export interface HttpClient {
  request(
    method: 'GET' | 'POST' | 'PATCH',
    path: string,
    options?: { headers?: Record<string, string>; json?: unknown },
  ): Promise<HttpResponse>;
  /** Closes every pooled socket so the process can exit. */
  close(): void;
}

/** A request that takes this long is a stuck server, not a slow one: fail instead of hanging. */
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Builds a client on node:http with a keep-alive agent: connections are reused
 * across requests, so the figures measure the server rather than TCP set-up,
 * and the client adds as little per-request work as Node allows.
 */
export function createHttpClient(port: number, maxSockets: number): HttpClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  return {
    request(method, path, options = {}) {
      const body = options.json === undefined ? undefined : JSON.stringify(options.json);
      const headers: Record<string, string> = { ...options.headers };
      if (body !== undefined) headers['content-type'] = 'application/json';
      return new Promise<HttpResponse>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port, method, path, headers, agent },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () =>
              resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
            );
            res.on('error', reject);
          },
        );
        req.setTimeout(REQUEST_TIMEOUT_MS, () =>
          req.destroy(new Error(`${method} ${path} took over ${REQUEST_TIMEOUT_MS} ms`)),
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}

/** Sends a request and fails loudly unless the status is the expected one. */
export async function expectStatus(
  pending: Promise<HttpResponse>,
  expected: number,
  what: string,
): Promise<HttpResponse> {
  const response = await pending;
  if (response.status !== expected)
    throw new Error(`${what}: expected ${expected}, got ${response.status}: ${response.text}`);
  return response;
}
