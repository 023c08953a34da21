import pg from 'pg';

/** On PostgreSQL, pg_trgm lives in public once; each test file then migrates its own schema. */
export default async function setup() {
  if (process.env.TEST_DB !== 'postgres') return;
  const client = new pg.Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
  } finally {
    await client.end();
  }
}

export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
}
