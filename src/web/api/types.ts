import type { paths } from './openapi.ts';

/**
 * The JSON an API operation answers, read from the types generated from /api/openapi.json (openapi.ts,
 * `npm run web:types`): `ApiResponse<'/api/decisions/{id}', 'get'>`. The server's zod schema is the one source.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<Response> = Response extends { content: { 'application/json': infer Json } } ? Json : never;

export type ApiResponse<Path extends keyof paths, M extends Method & keyof paths[Path], Status extends number = 200> =
  paths[Path][M] extends { responses: infer Responses } ? Status extends keyof Responses ? JsonOf<Responses[Status]> : never : never;

/** The JSON body an operation takes. */
export type ApiBody<Path extends keyof paths, M extends Method & keyof paths[Path]> =
  paths[Path][M] extends { requestBody?: infer Body } ? JsonOf<NonNullable<Body>> : never;
