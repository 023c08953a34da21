import { z } from 'zod';

/**
 * Success responses that carry no JSON object, declared so that every operation in /api/openapi.json says
 * what it answers (openapi-responses.db.test.ts). Errors are not declared per route: http/errors.ts maps
 * every AppError to `{ error: { code, message, details } }` once.
 */

/**
 * 204: the command was carried out; there is nothing to send back. (The type provider writes an undefined
 * output as `type: 'null'`, which @fastify/swagger turns into a response without content.)
 */
export const noContent = { 204: z.undefined().describe('Done, nothing to return') };

/** 302: the browser is sent on (the Location header says where); a sign-in through the identity provider. */
export const redirect = { 302: z.undefined().describe('Redirect: the Location header says where') };

/**
 * 200 with a file (DOCX, PDF, XLSX, CSV, a photo): the handler sends a Buffer, which Fastify never passes
 * through the serialiser; the OpenAPI document says `type: string, format: binary` under each content type.
 */
export function fileResponse<const Types extends readonly string[]>(...contentTypes: Types) {
  const file = z.custom<Buffer | string>((value) => Buffer.isBuffer(value) || typeof value === 'string')
    .meta({ type: 'string', format: 'binary' });
  return {
    200: {
      description: 'The file',
      content: Object.fromEntries(contentTypes.map((type) => [type, { schema: file }])) as Record<Types[number], { schema: typeof file }>,
    },
  };
}
