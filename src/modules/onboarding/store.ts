import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Role } from '../../platform/db/schema.ts';
import { chunks } from '../../platform/spreadsheets/import-run.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { textSortKey } from '../../platform/vn/sort.ts';
import { nameColumns } from '../people/index.ts';
import type { ExistingAccount, PlannedAccount } from './accounts.ts';
import type { ExistingEmployment, ExistingPerson, PlannedEmployment, PlannedPerson } from './people.ts';
import type { ExistingUnit, PlannedUnit, UnitPlan } from './units.ts';

/**
 * The SQL of the onboarding imports: lookups by code, and set-based writes — multi-row VALUES of up
 * to 1,000 rows per statement (arrays of 5,000 for people and employments) inside the import's one
 * transaction, never a statement per row. A row
 * whose values did not change is not written (IS DISTINCT FROM), so importing a file again changes
 * nothing; `xmax = 0` on a returned row tells an insert from an update.
 */
type Db = Kysely<Database>;
const WRITE_CHUNK = 1_000;
const CODE_CHUNK = 5_000;

const values = (rows: readonly unknown[][]): RawBuilder<unknown> =>
  sql`VALUES ${sql.join(rows.map((r) => sql`(${sql.join(r)})`))}`;

// ── units ──────────────────────────────────────────────────────────────────────────────────────

/** Every unit of the tenant (a province has a few thousand) and the root of its tree. */
export async function tenantUnits(db: Db, tenantId: string): Promise<{ units: ExistingUnit[]; rootId: string | null }> {
  const rows = await db.selectFrom('organisations').select(['id', 'code', 'parent_id', 'path', 'standing_agency_id'])
    .where('tenant_id', '=', tenantId).orderBy('path').execute();
  const units = rows.map((r) => ({ id: r.id, code: r.code, parentId: r.parent_id, path: r.path, standingAgencyId: r.standing_agency_id }));
  return { units, rootId: units.find((u) => u.parentId === null)?.id ?? null };
}

const UNIT_COLUMNS = ['parent_id', 'path', 'depth', 'name', 'short_name', 'name_fold', 'sort_key', 'kind', 'level', 'admin_code',
  'agency_code', 'code', 'valid_from', 'valid_to'] as const;

/** Inserts new units and updates changed ones, parents first; answers which ids were created and which changed. */
export async function upsertUnits(trx: Db, tenantId: string, units: readonly PlannedUnit[], now: Date) {
  const created = new Set<string>();
  const changed = new Set<string>();
  for (const batch of chunks(units, WRITE_CHUNK)) {
    const rows = batch.map((u) => [tenantId, u.id, u.parentId, u.path, u.depth, u.name, u.shortName, foldVietnamese(u.name),
      textSortKey(u.name), u.kind, u.level, u.adminCode, u.agencyCode, u.code, u.validFrom, u.validTo, u.standingAgencyId, now, now]);
    const result = await sql<{ id: string; inserted: boolean }>`
      INSERT INTO organisations (tenant_id, id, ${sql.join(UNIT_COLUMNS.map((c) => sql.ref(c)))}, standing_agency_id, created_at, updated_at)
      ${values(rows)}
      ON CONFLICT (tenant_id, id) DO UPDATE SET ${sql.join(UNIT_COLUMNS.map((c) => sql`${sql.ref(c)} = EXCLUDED.${sql.ref(c)}`))},
        updated_at = EXCLUDED.updated_at
      WHERE (${sql.join(UNIT_COLUMNS.map((c) => sql`organisations.${sql.ref(c)}`))})
        IS DISTINCT FROM (${sql.join(UNIT_COLUMNS.map((c) => sql`EXCLUDED.${sql.ref(c)}`))})
      RETURNING id, (xmax = 0) AS inserted`.execute(trx);
    for (const r of result.rows) (r.inserted ? created : changed).add(r.id);
  }
  return { created, changed };
}

