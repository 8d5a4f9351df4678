import { z } from 'zod';
import { listOperations, type Operation } from '../../shared/contract';
import { ERROR_CODES } from '../../shared/errors';

type JsonSchema = Record<string, unknown>;

function schemaOf(type: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(type, { io, unrepresentable: 'any' }) as JsonSchema;
  return schema;
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function responses(operation: Operation) {
  return {
    '200': {
      description: 'Success',
      content: { 'application/json': { schema: schemaOf(operation.output, 'output') } },
    },
    '400': errorResponse('VALIDATION: the body is not JSON or the input breaks the contract'),
    '401': errorResponse('UNAUTHORIZED: no or unknown bearer token'),
    '403': errorResponse("FORBIDDEN: the token's user lacks the role"),
    '404': errorResponse('NOT_FOUND'),
    '409': errorResponse('CONFLICT, INSUFFICIENT_STOCK or INVALID_STATE'),
    '422': errorResponse('VALIDATION: a field breaks the contract'),
    '500': errorResponse('INTERNAL'),
  };
}

function describe(operation: Operation): string {
  const access =
    operation.access === 'public'
      ? 'any caller with the API token'
      : operation.access === 'signed-in'
        ? 'any user'
        : operation.access.join(', ');
  return `${operation.summary}\n\nRoles: ${access}. ${operation.kind === 'command' ? 'Runs in one transaction.' : 'Reads only.'}`;
}

/** OpenAPI 3.1 for every operation: its RPC route and, where it has one, its readable route. */
export function openApiDocument(version: string): JsonSchema {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const { name, operation } of listOperations()) {
    paths[`/api/${name}`] = {
      post: {
        operationId: name,
        summary: operation.summary,
        description: describe(operation),
        tags: [name.split('.')[0]],
        requestBody: {
          required: false,
          content: { 'application/json': { schema: schemaOf(operation.input, 'input') } },
        },
        responses: responses(operation),
      },
    };
    if (!operation.http) continue;
    const path = `/api${operation.http.path.replace(/:(\w+)/g, '{$1}')}`;
    const params = [...operation.http.path.matchAll(/:(\w+)/g)].map((m) => m[1]);
    const method = operation.http.method.toLowerCase();
    const inputSchema = schemaOf(operation.input, 'input');
    const properties = (inputSchema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((inputSchema.required ?? []) as string[]);
    const pathParameters = params.map((param) => ({
      name: param,
      in: 'path',
      required: true,
      schema: properties[param] ?? { type: 'string' },
    }));
    const queryParameters =
      method === 'get'
        ? Object.entries(properties)
            .filter(([key]) => !params.includes(key))
            .map(([key, schema]) => ({ name: key, in: 'query', required: required.has(key), schema }))
        : [];
    paths[path] = {
      ...paths[path],
      [method]: {
        operationId: `${name}.rest`,
        summary: operation.summary,
        description: `${describe(operation)}\n\nThe same as POST /api/${name}.`,
        tags: [name.split('.')[0]],
        parameters: [...pathParameters, ...queryParameters],
        ...(method !== 'get' && {
          requestBody: { required: false, content: { 'application/json': { schema: inputSchema } } },
        }),
        responses: responses(operation),
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'OMS local API',
      version,
      description:
        'Every operation of the order management system. Send `Authorization: Bearer <token>` on every request. ' +
        'Errors are `{ code, message, details }`.',
    },
    servers: [{ url: '/' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['code', 'message'],
          properties: {
            code: { type: 'string', enum: [...ERROR_CODES] },
            message: { type: 'string' },
            details: {},
          },
        },
      },
    },
  };
}
