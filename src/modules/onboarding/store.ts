import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database, Role } from '../../platform/db/schema.ts';
import { chunks } from '../../platform/spreadsheets/import-run.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { textSortKey } from '../../platform/vn/sort.ts';
import { nameColumns } from '../people/index.ts';
import type { ExistingAccount, PlannedAccount } from './accounts.ts';
import type { ExistingEmployment, ExistingPerson, PlannedEmployment, PlannedPerson } from './people.ts';
import type { ExistingUnit, PlannedUnit, UnitPlan } from './units.ts';
import type { ExistingResident, PlannedResidence } from './residents.ts';
import type { ExistingHousehold, PlannedHousehold } from './households.ts';

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
      UPDATE people SET ${sql.join(PERSON_COLUMNS.map((c) => sql`${sql.ref(c)} = v.${sql.ref(c)}`))}, updated_at = ${now}::timestamptz,
        version = people.version + 1
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
      UPDATE employments e SET position = v.position, is_leader = v.leader, is_direct_worker = v.direct, end_date = v.end_date,
        version = e.version + 1
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
      UPDATE users u SET display_name = v.name, email = v.email, person_id = v.person::uuid, version = u.version + 1
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

// ── councils and clusters ──────────────────────────────────────────────────────────────────────

/** Councils by code, with the path of the unit each belongs to. */
export async function councilsByCode(db: Db, tenantId: string, codes: readonly string[]) {
  const out: { id: string; code: string; path: string }[] = [];
  for (const part of chunks([...new Set(codes)], CODE_CHUNK)) {
    const rows = await db.selectFrom('councils as c')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.organisation_id'))
      .select(['c.id', 'c.code', 'o.path']).where('c.tenant_id', '=', tenantId).where('c.code', 'in', part).execute();
    for (const r of rows) out.push({ id: r.id, code: r.code!, path: r.path });
  }
  return out;
}

/** Clusters by code, with their organiser's path and whether they were dissolved. */
export async function clustersByCode(db: Db, tenantId: string, codes: readonly string[]) {
  const out: { id: string; code: string; organiserId: string; path: string; closedOn: string | null }[] = [];
  for (const part of chunks([...new Set(codes)], CODE_CHUNK)) {
    const rows = await db.selectFrom('clusters as c')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'c.tenant_id').onRef('o.id', '=', 'c.organiser_id'))
      .select(['c.id', 'c.code', 'c.organiser_id', 'c.closed_on', 'o.path']).where('c.tenant_id', '=', tenantId).where('c.code', 'in', part).execute();
    for (const r of rows) out.push({ id: r.id, code: r.code!, organiserId: r.organiser_id, path: r.path, closedOn: r.closed_on });
  }
  return out;
}

/**
 * People written as an HR code or an account's username: the tenant's people the actor reaches through
 * an employment (person.read), and accounts of any tenant, so that another organisation's account is
 * named as such rather than as unknown.
 */
export async function peopleByCodeOrUsername(db: Db, tenantId: string, keys: readonly string[], canRead: (path: string) => boolean) {
  const out = new Map<string, { personId: string } | { problem: 'registry.row.member_other_tenant' | 'registry.row.account_without_person' }>();
  const reachable = async (ids: string[]) => {
    const seen = new Set<string>();
    for (const part of chunks([...new Set(ids)], CODE_CHUNK)) {
      const rows = await db.selectFrom('employments as e')
        .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
        .select(['e.person_id', 'o.path']).where('e.tenant_id', '=', tenantId).where('e.person_id', 'in', part).execute();
      for (const r of rows) if (canRead(r.path)) seen.add(r.person_id);
    }
    return seen;
  };
  const unique = [...new Set(keys)];
  const byCode = new Map<string, string>();
  for (const part of chunks(unique, CODE_CHUNK)) {
    const rows = await db.selectFrom('people').select(['id', 'code']).where('tenant_id', '=', tenantId).where('code', 'in', part).execute();
    for (const r of rows) byCode.set(r.code!, r.id);
  }
  const byUsername = new Map<string, { tenantId: string; personId: string | null }>();
  for (const part of chunks([...new Set(unique.map((k) => k.toLowerCase()))], CODE_CHUNK)) {
    const rows = await db.selectFrom('users').select(['username', 'tenant_id', 'person_id']).where('username', 'in', part).execute();
    for (const r of rows) byUsername.set(r.username, { tenantId: r.tenant_id, personId: r.person_id });
  }
  const inScope = await reachable([...byCode.values(), ...[...byUsername.values()].filter((u) => u.tenantId === tenantId && u.personId).map((u) => u.personId!)]);
  for (const key of unique) {
    const coded = byCode.get(key);
    if (coded) { if (inScope.has(coded)) out.set(key, { personId: coded }); continue; }
    const account = byUsername.get(key.toLowerCase());
    if (!account) continue;
    if (account.tenantId !== tenantId) out.set(key, { problem: 'registry.row.member_other_tenant' });
    else if (!account.personId) out.set(key, { problem: 'registry.row.account_without_person' });
    else if (inScope.has(account.personId)) out.set(key, { personId: account.personId });
  }
  return out;
}

