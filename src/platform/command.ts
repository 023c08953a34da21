import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { Actor } from './auth/policy.ts';

/** What every write (a "command") needs: the database, who acts, when, and which request (for the audit log). */
export interface CommandContext { db: Kysely<Database>; actor: Actor; now: Date; requestId: string }
