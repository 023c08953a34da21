import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { DatabaseKind } from '../db/database.ts';
import type { Clock } from '../vn/clock.ts';
import type { Config } from '../config.ts';
import type { Actor } from '../auth/policy.ts';
import type { Locale } from '../i18n/messages.ts';
import { AppError } from '../errors.ts';
import type { CommandContext } from '../command.ts';
import type { FileStore } from '../storage/store.ts';
import type { Mailer } from '../mail/mailer.ts';

/** The Fastify instance route modules register on: zod schemas type the handlers. */
export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** What route modules receive: narrow, explicit dependencies instead of a container. */
export interface AppDeps {
  db: Kysely<Database>;
  dbKind: DatabaseKind;
  clock: Clock;
  config: Config;
  /** uploaded files (signed scans): a directory or an S3 bucket, from config.storage */
  files: FileStore;
  /** SMTP, when SMTP_URL is set: e-mail that cannot wait for the outbox (a password link) */
  mailer?: Mailer | undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    sessionTokenHash: string | null;
    csrfToken: string | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** routes open to anyone (sign-in, health, public pages); every other route needs a session */
    public?: boolean;
  }
}

/** The signed-in actor of a route that is not public (the preHandler guarantees one). */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 401);
  return request.actor;
}


export function commandContext(request: FastifyRequest, deps: AppDeps): CommandContext {
  return { db: deps.db, actor: actorOf(request), now: deps.clock.now(), requestId: request.id };
}
