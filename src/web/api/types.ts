import type { components, paths } from './openapi.ts';

/**
 * The JSON an API operation answers, read from the types generated from /api/openapi.json (openapi.ts,
 * `npm run web:types`): `ApiResponse<'/api/decisions/{id}', 'get'>`. The server's zod schema is the one source.
 */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
type JsonOf<Response> = Response extends { content: { 'application/json': infer Json } } ? Json : never;

export type ApiResponse<Path extends keyof paths, M extends Method & keyof paths[Path], Status extends number = 200> =
  paths[Path][M] extends { responses: infer Responses } ? Status extends keyof Responses ? JsonOf<Responses[Status]> : never : never;

/** A named schema of the document (a recursive one, such as EligibilityFinding): `ApiSchema<'EligibilityFinding'>`. */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

/** An operation's path parameters. */
export type ApiPath<Path extends keyof paths, M extends Method & keyof paths[Path]> =
  paths[Path][M] extends { parameters: { path: infer Params } } ? Params : never;

/** An operation's query parameters. */
export type ApiQuery<Path extends keyof paths, M extends Method & keyof paths[Path]> =
  paths[Path][M] extends { parameters: { query?: infer Params } } ? NonNullable<Params> : never;

/** The JSON body an operation takes. */
export type ApiBody<Path extends keyof paths, M extends Method & keyof paths[Path]> =
  paths[Path][M] extends { requestBody?: infer Body } ? JsonOf<NonNullable<Body>> : never;

/**
 * A runtime list that names every member of a generated union, and nothing else (a compile error names what is missing or extra):
 * `export const KINDS = allOf<Organisation['kind']>()(['ministry', 'province'] as const)`.
 */
export const allOf = <Union extends string>() =>
  <const List extends readonly Union[]>(list: List & ([Union] extends [List[number]] ? unknown : { missing: Exclude<Union, List[number]> })): List => list;