/** Units not in the file under a unit the file moved: their new paths, in one statement per batch. */
export async function rebaseUnits(trx: Db, tenantId: string, rebased: UnitPlan['rebased']) {
  for (const batch of chunks(rebased, WRITE_CHUNK)) {
    await sql`
      UPDATE organisations o SET path = v.path, depth = v.depth::int
      FROM (${values(batch.map((r) => [r.id, r.path, r.depth]))}) AS v (id, path, depth)
      WHERE o.tenant_id = ${tenantId} AND o.id = v.id::uuid`.execute(trx);
  }
}

/**
 * The successor links of the file's units: every link in organisation_successions (added, changed,
 * or dropped when the file no longer names it), and successor_id where there is exactly one.
 * Answers the units whose links changed.
 */
export async function setSuccessions(trx: Db, tenantId: string, units: readonly PlannedUnit[]) {
  const changed = new Set<string>();
  for (const batch of chunks(units, WRITE_CHUNK)) {
    const single = batch.map((u) => [u.id, u.successors.length === 1 ? u.successors[0]!.id : null]);
    const updated = await sql<{ id: string }>`
      UPDATE organisations o SET successor_id = v.successor::uuid
      FROM (${values(single)}) AS v (id, successor)
      WHERE o.tenant_id = ${tenantId} AND o.id = v.id::uuid AND o.successor_id IS DISTINCT FROM v.successor::uuid
      RETURNING o.id`.execute(trx);
    for (const r of updated.rows) changed.add(r.id);
    const links = batch.flatMap((u) => u.successors.map((s) => [u.id, s.id, s.onDate, s.shareNote]));
    const dropped = await sql<{ predecessor_id: string }>`
      DELETE FROM organisation_successions s
      WHERE s.tenant_id = ${tenantId} AND s.predecessor_id = ANY(${batch.map((u) => u.id)}::uuid[])
        ${links.length > 0 ? sql`AND (s.predecessor_id, s.successor_id) NOT IN (SELECT v.p::uuid, v.s::uuid FROM (${values(links.map((l) => [l[0], l[1]]))}) AS v (p, s))` : sql``}
      RETURNING s.predecessor_id`.execute(trx);
    for (const r of dropped.rows) changed.add(r.predecessor_id);
    for (const part of chunks(links, WRITE_CHUNK)) {
      const written = await sql<{ predecessor_id: string }>`
        INSERT INTO organisation_successions (tenant_id, predecessor_id, successor_id, on_date, share_note)
        SELECT ${tenantId}, v.p::uuid, v.s::uuid, v.d::date, v.n FROM (${values(part)}) AS v (p, s, d, n)
        ON CONFLICT (tenant_id, predecessor_id, successor_id) DO UPDATE SET on_date = EXCLUDED.on_date, share_note = EXCLUDED.share_note
        WHERE (organisation_successions.on_date, organisation_successions.share_note) IS DISTINCT FROM (EXCLUDED.on_date, EXCLUDED.share_note)
        RETURNING predecessor_id`.execute(trx);
      for (const r of written.rows) changed.add(r.predecessor_id);
    }
  }
  return changed;
}

// ── people ─────────────────────────────────────────────────────────────────────────────────────

/** Units by code with their paths (the caller keeps those in scope). */
export async function unitsByCode(db: Db, tenantId: string, codes: readonly string[]) {
  const out: { id: string; code: string; name: string; path: string }[] = [];
  for (const part of chunks([...new Set(codes)], CODE_CHUNK)) {
    const rows = await db.selectFrom('organisations').select(['id', 'code', 'name', 'path'])
      .where('tenant_id', '=', tenantId).where('code', 'in', part).execute();
    for (const r of rows) out.push({ id: r.id, code: r.code!, name: r.name, path: r.path });
  }
  return out;
}

/**
 * The people with these HR codes with their employments; with `lock`, locked for the rest of the
 * import (two imports, or an officer adding an employment meanwhile, cannot slip an overlapping
 * employment in: the people form locks the same row).
 */
