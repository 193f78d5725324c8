import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The browser may run only our own scripts, talk only to this origin (HTTP and
 * WebSocket), and show images from here or from blobs the client made.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' blob: data:",
  "media-src 'self' blob:",
  "connect-src 'self' ws: wss:",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Answered at `/` when packages/web was never built (npm start builds it first). */
const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Carillon</title></head>
<body><h1>Carillon</h1><p>The web client is not built. Run <code>npm run build -w @carillon/web</code>
(or start with <code>npm start</code>, which builds it), then reload.
The <a href="/api/docs">API reference</a> works without it.</p></body></html>`;

/** Paths the server itself answers; a miss there is a JSON 404, never the app. */
function isServerPath(url: string): boolean {
  return url.startsWith('/api/') || url === '/api' || url.startsWith('/.well-known/');
}

/**
 * Serves the built web client from `webDir`: its files as they are (hashed
 * assets cached for a year), and index.html for every other GET that is not
 * an API path, so client routes such as /chats/… survive a reload.
 */
export async function registerWebClient(app: FastifyInstance, webDir: string): Promise<void> {
  if (!existsSync(path.join(webDir, 'index.html'))) {
    app.get('/', async (_request, reply) =>
      reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE),
    );
    return;
  }
  await app.register(fastifyStatic, {
    root: webDir,
    wildcard: false,
    index: false,
    cacheControl: false,
    setHeaders: (reply, filePath) => {
      const immutable = filePath.startsWith(path.join(webDir, 'assets') + path.sep);
      reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (filePath.endsWith('.html'))
        reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    },
  });
  const appShell = (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url.split('?')[0]!;
    // A missing file (has an extension) or an API path: the usual JSON 404 / 405.
    if (isServerPath(url) || path.extname(url) !== '') return reply.callNotFound();
    return reply
      .header('cache-control', 'no-cache')
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .sendFile('index.html');
  };
  app.get('/', appShell);
  app.get('/*', appShell);
}
