import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, ExampleKind, ExamplePhotosTable, ExamplesTable, ExampleStage } from '../../platform/db/schema.ts';
import { pathUnder } from '../organisations/index.ts';

type Db = Kysely<Database>;

export type ExampleRow = Selectable<ExamplesTable> & {
  organisation_name: string; organisation_path: string; movement_name: string | null;
};
export type PhotoRow = Selectable<ExamplePhotosTable>;

function exampleQuery(db: Db) {
  return db.selectFrom('examples as e')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
    .leftJoin('movements as m', (j) => j.onRef('m.tenant_id', '=', 'e.tenant_id').onRef('m.id', '=', 'e.movement_id'))
    .selectAll('e')
    .select(['o.name as organisation_name', 'o.path as organisation_path', 'm.name as movement_name']);
}

export async function findExample(db: Db, tenantId: string, id: string): Promise<ExampleRow | undefined> {
  return exampleQuery(db).where('e.tenant_id', '=', tenantId).where('e.id', '=', id).executeTakeFirst();
}

/** For the public pages, which know no tenant: the id alone (examples_id), published only. */
export async function findPublishedExample(db: Db, id: string): Promise<ExampleRow | undefined> {
  return exampleQuery(db).where('e.id', '=', id).where('e.published_at', 'is not', null).executeTakeFirst();
}

/** Serialises the writes to one example: two clicks on "next step" do not both pass. */
export async function lockExample(db: Db, tenantId: string, id: string): Promise<void> {
  await sql`SELECT 1 FROM examples WHERE tenant_id = ${tenantId} AND id = ${id} FOR UPDATE`.execute(db);
}

export interface ExampleListFilter {
  /** the reader's subtrees (example.read) */
  prefixes: readonly string[];
  /** one unit's subtree inside them */
  unitPath?: string | undefined;
  /** folded words, each must appear (examples_search, trigram) */
  tokens: readonly string[];
  kind?: ExampleKind | undefined;
  stage?: ExampleStage | undefined;
  published?: boolean | undefined;
  movementId?: string | undefined;
}

function filtered(db: Db, tenantId: string, f: ExampleListFilter) {
  let q = db.selectFrom('examples as e')
    .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
    .where('e.tenant_id', '=', tenantId).where(pathUnder('o.path', f.prefixes));
  if (f.unitPath) q = q.where('o.path', 'like', `${f.unitPath}%`);
  for (const token of f.tokens) q = q.where('e.search_fold', 'like', `%${token}%`);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.stage) q = q.where('e.stage', '=', f.stage);
  if (f.published !== undefined) q = q.where('e.published_at', f.published ? 'is not' : 'is', null);
  if (f.movementId) q = q.where('e.movement_id', '=', f.movementId);
  return q;
}

/** One page of the staff list, newest first, and the total. */
export async function listExamples(db: Db, tenantId: string, f: ExampleListFilter, page: { offset: number; limit: number }) {
  if (f.prefixes.length === 0) return { rows: [], total: 0 };
  const [rows, count] = await Promise.all([
    filtered(db, tenantId, f)
      .select(['e.id', 'e.kind', 'e.title', 'e.subject_kind', 'e.subject_name', 'e.stage', 'e.published_at', 'e.created_at',
        'e.organisation_id', 'o.name as organisation_name'])
      .orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').offset(page.offset).limit(page.limit).execute(),
    filtered(db, tenantId, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function photosOf(db: Db, tenantId: string, exampleIds: readonly string[]) {
  if (exampleIds.length === 0) return [];
  return db.selectFrom('example_photos as p')
    .innerJoin('files as f', (j) => j.onRef('f.tenant_id', '=', 'p.tenant_id').onRef('f.sha256', '=', 'p.sha256'))
    .selectAll('p').select(['f.content_type', 'f.size', 'f.original_name'])
    .where('p.tenant_id', '=', tenantId).where('p.example_id', 'in', [...exampleIds])
    .orderBy('p.example_id').orderBy('p.position').execute();
}

export async function findPhoto(db: Db, tenantId: string, exampleId: string, photoId: string) {
  return db.selectFrom('example_photos').selectAll()
    .where('tenant_id', '=', tenantId).where('example_id', '=', exampleId).where('id', '=', photoId).executeTakeFirst();
}

export async function stageHistoryOf(db: Db, tenantId: string, exampleId: string) {
  return db.selectFrom('example_stage_events as s')
    .leftJoin('users as u', 'u.id', 's.actor_user_id')
    .selectAll('s').select('u.display_name as actor_name')
    .where('s.tenant_id', '=', tenantId).where('s.example_id', '=', exampleId)
    .orderBy('s.at').orderBy('s.id').execute();
}

/** An organisation by its id alone (organisations_id): the public board's unit filter knows no tenant. */
export async function findAnyOrganisation(db: Db, id: string) {
  return db.selectFrom('organisations').select(['tenant_id', 'id', 'name', 'path']).where('id', '=', id).executeTakeFirst();
}

export interface BoardFilter {
  /** a unit's board: its tenant and subtree; absent, every tenant's published examples (the index page) */
  unit?: { tenantId: string; path: string } | undefined;
  kind?: ExampleKind | undefined;
  movementId?: string | undefined;
  /** the keyset: strictly after this card in (published_at, id) descending order */
  after?: { publishedAt: Date; id: string } | undefined;
  limit: number;
}

/**
 * The public honour board, newest first, published only: examples_published (a unit's board, in its
 * tenant) or examples_published_all (every tenant). One row more than asked tells whether a next page exists.
 */
export async function honourBoard(db: Db, f: BoardFilter) {
  let q = exampleQuery(db).where('e.published_at', 'is not', null);
  if (f.unit) q = q.where('e.tenant_id', '=', f.unit.tenantId).where('o.path', 'like', `${f.unit.path}%`);
  if (f.kind) q = q.where('e.kind', '=', f.kind);
  if (f.movementId) q = q.where('e.movement_id', '=', f.movementId);
  if (f.after) {
    const { publishedAt, id } = f.after;
    q = q.where((eb) => eb.or([
      eb('e.published_at', '<', publishedAt),
      eb.and([eb('e.published_at', '=', publishedAt), eb('e.id', '<', id)]),
    ]));
  }
  return q.orderBy('e.published_at', 'desc').orderBy('e.id', 'desc').limit(f.limit + 1).execute();
}
