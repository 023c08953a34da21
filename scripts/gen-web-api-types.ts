// `npm run web:types`: builds the app in-process on a throw-away PGlite and writes src/web/api/openapi.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';
import { startTestApp } from '../src/testing/app.ts';
import { loadOpenapiTypescript, WEB_API_TYPES_FILE, webApiTypes } from './web-api-types.ts';

const generator = await loadOpenapiTypescript();
if (!generator) {
  console.error('openapi-typescript is not installed (npm i -D openapi-typescript), or set OPENAPI_TYPESCRIPT to its dist/index.mjs');
  process.exit(1);
}
const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', WEB_API_TYPES_FILE);
const handle = await openDatabase({ pgliteDir: 'memory://' });
try {
  await migrate(handle.db);
  const { app } = await startTestApp(handle);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, await webApiTypes(app, generator));
  await app.close();
  console.log(`wrote ${WEB_API_TYPES_FILE}`);
} finally {
  await handle.close();
}