/** The years in which each person sat on a council of the tenant (any day of the year within the council's and their own term). */
export async function councilYearsOf(db: Db, tenantId: string, personIds: readonly string[], years: readonly number[]) {
  const out = new Map<string, Set<number>>();
  if (personIds.length === 0 || years.length === 0) return out;
  const rows = await db.selectFrom('council_members as m')
    .innerJoin('councils as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.council_id'))
    .select(['m.person_id', 'c.valid_from', 'c.valid_to', 'm.term_from', 'm.term_to'])
    .where('m.tenant_id', '=', tenantId).where('m.person_id', 'in', [...new Set(personIds)]).execute();
  for (const r of rows) {
    const from = [r.valid_from, r.term_from].filter((d): d is string => !!d).sort().at(-1)!;
    const to = [r.valid_to, r.term_to].filter((d): d is string => !!d).sort()[0] ?? null;
    for (const year of years) {
      if (from <= `${year}-12-31` && (to === null || to >= `${year}-01-01`)) out.set(r.person_id, (out.get(r.person_id) ?? new Set()).add(year));
    }
  }
  return out;
}

/** The clusters and blocks these units belong to in these years. */
export async function clusterMembershipsOf(db: Db, tenantId: string, organisationIds: readonly string[], years: readonly number[]) {
  if (organisationIds.length === 0 || years.length === 0) return [];
  const out: { organisationId: string; year: number; kind: 'cluster' | 'block'; clusterId: string; clusterName: string; clusterCode: string | null }[] = [];
  for (const part of chunks([...new Set(organisationIds)], CODE_CHUNK)) {
    const rows = await db.selectFrom('cluster_members as m')
      .innerJoin('clusters as c', (j) => j.onRef('c.tenant_id', '=', 'm.tenant_id').onRef('c.id', '=', 'm.cluster_id'))
      .select(['m.organisation_id', 'm.year', 'c.kind', 'c.id', 'c.name', 'c.code'])
      .where('m.tenant_id', '=', tenantId).where('m.organisation_id', 'in', part).where('m.year', 'in', [...new Set(years)]).execute();
    for (const r of rows) out.push({ organisationId: r.organisation_id, year: r.year, kind: r.kind, clusterId: r.id, clusterName: r.name, clusterCode: r.code });
  }
  return out;
}

export interface CouncilWrite {
  id: string; code: string | null; name: string; organisationId: string; level: string | null; validFrom: string; validTo: string | null;
  establishedBy: string;
  members: { personId: string; role: string; title: string; termFrom: string | null; termTo: string | null }[];
}

/**
 * Councils with their whole membership: new ones inserted, changed ones updated, members not listed
 * removed; a council whose row or members changed gets its version raised (the edit screens' lock).
 * Answers the councils created and changed, and the members added, changed and removed.
 */