export async function peopleByCode(trx: Db, tenantId: string, codes: readonly string[], canWrite: (path: string) => boolean, lock = false) {
  const people = new Map<string, ExistingPerson>();
  for (const part of chunks([...new Set(codes)], ARRAY_CHUNK)) {
    const rows = await sql<{ id: string; code: string; full_name: string; gender: 'male' | 'female'; birth_year: number | null; ethnicity: string }>`
      SELECT id, code, full_name, gender, birth_year, ethnicity FROM people
      WHERE tenant_id = ${tenantId} AND code = ANY(${part}::text[]) ${lock ? sql`FOR UPDATE` : sql``}`.execute(trx);
    if (rows.rows.length === 0) continue;
    const employments = await trx.selectFrom('employments as e')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
      .select(['e.id', 'e.person_id', 'e.organisation_id', 'o.name', 'o.path', 'e.position', 'e.is_leader', 'e.is_direct_worker', 'e.start_date', 'e.end_date'])
      .where('e.tenant_id', '=', tenantId).where(sql<boolean>`e.person_id = ANY(${rows.rows.map((r) => r.id)}::uuid[])`)
      .orderBy('e.start_date').orderBy('e.id').execute();
    const byPerson = new Map<string, (ExistingEmployment & { path: string })[]>();
    for (const e of employments) {
      const employment = {
        id: e.id, organisationId: e.organisation_id, organisationName: e.name, path: e.path, position: e.position, isLeader: e.is_leader,
        isDirectWorker: e.is_direct_worker, startDate: e.start_date, endDate: e.end_date,
      };
      const mine = byPerson.get(e.person_id);
      if (mine) mine.push(employment); else byPerson.set(e.person_id, [employment]);
    }
    for (const r of rows.rows) {
      const mine = byPerson.get(r.id) ?? [];
      people.set(r.code, {
        id: r.id, code: r.code, fullName: r.full_name, gender: r.gender, birthYear: r.birth_year, ethnicity: r.ethnicity,
        writable: mine.length === 0 || mine.some((e) => canWrite(e.path)),
        employments: mine.map(({ path: _, ...e }) => e),
      });
    }
  }
  return people;
}

/**
 * People and employments go in as arrays (INSERT … SELECT FROM unnest, UPDATE … FROM unnest): one
 * statement per table and 5,000 rows (well inside the 30 s statement timeout on a busy server), so
 * 100,000 people with their employments take a few dozen statements in the import's one transaction.
 * Only what the plan says is new or differs is sent; an update still writes only a row whose values
 * differ (IS DISTINCT FROM).
 */
const ARRAY_CHUNK = 5_000;

const PERSON_COLUMNS = ['family_name', 'middle_name', 'given_name', 'full_name', 'name_fold', 'sort_key', 'gender', 'birth_year', 'ethnicity', 'code'] as const;
const PERSON_TYPES = ['text', 'text', 'text', 'text', 'text', 'text', 'text', 'int', 'text', 'text'] as const;

/** Column arrays of rows, each cast to its SQL array type: `unnest($1::uuid[], $2::text[], …)`. */
function arrays(rows: readonly (readonly unknown[])[], types: readonly string[]): RawBuilder<unknown> {
  return sql.join(types.map((type, i) => sql`${rows.map((r) => r[i] ?? null)}::${sql.raw(type)}[]`));
}

