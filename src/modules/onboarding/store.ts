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
 * to 1,000 rows per statement inside the import's one transaction, never a statement per row. A row
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
 * The people with these HR codes, locked for the rest of the import (two imports, or an officer
 * adding an employment meanwhile, cannot slip an overlapping employment in), with their employments.
 */
export async function lockPeopleByCode(trx: Db, tenantId: string, codes: readonly string[], canWrite: (path: string) => boolean) {
  const people = new Map<string, ExistingPerson>();
  for (const part of chunks([...new Set(codes)], CODE_CHUNK)) {
    const rows = await sql<{ id: string; code: string; full_name: string; gender: 'male' | 'female'; birth_year: number | null; ethnicity: string }>`
      SELECT id, code, full_name, gender, birth_year, ethnicity FROM people
      WHERE tenant_id = ${tenantId} AND code = ANY(${part}::text[]) FOR UPDATE`.execute(trx);
    if (rows.rows.length === 0) continue;
    const employments = await trx.selectFrom('employments as e')
      .innerJoin('organisations as o', (j) => j.onRef('o.tenant_id', '=', 'e.tenant_id').onRef('o.id', '=', 'e.organisation_id'))
      .select(['e.id', 'e.person_id', 'e.organisation_id', 'o.name', 'o.path', 'e.position', 'e.is_leader', 'e.is_direct_worker', 'e.start_date', 'e.end_date'])
      .where('e.tenant_id', '=', tenantId).where('e.person_id', 'in', rows.rows.map((r) => r.id)).execute();
    const byPerson = new Map<string, (ExistingEmployment & { path: string })[]>();
    for (const e of employments) {
      byPerson.set(e.person_id, [...(byPerson.get(e.person_id) ?? []), {
        id: e.id, organisationId: e.organisation_id, organisationName: e.name, path: e.path, position: e.position, isLeader: e.is_leader,
        isDirectWorker: e.is_direct_worker, startDate: e.start_date, endDate: e.end_date,
      }]);
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

const PERSON_COLUMNS = ['family_name', 'middle_name', 'given_name', 'full_name', 'name_fold', 'sort_key', 'gender', 'birth_year', 'ethnicity', 'code'] as const;

export async function upsertPeople(trx: Db, tenantId: string, people: readonly PlannedPerson[], now: Date) {
  const created = new Set<string>();
  const changed = new Set<string>();
  for (const batch of chunks(people, WRITE_CHUNK)) {
    const rows = batch.map((p) => {
      const n = nameColumns(p.fullName);
      return [tenantId, p.id, n.family_name, n.middle_name, n.given_name, n.full_name, n.name_fold, n.sort_key, p.gender, p.birthYear,
        p.ethnicity, p.code, now, now];
    });
    const result = await sql<{ id: string; inserted: boolean }>`
      INSERT INTO people (tenant_id, id, ${sql.join(PERSON_COLUMNS.map((c) => sql.ref(c)))}, created_at, updated_at)
      ${values(rows)}
      ON CONFLICT (tenant_id, id) DO UPDATE SET ${sql.join(PERSON_COLUMNS.map((c) => sql`${sql.ref(c)} = EXCLUDED.${sql.ref(c)}`))},
        updated_at = EXCLUDED.updated_at
      WHERE (${sql.join(PERSON_COLUMNS.map((c) => sql`people.${sql.ref(c)}`))})
        IS DISTINCT FROM (${sql.join(PERSON_COLUMNS.map((c) => sql`EXCLUDED.${sql.ref(c)}`))})
      RETURNING id, (xmax = 0) AS inserted`.execute(trx);
    for (const r of result.rows) (r.inserted ? created : changed).add(r.id);
  }
  return { created, changed };
}

/** New employments inserted; known ones (person, unit, start date) updated when something differs. */
export async function upsertEmployments(trx: Db, tenantId: string, employments: readonly PlannedEmployment[], now: Date) {
  const created = new Set<string>();
  const changed = new Set<string>();
  for (const batch of chunks(employments.filter((e) => e.isNew), WRITE_CHUNK)) {
    await trx.insertInto('employments').values(batch.map((e) => ({
      tenant_id: tenantId, id: e.id, person_id: e.personId, organisation_id: e.organisationId, position: e.position, is_leader: e.isLeader,
      is_direct_worker: e.isDirectWorker, start_date: e.startDate, end_date: e.endDate, created_at: now,
    }))).execute();
    for (const e of batch) created.add(e.id);
  }
  for (const batch of chunks(employments.filter((e) => !e.isNew), WRITE_CHUNK)) {
    const rows = batch.map((e) => [e.id, e.position, e.isLeader, e.isDirectWorker, e.endDate]);
    const result = await sql<{ id: string }>`
      UPDATE employments e SET position = v.position, is_leader = v.leader::boolean, is_direct_worker = v.direct::boolean, end_date = v.end_date::date
      FROM (${values(rows)}) AS v (id, position, leader, direct, end_date)
      WHERE e.tenant_id = ${tenantId} AND e.id = v.id::uuid
        AND (e.position, e.is_leader, e.is_direct_worker, e.end_date) IS DISTINCT FROM (v.position, v.leader::boolean, v.direct::boolean, v.end_date::date)
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
      UPDATE residences r SET village = v.village, address = v.address, valid_to = v.valid_to::date
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