export async function writeCouncils(trx: Db, tenantId: string, councils: readonly CouncilWrite[], now: Date) {
  const created = new Set<string>();
  const changed = new Set<string>();
  const members = { created: 0, changed: 0, removed: 0 };
  const COLUMNS = ['code', 'name', 'organisation_id', 'level', 'valid_from', 'valid_to', 'established_by'] as const;
  for (const batch of chunks(councils, WRITE_CHUNK)) {
    const rows = batch.map((c) => [tenantId, c.id, c.code, c.name, c.organisationId, c.level, c.validFrom, c.validTo, c.establishedBy, now]);
    const result = await sql<{ id: string; inserted: boolean }>`
      INSERT INTO councils (tenant_id, id, ${sql.join(COLUMNS.map((c) => sql.ref(c)))}, updated_at)
      ${values(rows)}
      ON CONFLICT (tenant_id, id) DO UPDATE SET ${sql.join(COLUMNS.map((c) => sql`${sql.ref(c)} = EXCLUDED.${sql.ref(c)}`))}
      WHERE (${sql.join(COLUMNS.map((c) => sql`councils.${sql.ref(c)}`))}) IS DISTINCT FROM (${sql.join(COLUMNS.map((c) => sql`EXCLUDED.${sql.ref(c)}`))})
      RETURNING id, (xmax = 0) AS inserted`.execute(trx);
    for (const r of result.rows) (r.inserted ? created : changed).add(r.id);
    const listed = batch.flatMap((c) => c.members.map((m) => [c.id, m.personId]));
    const removed = await sql<{ council_id: string }>`
      DELETE FROM council_members m WHERE m.tenant_id = ${tenantId} AND m.council_id = ANY(${batch.map((c) => c.id)}::uuid[])
        ${listed.length > 0 ? sql`AND (m.council_id, m.person_id) NOT IN (SELECT v.c::uuid, v.p::uuid FROM (${values(listed)}) AS v (c, p))` : sql``}
      RETURNING m.council_id`.execute(trx);
    members.removed += removed.rows.length;
    for (const r of removed.rows) if (!created.has(r.council_id)) changed.add(r.council_id);
    for (const part of chunks(batch.flatMap((c) => c.members.map((m) => [tenantId, c.id, m.personId, m.role, m.title, m.termFrom, m.termTo])), WRITE_CHUNK)) {
      const written = await sql<{ council_id: string; inserted: boolean }>`
        INSERT INTO council_members (tenant_id, council_id, person_id, role, title, term_from, term_to)
        ${values(part)}
        ON CONFLICT (tenant_id, council_id, person_id) DO UPDATE SET role = EXCLUDED.role, title = EXCLUDED.title,
          term_from = EXCLUDED.term_from, term_to = EXCLUDED.term_to
        WHERE (council_members.role, council_members.title, council_members.term_from, council_members.term_to)
          IS DISTINCT FROM (EXCLUDED.role, EXCLUDED.title, EXCLUDED.term_from, EXCLUDED.term_to)
        RETURNING council_id, (xmax = 0) AS inserted`.execute(trx);
      for (const r of written.rows) {
        if (r.inserted) members.created++; else members.changed++;
        if (!created.has(r.council_id)) changed.add(r.council_id);
      }
    }
  }
  if (changed.size > 0) {
    await trx.updateTable('councils').set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where('tenant_id', '=', tenantId).where('id', 'in', [...changed]).execute();
  }
  return { created, changed, members };
}

export interface ClusterWrite {
  id: string; code: string | null; name: string; kind: 'cluster' | 'block'; organiserId: string; year: number; followerId: string | null;
  members: { organisationId: string; role: 'head' | 'deputy' | 'member' }[];
}

/**
 * Clusters and blocks with a year's membership each: the cluster inserted or updated, the year's
 * members not listed removed, the others added or changed, the year's follower set (or removed when
 * none is named); a cluster whose row, members or follower changed gets its version raised.
 */
