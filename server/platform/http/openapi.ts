import { z } from 'zod';
import { extendZodWithOpenApi, OpenAPIRegistry, OpenApiGeneratorV3 } from '@asteasolutions/zod-to-openapi';

extendZodWithOpenApi(z);

/** Routers register their paths here with the schemas that validate them. */
export const registry = new OpenAPIRegistry();

registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'Token from POST /api/v1/auth/login' });

export const ErrorBody = registry.register(
  'Error',
  z.object({
    error: z.object({
      code: z.string().openapi({ example: 'VALIDATION_FAILED' }),
      message: z.string(),
      messageId: z.string().describe('The same, in Bahasa Indonesia'),
      field: z.string().optional(),
      details: z.record(z.string(), z.unknown()),
      requestId: z.string().describe('The id of this request (also the X-Request-Id response header): quote it when reporting a problem; every log line of the request carries it'),
    }),
  }),
);

export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: `Error (${s})`, content: { 'application/json': { schema: ErrorBody } } }]),
  );
}

let cached: unknown = null;
export function openApiDocument(): unknown {
  cached ??= new OpenApiGeneratorV3(registry.definitions).generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Tirta Dispatch API',
      version: '1',
      description: 'Leak reports, work orders (SPK), crews and routes for a water utility (PDAM).',
    },
    servers: [{ url: '/' }],
  });
  return cached;
}

export { z };
