import type { Kysely } from 'kysely';
import type { Database, Role } from '../platform/db/schema.ts';
import { uuidv7 } from '../platform/ids.ts';
import { hashPassword } from '../platform/auth/passwords.ts';
import { organisationRow } from '../modules/organisations/index.ts';
import type { OrganisationInput } from '../modules/organisations/index.ts';
import { nameColumns } from '../modules/people/index.ts';
import { isDirectWorker } from '../modules/people/index.ts';

/** Small factories for tests: each writes real rows the way the app does, with defaults you can override. */
type Db = Kysely<Database>;
const NOW = new Date('2026-11-21T03:00:00Z');

export async function buildTenant(db: Db, code = `t${Math.random().toString(36).slice(2, 8)}`) {
  const id = uuidv7();
  await db.insertInto('tenants').values({ id, code, name: `Tỉnh ${code}`, kind: 'province' }).execute();
  return { id, code };
}

export interface BuiltOrganisation { id: string; path: string; tenantId: string; name: string }

export async function buildOrganisation(db: Db, tenantId: string, parent: BuiltOrganisation | null,
  overrides: Partial<OrganisationInput> = {}): Promise<BuiltOrganisation> {
  const id = uuidv7();
  const input: OrganisationInput = {
    parentId: parent?.id ?? null, name: `Đơn vị ${id.slice(-6)}`, kind: parent ? 'department' : 'peoples_committee',
    level: 'province', validFrom: '2008-01-01', ...overrides,
  };
  const row = organisationRow(tenantId, id, parent?.path ?? null, input, NOW);
  await db.insertInto('organisations').values(row).execute();
  return { id, path: row.path, tenantId, name: input.name };
}

/**
 * A new tenant with a small province: its people's committee, the education department with a school
 * (a public service unit) under it, and the health department.
 */
export async function buildSonHaProvince(db: Db) {
  const tenantId = (await buildTenant(db)).id;
  const province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh Sơn Hà' });
  const education = await buildOrganisation(db, tenantId, province, { name: 'Sở Giáo dục và Đào tạo' });
  const school = await buildOrganisation(db, tenantId, education, { name: 'Trường THPT Chuyên Sơn Hà', kind: 'public_service_unit' });
  const health = await buildOrganisation(db, tenantId, province, { name: 'Sở Y tế' });
  return { tenantId, province, education, school, health };
}

export interface EmploymentSpec { organisation: BuiltOrganisation; position?: string; isLeader?: boolean; start?: string; end?: string | null }

export async function buildPerson(db: Db, tenantId: string, fullName: string, employments: EmploymentSpec[] = [],
  overrides: { gender?: 'male' | 'female'; birthYear?: number; ethnicity?: string } = {}) {
  const id = uuidv7();
  await db.insertInto('people').values({
    tenant_id: tenantId, id, ...nameColumns(fullName), gender: overrides.gender ?? 'male', birth_year: overrides.birthYear ?? 1980,
    ethnicity: overrides.ethnicity ?? 'Kinh', created_at: NOW, updated_at: NOW,
  }).execute();
  for (const e of employments) {
    await db.insertInto('employments').values({
      tenant_id: tenantId, id: uuidv7(), person_id: id, organisation_id: e.organisation.id, position: e.position ?? 'Chuyên viên',
      is_leader: e.isLeader ?? false, is_direct_worker: isDirectWorker(e.position ?? 'Chuyên viên', e.isLeader ?? false), start_date: e.start ?? '2015-01-01', end_date: e.end ?? null, created_at: NOW,
    }).execute();
  }
  return { id, fullName };
}

export const TEST_PASSWORD = 'mat-khau-thu-nghiem';
let passwordHash: Promise<string> | undefined;

export async function buildUser(db: Db, tenantId: string, role: Role, organisation: BuiltOrganisation,
  options: { username?: string; personId?: string | null } = {}) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const id = uuidv7();
  const username = options.username ?? `${role}.${id.slice(-8)}`;
  await db.insertInto('users').values({
    id, tenant_id: tenantId, username, display_name: `Người dùng ${username}`, password_hash: await passwordHash,
    person_id: options.personId ?? null, created_at: NOW,
  }).execute();
  await db.insertInto('role_grants').values({
    tenant_id: tenantId, id: uuidv7(), user_id: id, role, organisation_id: organisation.id, granted_by: null, created_at: NOW,
  }).execute();
  return { id, username };
}
