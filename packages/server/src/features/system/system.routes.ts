import { Health } from '@carillon/protocol/health';
import { route, type RouteDefinition } from '../../platform/http/route';
import { renderReferencePage } from '../../platform/http/reference-page';

/** Health, the OpenAPI document and its rendered reference page. */
export function systemRoutes(
  health: () => Promise<{
    status: 'ok';
    version: string;
    edition: 'international' | 'cn';
    database: 'sqlite' | 'postgres';
  }>,
  openApi: () => Record<string, unknown>,
): RouteDefinition[] {
  const tags = ['system'];
  return [
    route({
      method: 'GET',
      path: '/api/health',
      summary: 'Liveness and the database in use',
      tags,
      auth: 'none',
      response: Health,
      handler: () => health(),
    }),
    route({
      method: 'GET',
      path: '/api/openapi.json',
      summary: 'This API as an OpenAPI 3.1 document',
      tags,
      auth: 'none',
      produces: 'application/json',
      handler: async ({ reply }) => reply.send(openApi()) as never,
    }),
    route({
      method: 'GET',
      path: '/api/docs',
      summary: 'The API reference as a web page',
      tags,
      auth: 'none',
      produces: 'text/html',
      handler: async ({ reply }) =>
        reply
          .type('text/html; charset=utf-8')
          .send(renderReferencePage(openApi() as never)) as never,
    }),
  ];
}