export async function writeClusters(trx: Db, tenantId: string, years: readonly ClusterWrite[], now: Date) {
  const created = new Set<string>();
  const changed = new Set<string>();
  const members = { created: 0, changed: 0, removed: 0 };
  const COLUMNS = ['code', 'name', 'name_fold', 'kind', 'organiser_id'] as const;
  const clusters = [...new Map(years.map((y) => [y.id, y])).values()];
  for (const batch of chunks(clusters, WRITE_CHUNK)) {
    const rows = batch.map((c) => [tenantId, c.id, c.code, c.name, foldVietnamese(c.name), c.kind, c.organiserId, now, now]);
    const result = await sql<{ id: string; inserted: boolean }>`
      INSERT INTO clusters (tenant_id, id, ${sql.join(COLUMNS.map((c) => sql.ref(c)))}, created_at, updated_at)
      ${values(rows)}
      ON CONFLICT (tenant_id, id) DO UPDATE SET ${sql.join(COLUMNS.map((c) => sql`${sql.ref(c)} = EXCLUDED.${sql.ref(c)}`))}
      WHERE (${sql.join(COLUMNS.map((c) => sql`clusters.${sql.ref(c)}`))}) IS DISTINCT FROM (${sql.join(COLUMNS.map((c) => sql`EXCLUDED.${sql.ref(c)}`))})
      RETURNING id, (xmax = 0) AS inserted`.execute(trx);
    for (const r of result.rows) (r.inserted ? created : changed).add(r.id);
  }
  const touched = (id: string) => { if (!created.has(id)) changed.add(id); };
  for (const batch of chunks(years, WRITE_CHUNK)) {
    const pairs = batch.map((y) => [y.id, y.year]);
    const listed = batch.flatMap((y) => y.members.map((m) => [y.id, y.year, m.organisationId]));
    const removed = await sql<{ cluster_id: string }>`
      DELETE FROM cluster_members m USING (${values(pairs)}) AS k (c, y)
      WHERE m.tenant_id = ${tenantId} AND m.cluster_id = k.c::uuid AND m.year = k.y::int
        ${listed.length > 0 ? sql`AND (m.cluster_id, m.year, m.organisation_id) NOT IN (SELECT v.c::uuid, v.y::int, v.o::uuid FROM (${values(listed)}) AS v (c, y, o))` : sql``}
      RETURNING m.cluster_id`.execute(trx);
    members.removed += removed.rows.length;
    for (const r of removed.rows) touched(r.cluster_id);
    for (const part of chunks(batch.flatMap((y) => y.members.map((m) => [tenantId, y.id, y.year, m.organisationId, m.role])), WRITE_CHUNK)) {
      const written = await sql<{ cluster_id: string; inserted: boolean }>`
        INSERT INTO cluster_members (tenant_id, cluster_id, year, organisation_id, role)
        ${values(part)}
        ON CONFLICT (tenant_id, cluster_id, year, organisation_id) DO UPDATE SET role = EXCLUDED.role
        WHERE cluster_members.role IS DISTINCT FROM EXCLUDED.role
        RETURNING cluster_id, (xmax = 0) AS inserted`.execute(trx);
      for (const r of written.rows) { if (r.inserted) members.created++; else members.changed++; touched(r.cluster_id); }
    }
    const dropped = await sql<{ cluster_id: string }>`
      DELETE FROM cluster_followers f USING (${values(batch.map((y) => [y.id, y.year, y.followerId]))}) AS k (c, y, p)
      WHERE f.tenant_id = ${tenantId} AND f.cluster_id = k.c::uuid AND f.year = k.y::int AND f.person_id IS DISTINCT FROM k.p::uuid
      RETURNING f.cluster_id`.execute(trx);
    for (const r of dropped.rows) touched(r.cluster_id);
    const followed = batch.filter((y) => y.followerId);
    if (followed.length > 0) {
      const set = await sql<{ cluster_id: string }>`
        INSERT INTO cluster_followers (tenant_id, cluster_id, year, person_id)
        ${values(followed.map((y) => [tenantId, y.id, y.year, y.followerId]))}
        ON CONFLICT (tenant_id, cluster_id, year) DO NOTHING
        RETURNING cluster_id`.execute(trx);
      for (const r of set.rows) touched(r.cluster_id);
    }
  }
  if (changed.size > 0) {
    await trx.updateTable('clusters').set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
      .where('tenant_id', '=', tenantId).where('id', 'in', [...changed]).execute();
  }
  return { created, changed, members };
}

/** The councils of these units, with their terms. */
export async function councilsOfUnits(db: Db, tenantId: string, organisationIds: readonly string[]) {
  const out = new Map<string, { id: string; name: string; validFrom: string; validTo: string | null }[]>();
  for (const part of chunks([...new Set(organisationIds)], CODE_CHUNK)) {
    const rows = await db.selectFrom('councils').select(['id', 'name', 'organisation_id', 'valid_from', 'valid_to'])
      .where('tenant_id', '=', tenantId).where('organisation_id', 'in', part).execute();
    for (const r of rows) out.set(r.organisation_id, [...(out.get(r.organisation_id) ?? []), { id: r.id, name: r.name, validFrom: r.valid_from, validTo: r.valid_to }]);
  }
  return out;
}

// ── residents and households (issue 14.2) ───────────────────────────────────────────────────────

