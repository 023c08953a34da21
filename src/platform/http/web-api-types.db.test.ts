import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openTestDatabase } from '../../testing/database.ts';
import { startTestApp } from '../../testing/app.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { loadOpenapiTypescript, WEB_API_TYPES_FILE, webApiTypes } from '../../../scripts/web-api-types.ts';

// openapi-typescript is a devDependency; until it is installed this check cannot run (and says so)
const generator = await loadOpenapiTypescript();

let handle: DatabaseHandle;
let app: FastifyInstance;

beforeAll(async () => {
  handle = await openTestDatabase();
  ({ app } = await startTestApp(handle));
});
afterAll(async () => { await app.close(); await handle.close(); });

describe('the web\'s API types come from the OpenAPI document', () => {
  it.skipIf(!generator)('src/web/api/openapi.ts is what /api/openapi.json says (else run `npm run web:types`)', async () => {
    const committed = fs.readFileSync(path.resolve(import.meta.dirname, '../../..', WEB_API_TYPES_FILE), 'utf8');
    expect(committed, `${WEB_API_TYPES_FILE} is stale: run \`npm run web:types\` and commit it`).toBe(await webApiTypes(app, generator!));
  });
});
