import { z } from 'zod';
import type { AppDeps, ZodApp } from '../../platform/http/context.ts';
import { currentMigration } from '../../platform/db/migrate.ts';

export async function healthRoutes(app: ZodApp, { db, dbKind }: AppDeps) {
  app.get('/health', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'Liveness, database kind and migration version', security: [],
      response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), mode: z.string(),
        migration: z.object({ version: z.number().int(), name: z.string() }).nullable() }) } },
  }, async () => ({
    status: 'ok' as const, database: dbKind, mode: dbKind === 'pglite' ? 'single-office' : 'server',
    migration: await currentMigration(db),
  }));
}