/** Units by code with what says whether each is a commune (residents and households belong to one). */
export async function communesByCode(db: Db, tenantId: string, codes: readonly string[]) {
  const out: { id: string; code: string; name: string; path: string; level: string; kind: string }[] = [];
  for (const part of chunks([...new Set(codes)], CODE_CHUNK)) {
    const rows = await db.selectFrom('organisations').select(['id', 'code', 'name', 'path', 'level', 'kind'])
      .where('tenant_id', '=', tenantId).where('code', 'in', part).execute();
    for (const r of rows) out.push({ ...r, code: r.code! });
  }
  return out;
}

/** The people with these codes, locked, with their residences and whether they have any employment. */
export async function lockResidentsByCode(trx: Db, tenantId: string, codes: readonly string[], canWrite: (path: string) => boolean) {
  const people = new Map<string, ExistingResident>();
  for (const part of chunks([...new Set(codes)], CODE_CHUNK)) {
    const rows = await sql<{ id: string; code: string; full_name: string; gender: 'male' | 'female'; birth_year: number | null; ethnicity: string; employed: boolean }>`
      SELECT p.id, p.code, p.full_name, p.gender, p.birth_year, p.ethnicity,
        EXISTS (SELECT 1 FROM employments e WHERE e.tenant_id = p.tenant_id AND e.person_id = p.id) AS employed
      FROM people p WHERE p.tenant_id = ${tenantId} AND p.code = ANY(${part}::text[]) FOR UPDATE`.execute(trx);
    if (rows.rows.length === 0) continue;
    const residences = await trx.selectFrom('residences as r')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'r.tenant_id').onRef('o.id', '=', 'r.organisation_id'))
      .select(['r.id', 'r.person_id', 'r.organisation_id', 'o.name', 'o.path', 'r.village', 'r.address', 'r.valid_from', 'r.valid_to'])
      .where('r.tenant_id', '=', tenantId).where('r.person_id', 'in', rows.rows.map((r) => r.id)).execute();
    for (const r of rows.rows) {
      const mine = residences.filter((x) => x.person_id === r.id);
      people.set(r.code, {
        id: r.id, code: r.code, fullName: r.full_name, gender: r.gender, birthYear: r.birth_year, ethnicity: r.ethnicity, employed: r.employed,
        writable: mine.length === 0 || mine.some((x) => canWrite(x.path)),
        residences: mine.map((x) => ({ id: x.id, organisationId: x.organisation_id, organisationName: x.name, village: x.village, address: x.address,
          validFrom: x.valid_from, validTo: x.valid_to })),
      });
    }
  }
  return people;
}

/** New residences inserted; known ones (person, commune, start) updated when their village, address or end differ. */
export async function upsertResidences(trx: Db, tenantId: string, residences: readonly PlannedResidence[], now: Date) {
  const created = new Set<string>();
  const changed = new Set<string>();
  for (const batch of chunks(residences.filter((r) => r.isNew), WRITE_CHUNK)) {
    await trx.insertInto('residences').values(batch.map((r) => ({
      tenant_id: tenantId, id: r.id, person_id: r.personId, organisation_id: r.organisationId, village: r.village, address: r.address,
      valid_from: r.validFrom, valid_to: r.validTo, created_at: now,
    }))).execute();
    for (const r of batch) created.add(r.id);
  }
  for (const batch of chunks(residences.filter((r) => !r.isNew), WRITE_CHUNK)) {
    const rows = batch.map((r) => [r.id, r.village, r.address, r.validTo]);
    const result = await sql<{ id: string }>`
      UPDATE residences r SET village = v.village, address = v.address, valid_to = v.valid_to::date, version = r.version + 1
      FROM (${values(rows)}) AS v (id, village, address, valid_to)
      WHERE r.tenant_id = ${tenantId} AND r.id = v.id::uuid
        AND (r.village, r.address, r.valid_to) IS DISTINCT FROM (v.village, v.address, v.valid_to::date)
      RETURNING r.id`.execute(trx);
    for (const r of result.rows) changed.add(r.id);
  }
  return { created, changed };
}