export async function upsertPeople(trx: Db, tenantId: string, people: readonly PlannedPerson[], now: Date) {
  const created = new Set<string>();
  const changed = new Set<string>();
  const rowOf = (p: PlannedPerson) => {
    const n = nameColumns(p.fullName);
    return [p.id, n.family_name, n.middle_name, n.given_name, n.full_name, n.name_fold, n.sort_key, p.gender, p.birthYear, p.ethnicity, p.code];
  };
  const columns = sql.join(PERSON_COLUMNS.map((c) => sql.ref(c)));
  for (const batch of chunks(people.filter((p) => p.isNew), ARRAY_CHUNK)) {
    await sql`
      INSERT INTO people (tenant_id, created_at, updated_at, id, ${columns})
      SELECT ${tenantId}::uuid, ${now}::timestamptz, ${now}::timestamptz, v.* FROM unnest(${arrays(batch.map(rowOf), ['uuid', ...PERSON_TYPES])}) AS v`.execute(trx);
    for (const p of batch) created.add(p.id);
  }
  for (const batch of chunks(people.filter((p) => !p.isNew && p.differs), ARRAY_CHUNK)) {
    const result = await sql<{ id: string }>`
      UPDATE people SET ${sql.join(PERSON_COLUMNS.map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`))}, updated_at = ${now}::timestamptz
      FROM unnest(${arrays(batch.map(rowOf), ['uuid', ...PERSON_TYPES])}) AS v (id, ${columns})
      WHERE people.tenant_id = ${tenantId} AND people.id = v.id
        AND (${sql.join(PERSON_COLUMNS.map((c) => sql`people.${sql.ref(c)}`))}) IS DISTINCT FROM (${sql.join(PERSON_COLUMNS.map((c) => sql`v.${sql.ref(c)}`))})
      RETURNING people.id`.execute(trx);
    for (const r of result.rows) changed.add(r.id);
  }
  return { created, changed };
}

/** New employments inserted; known ones (person, unit, start date) updated when something differs. */
export async function upsertEmployments(trx: Db, tenantId: string, employments: readonly PlannedEmployment[], now: Date) {
  const created = new Set<string>();
  const changed = new Set<string>();
  for (const batch of chunks(employments.filter((e) => e.isNew), ARRAY_CHUNK)) {
    const rows = batch.map((e) => [e.id, e.personId, e.organisationId, e.position, e.isLeader, e.isDirectWorker, e.startDate, e.endDate]);
    await sql`
      INSERT INTO employments (tenant_id, created_at, id, person_id, organisation_id, position, is_leader, is_direct_worker, start_date, end_date)
      SELECT ${tenantId}::uuid, ${now}::timestamptz, v.*
      FROM unnest(${arrays(rows, ['uuid', 'uuid', 'uuid', 'text', 'boolean', 'boolean', 'date', 'date'])}) AS v`.execute(trx);
    for (const e of batch) created.add(e.id);
  }
  for (const batch of chunks(employments.filter((e) => !e.isNew && e.differs), ARRAY_CHUNK)) {
    const rows = batch.map((e) => [e.id, e.position, e.isLeader, e.isDirectWorker, e.endDate]);
    const result = await sql<{ id: string }>`
      UPDATE employments e SET position = v.position, is_leader = v.leader, is_direct_worker = v.direct, end_date = v.end_date
      FROM unnest(${arrays(rows, ['uuid', 'text', 'boolean', 'boolean', 'date'])}) AS v (id, position, leader, direct, end_date)
      WHERE e.tenant_id = ${tenantId} AND e.id = v.id
        AND (e.position, e.is_leader, e.is_direct_worker, e.end_date) IS DISTINCT FROM (v.position, v.leader, v.direct, v.end_date)
      RETURNING e.id`.execute(trx);
    for (const r of result.rows) changed.add(r.id);
  }
  return { created, changed };
}

// ── accounts ───────────────────────────────────────────────────────────────────────────────────

/** Accounts with these usernames in any tenant (a username is unique across tenants), with their active grants. */
export async function accountsByUsername(db: Db, usernames: readonly string[], managedPrefixes: readonly string[]) {
  const accounts = new Map<string, ExistingAccount>();
  for (const part of chunks([...new Set(usernames)], CODE_CHUNK)) {
    const users = await db.selectFrom('users').select(['id', 'username', 'tenant_id', 'display_name', 'email', 'person_id'])
      .where('username', 'in', part).execute();
    if (users.length === 0) continue;
    const grants = await db.selectFrom('role_grants as g')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'g.tenant_id').onRef('o.id', '=', 'g.organisation_id'))
      .select(['g.user_id', 'g.role', 'g.organisation_id', 'o.path'])
      .where('g.user_id', 'in', users.map((u) => u.id)).where('g.revoked_at', 'is', null).execute();
    for (const u of users) {
      const mine = grants.filter((g) => g.user_id === u.id);
      accounts.set(u.username, {
        id: u.id, username: u.username, tenantId: u.tenant_id, displayName: u.display_name, email: u.email, personId: u.person_id,
        managed: mine.some((g) => managedPrefixes.some((p) => g.path.startsWith(p))),
        grants: mine.map((g) => ({ role: g.role as Role, organisationId: g.organisation_id })),
      });
    }
  }
  return accounts;
}

/** People by HR code whom the actor reaches through an employment. */
export async function peopleIdsByCode(db: Db, tenantId: string, codes: readonly string[], canRead: (path: string) => boolean) {
  const out = new Map<string, string>();
  for (const part of chunks([...new Set(codes)], CODE_CHUNK)) {
    const rows = await db.selectFrom('people as p')
      .innerJoin('employments as e', (j) => j.onRef('e.tenant_id', '=', 'p.tenant_id').onRef('e.person_id', '=', 'p.id'))
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
      .select(['p.id', 'p.code', 'o.path']).where('p.tenant_id', '=', tenantId).where('p.code', 'in', part).execute();
    for (const r of rows) if (canRead(r.path)) out.set(r.code!, r.id);
  }
  return out;
}

/** New accounts (with an unusable password until the link is used), changed ones, and the grants they lack. */
export async function writeAccounts(trx: Db, tenantId: string, accounts: readonly PlannedAccount[], existing: ReadonlyMap<string, ExistingAccount>,
  options: { unusablePasswordHash: string; actorUserId: string; now: Date; newId: () => string }) {
  const { now } = options;
  const created = new Set<string>();
  const changed = new Set<string>();
  for (const batch of chunks(accounts.filter((a) => a.isNew), WRITE_CHUNK)) {
    await trx.insertInto('users').values(batch.map((a) => ({
      id: a.id, tenant_id: tenantId, username: a.username, display_name: a.displayName, password_hash: options.unusablePasswordHash,
      person_id: a.personId, email: a.email, created_at: now,
    }))).execute();
    for (const a of batch) created.add(a.id);
  }
  for (const batch of chunks(accounts.filter((a) => !a.isNew), WRITE_CHUNK)) {
    const result = await sql<{ id: string }>`
      UPDATE users u SET display_name = v.name, email = v.email, person_id = v.person::uuid
      FROM (${values(batch.map((a) => [a.id, a.displayName, a.email, a.personId]))}) AS v (id, name, email, person)
      WHERE u.id = v.id::uuid AND u.tenant_id = ${tenantId}
        AND (u.display_name, u.email, u.person_id) IS DISTINCT FROM (v.name, v.email, v.person::uuid)
      RETURNING u.id`.execute(trx);
    for (const r of result.rows) changed.add(r.id);
  }
  const grants = accounts.flatMap((a) => a.grants
    .filter((g) => !(existing.get(a.username)?.grants ?? []).some((h) => h.role === g.role && h.organisationId === g.organisationId))
    .map((g) => ({ userId: a.id, ...g })));
  for (const batch of chunks(grants, WRITE_CHUNK)) {
    await trx.insertInto('role_grants').values(batch.map((g) => ({
      tenant_id: tenantId, id: options.newId(), user_id: g.userId, role: g.role, organisation_id: g.organisationId,
      granted_by: options.actorUserId, created_at: now,
    }))).execute();
    for (const g of batch) if (!created.has(g.userId)) changed.add(g.userId);
  }
  return { created, changed, grants: grants.length };
}
