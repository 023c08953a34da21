import { sql } from 'kysely';
import { z } from 'zod';
import type { AppDeps, ZodApp } from '../../platform/http/context.ts';
import { currentMigration } from '../../platform/db/migrate.ts';

const healthSchema = z.object({
  status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), mode: z.string(),
  migration: z.object({ version: z.number().int(), name: z.string() }).nullable(),
});
const READY_WITHIN_MS = 5_000;
const notReadySchema = z.object({ status: z.literal('not_ready'), reason: z.string() });

/**
 * For a supervisor or a load balancer: `live` says the process answers (restart it if not); `ready` says it can
 * serve — the database answers and the schema is migrated — (send it no traffic while not, 503). `/health` is the
 * readiness answer with the database kind and migration, as the app's footer shows it.
 */
export async function healthRoutes(app: ZodApp, { db, dbKind }: AppDeps) {
  const describe = async () => ({
    status: 'ok' as const, database: dbKind, mode: dbKind === 'pglite' ? 'single-office' : 'server',
    migration: await currentMigration(db),
  });
  const probe = async () => {
    try {
      await sql`SELECT 1`.execute(db);
      const migration = await currentMigration(db);
      return migration ? null : 'no migration applied';
    } catch (error) {
      return error instanceof Error ? error.message.slice(0, 200) : 'database unavailable';
    }
  };
  // a database that hangs (a closed embedded database, a saturated pool) is not ready either: answer within 5 s
  const ready = async () => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<string>((resolve) => { timer = setTimeout(() => resolve(`the database did not answer within ${READY_WITHIN_MS / 1000} s`), READY_WITHIN_MS); });
    try {
      return await Promise.race([probe(), late]);
    } finally {
      clearTimeout(timer);
    }
  };

  app.get('/health', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'Readiness, database kind and migration version', security: [],
      response: { 200: healthSchema, 503: notReadySchema } },
  }, async (_request, reply) => {
    const problem = await ready();
    if (problem) return reply.status(503).send({ status: 'not_ready' as const, reason: problem });
    return describe();
  });

  app.get('/health/live', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'Liveness: the process answers (no database call)', security: [],
      response: { 200: z.object({ status: z.literal('ok') }) } },
  }, async () => ({ status: 'ok' as const }));

  app.get('/health/ready', {
    config: { public: true },
    schema: { tags: ['health'], summary: 'Readiness: the database answers and the schema is migrated (503 when not)', security: [],
      response: { 200: z.object({ status: z.literal('ok') }), 503: notReadySchema } },
  }, async (_request, reply) => {
    const problem = await ready();
    if (problem) return reply.status(503).send({ status: 'not_ready' as const, reason: problem });
    return { status: 'ok' as const };
  });
}