/** People by code whom the actor may read: through an employment or a residence. */
export async function readablePeopleByCode(db: Db, tenantId: string, codes: readonly string[], canRead: (path: string) => boolean) {
  const out = new Map<string, { id: string; fullName: string }>();
  for (const part of chunks([...new Set(codes)], CODE_CHUNK)) {
    const rows = await sql<{ id: string; code: string; full_name: string; path: string }>`
      SELECT p.id, p.code, p.full_name, o.path FROM people p
      JOIN (SELECT tenant_id, person_id, organisation_id FROM employments WHERE tenant_id = ${tenantId}
            UNION ALL SELECT tenant_id, person_id, organisation_id FROM residences WHERE tenant_id = ${tenantId}) m
        ON m.tenant_id = p.tenant_id AND m.person_id = p.id
      JOIN organisations o ON o.tenant_id = m.tenant_id AND o.id = m.organisation_id
      WHERE p.tenant_id = ${tenantId} AND p.code = ANY(${part}::text[])`.execute(db);
    for (const r of rows.rows) if (canRead(r.path)) out.set(r.code, { id: r.id, fullName: r.full_name });
  }
  return out;
}

/** Households with these codes, locked, with their members and whether the actor may write in their commune. */
export async function lockHouseholdsByCode(trx: Db, tenantId: string, codes: readonly string[], canWrite: (path: string) => boolean) {
  const out = new Map<string, ExistingHousehold>();
  for (const part of chunks([...new Set(codes)], CODE_CHUNK)) {
    const rows = await sql<{ id: string; code: string; organisation_id: string; village: string; address: string; head_person_id: string | null; path: string }>`
      SELECT h.id, h.code, h.organisation_id, h.village, h.address, h.head_person_id, o.path FROM households h
      JOIN organisations o ON o.tenant_id = h.tenant_id AND o.id = h.organisation_id
      WHERE h.tenant_id = ${tenantId} AND h.code = ANY(${part}::text[]) FOR UPDATE OF h`.execute(trx);
    if (rows.rows.length === 0) continue;
    const members = await trx.selectFrom('household_members').select(['household_id', 'person_id', 'relation'])
      .where('tenant_id', '=', tenantId).where('household_id', 'in', rows.rows.map((r) => r.id)).execute();
    for (const r of rows.rows) {
      out.set(r.code, {
        id: r.id, code: r.code, organisationId: r.organisation_id, village: r.village, address: r.address, headPersonId: r.head_person_id,
        writable: canWrite(r.path),
        members: members.filter((m) => m.household_id === r.id).map((m) => ({ personId: m.person_id, relation: m.relation })),
      });
    }
  }
  return out;
}

/** The planned households written: new ones inserted, changed ones updated with their members replaced; unchanged ones untouched. */
export async function writeHouseholds(trx: Db, tenantId: string, households: readonly PlannedHousehold[], now: Date) {
  const fresh = households.filter((h) => h.isNew);
  const changed = households.filter((h) => !h.isNew && !h.unchanged);
  for (const batch of chunks(fresh, WRITE_CHUNK)) {
    await trx.insertInto('households').values(batch.map((h) => ({
      tenant_id: tenantId, id: h.id, organisation_id: h.organisationId, code: h.code, head_person_id: h.headPersonId, head_name: h.headName,
      name_fold: foldVietnamese(h.headName), village: h.village, address: h.address, created_at: now, updated_at: now,
    }))).execute();
  }
  for (const batch of chunks(changed, WRITE_CHUNK)) {
    const rows = batch.map((h) => [h.id, h.organisationId, h.headPersonId, h.headName, foldVietnamese(h.headName), h.village, h.address]);
    await sql`
      UPDATE households h SET organisation_id = v.organisation_id::uuid, head_person_id = v.head::uuid, head_name = v.head_name,
        name_fold = v.name_fold, village = v.village, address = v.address, version = h.version + 1, updated_at = ${now}
      FROM (${values(rows)}) AS v (id, organisation_id, head, head_name, name_fold, village, address)
      WHERE h.tenant_id = ${tenantId} AND h.id = v.id::uuid`.execute(trx);
    await trx.deleteFrom('household_members').where('tenant_id', '=', tenantId).where('household_id', 'in', batch.map((h) => h.id)).execute();
  }
  const members = [...fresh, ...changed].flatMap((h) => h.members.map((m) => ({ tenant_id: tenantId, household_id: h.id, person_id: m.personId, relation: m.relation })));
  for (const batch of chunks(members, WRITE_CHUNK)) await trx.insertInto('household_members').values(batch).execute();
  return { created: fresh.length, updated: changed.length };
}
