// `npm run db:types`: migrates an in-memory PGlite and writes src/platform/db/schema.generated.ts from
// its catalogue (generate-types.ts). schema-types.db.test.ts fails while the committed file is stale.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { generateDbTypes } from '../src/platform/db/generate-types.ts';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/platform/db/schema.generated.ts');
const handle = await openDatabase({ pgliteDir: 'memory://' });
try {
  await migrate(handle.db);
  fs.writeFileSync(target, await generateDbTypes(handle.db));
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
} finally {
  await handle.close();
}
