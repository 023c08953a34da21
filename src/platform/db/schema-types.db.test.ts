import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/database.ts';
import type { DatabaseHandle } from './database.ts';
import { generateDbTypes } from './generate-types.ts';

let handle: DatabaseHandle;
beforeAll(async () => { handle = await openTestDatabase(); });
afterAll(async () => { await handle.close(); });

describe('the row types come from the migrations', () => {
  it('schema.generated.ts is what the migrated database says (else run `npm run db:types`)', async () => {
    const committed = fs.readFileSync(new URL('./schema.generated.ts', import.meta.url), 'utf8');
    const fresh = await generateDbTypes(handle.db);
    expect(committed, 'src/platform/db/schema.generated.ts is stale: run `npm run db:types` and commit it').toBe(fresh);
  });
});
