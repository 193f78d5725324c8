import { z } from 'zod';
import { ErrorBody, errorStatus } from '@carillon/protocol/errors';
import type { RouteDefinition } from './route';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' });
  return rest;
}

function parameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(object.properties ?? {}).map(([name, s]) => ({
    name,
    in: location,
    required: location === 'path' || (object.required ?? []).includes(name),
    schema: s,
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } },
});

/** A multipart upload: one file in the field `file`. */
const multipartFile = {
  type: 'object',
  properties: { file: { type: 'string', format: 'binary' } },
  required: ['file'],
};

function operation(def: RouteDefinition) {
  const responses: Record<string, unknown> = {};
  if (def.produces)
    responses[String(def.status ?? 200)] = {
      description: 'Success',
      content: { [def.produces]: { schema: { type: 'string', format: 'binary' } } },
    };
  else if (def.response)
    responses[String(def.status ?? 200)] = {
      description: 'Success',
      content: { 'application/json': { schema: jsonSchema(def.response, 'output') } },
    };
  else responses['204'] = { description: 'Done; no content' };
  if (def.body || def.params || def.query) responses['400'] = errorResponse('Invalid input');
  if (def.auth !== 'none') responses['401'] = errorResponse('Not signed in');
  if (def.rateLimit) responses['429'] = errorResponse('Too many requests');
  for (const id of def.errors ?? []) {
    const status = String(errorStatus[id as keyof typeof errorStatus]);
    responses[status] ??= errorResponse(id);
  }
  const requestBody =
    def.body === 'binary'
      ? {
          required: true,
          content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
        }
      : def.body === 'multipart'
        ? { required: true, content: { 'multipart/form-data': { schema: multipartFile } } }
        : def.body
          ? {
              required: true,
              content: { 'application/json': { schema: jsonSchema(def.body, 'input') } },
            }
          : undefined;
  return {
    summary: def.summary,
    tags: def.tags,
    ...(def.auth === 'user' ? { security: [{ bearer: [] }, { cookie: [] }] } : {}),
    ...(def.auth === 'operator' ? { security: [{ operatorBearer: [] }] } : {}),
    // Cookie sessions send X-CSRF-Token on this GET too (RouteDefinition.audited).
    ...(def.audited ? { 'x-audited-read': true } : {}),
    parameters: [...parameters(def.params, 'path'), ...parameters(def.query, 'query')],
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** Builds the OpenAPI 3.1 document from the same definitions the server runs. */
export function buildOpenApi(routes: RouteDefinition[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const def of routes) {
    const path = def.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[def.method.toLowerCase()] = operation(def);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Carillon API',
      version,
      description: 'Every error answers `{ "error": { "id", "message", "details?" } }`.',
    },
    paths,
    components: {
      schemas: { ErrorBody: jsonSchema(ErrorBody, 'output') },
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'carillon_session' },
        operatorBearer: { type: 'http', scheme: 'bearer', description: 'An operator token.' },
      },
    },
  };
}
