import { sql } from 'kysely';
import { AppError } from './errors.ts';

/**
 * Optimistic concurrency, one way for every edit: an editable row has a `version` that each write increases
 * (`nextVersion` in the SET), the client sends back the version its form was filled from, and the service — after
 * locking the row in its transaction — refuses a stale one with 409 `edit.stale`, which the UI answers by offering
 * to reload. Without a version (an API client that sends none) the edit applies field by field to the locked row.
 * A row set by key (create or replace) passes `current` undefined when there is none yet: a version sent for it
 * (the row was removed since the form was filled) is stale too.
 */
export function assertCurrentVersion(expected: number | undefined, current: number | undefined): void {
  if (expected !== undefined && expected !== current) throw new AppError('edit.stale', 409);
}

/** `version = version + 1`, for the SET of every update of an editable row. */
export const nextVersion = () => sql<number>`version + 1`;
