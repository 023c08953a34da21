import type { Kysely } from 'kysely';
import type { Database, ExampleKind } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/store.ts';
import { readTenantFile } from '../../platform/storage/uploads.ts';
import { decodeCursor, encodeCursor } from './model.ts';
import { findAnyOrganisation, findPhoto, findPublishedExample, honourBoard, photosOf, type ExampleRow } from './store.ts';

/**
 * The public honour board (gương điển hình): no sign-in, no tenant known — like the public consultation
 * pages, a record is found by its id alone and the tenant is the record's. A unit's board (a portal's
 * iframe) names the unit: its tenant and subtree bound the list. Only published records exist here;
 * anything else answers 404 exactly as an unknown id does.
 */
type Db = Kysely<Database>;

export const BOARD_PAGE_SIZE = 12;

export interface BoardQuery { unitId?: string | undefined; kind?: ExampleKind | undefined; movementId?: string | undefined; cursor?: string | undefined; limit?: number | undefined }

export async function publicBoard(db: Db, query: BoardQuery) {
  const unit = query.unitId ? await findAnyOrganisation(db, query.unitId) : undefined;
  if (query.unitId && !unit) throw notFound('organisation');
  const limit = query.limit ?? BOARD_PAGE_SIZE;
  const rows = await honourBoard(db, {
    unit: unit && { tenantId: unit.tenant_id, path: unit.path }, kind: query.kind, movementId: query.movementId,
    after: query.cursor ? decodeCursor(query.cursor) : undefined, limit,
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    unit: unit ? { id: unit.id, name: unit.name } : null,
    rows: page,
    covers: await coversOf(db, page),
    nextCursor: rows.length > limit && last ? encodeCursor(last.published_at!, last.id) : null,
  };
}

/** The first photo of each card, in one query per tenant on the page (usually one). */
async function coversOf(db: Db, rows: readonly ExampleRow[]): Promise<Map<string, string>> {
  const covers = new Map<string, string>();
  for (const tenantId of new Set(rows.map((r) => r.tenant_id))) {
    const photos = await photosOf(db, tenantId, rows.filter((r) => r.tenant_id === tenantId).map((r) => r.id));
    for (const p of photos) if (!covers.has(p.example_id)) covers.set(p.example_id, p.id);
  }
  return covers;
}

export async function publicExample(db: Db, id: string) {
  const example = await findPublishedExample(db, id);
  if (!example) throw notFound('example');
  return { example, photos: await photosOf(db, example.tenant_id, [example.id]) };
}

/** A photo of a published record, for anyone; a photo of an unpublished one is 404 like any unknown. */
export async function publicPhoto(db: Db, files: FileStore, id: string, photoId: string) {
  const example = await findPublishedExample(db, id);
  if (!example) throw notFound('example_photo');
  const photo = await findPhoto(db, example.tenant_id, example.id, photoId);
  if (!photo) throw notFound('example_photo');
  return readTenantFile(db, files, example.tenant_id, photo.sha256);
}
