import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../testing/database.ts';
import { buildOrganisation, buildPerson, buildTenant, type BuiltOrganisation } from '../../testing/factories.ts';
import type { DatabaseHandle } from '../../platform/db/database.ts';
import type { Actor } from '../../platform/auth/policy.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { recordAwards } from '../awards/index.ts';
import { countedPrefixes, type CountedPrefix } from './scope.ts';
import { statistics } from './service.ts';

/**
 * The merged-organisation rule. What counts under a unit for a period is its subtree, plus every
 * unit merged into it (following successor links, and the merged unit's own sub-units that have no
 * successor of their own) whose validity overlaps the period. So a district abolished on 30/6/2025
 * counts under the commune that took it over in 2022 figures and in 2025 ones, under the province
 * always, and not under the commune in 2026 figures, where only what happened after the merger counts
 * — even an award made in 2026 to someone who retired from the district (their last unit).
 *
 *   province ─ education department
 *            ─ district (→ commune, until 30/6/2025)
 *                ─ home affairs office (→ the commune's culture office)   ─ education office (→ education department)
 *                ─ old commune K (→ commune) ─ hamlet (no successor)       ─ old commune K2 (→ commune 2)
 *            ─ commune (from 1/7/2025) ─ culture office                    ─ commune 2 (from 1/7/2025)
 */
let handle: DatabaseHandle;
let tenantId: string;
let province: BuiltOrganisation, education: BuiltOrganisation, district: BuiltOrganisation, homeAffairs: BuiltOrganisation;
let educationOffice: BuiltOrganisation, oldCommune: BuiltOrganisation, hamlet: BuiltOrganisation, oldCommune2: BuiltOrganisation;
let commune: BuiltOrganisation, cultureOffice: BuiltOrganisation, commune2: BuiltOrganisation;
let actor: Actor;
const NOW = new Date('2026-12-30T03:00:00Z');
const ENDED = { validTo: '2025-06-30' };
const FROM_REFORM = { validFrom: '2025-07-01' };

async function award(recipient: { personId: string } | { organisationId: string }, awardForm: string, year: number, decidedOn: string) {
  const id = uuidv7();
  await recordAwards(handle.db, tenantId, [{
    id, person_id: 'personId' in recipient ? recipient.personId : null,
    organisation_id: 'organisationId' in recipient ? recipient.organisationId : null, award_form: awardForm, year, basis: 'merit',
    movement_id: null, reason: '', decision_number: `${id.slice(-6)}/QĐ-UBND`, decided_on: decidedOn, decided_by: 'Chủ tịch UBND',
    revoked_on: null, revocation_number: null, verification_code: null, created_by: null, created_at: NOW, updated_at: NOW,
  }]);
}

beforeAll(async () => {
  handle = await openTestDatabase();
  const db = handle.db;
  tenantId = (await buildTenant(db)).id;
  province = await buildOrganisation(db, tenantId, null, { name: 'Ủy ban nhân dân tỉnh' });
  education = await buildOrganisation(db, tenantId, province, { name: 'Sở Giáo dục và Đào tạo' });
  commune = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã Mới', kind: 'peoples_committee', level: 'commune', ...FROM_REFORM });
  cultureOffice = await buildOrganisation(db, tenantId, commune, { name: 'Phòng Văn hóa – Xã hội xã Mới', kind: 'sub_unit', level: 'commune', ...FROM_REFORM });
  commune2 = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân xã Mới Hai', kind: 'peoples_committee', level: 'commune', ...FROM_REFORM });
  district = await buildOrganisation(db, tenantId, province, { name: 'Ủy ban nhân dân huyện Cũ', kind: 'peoples_committee', level: 'district', ...ENDED, successorId: commune.id });
  homeAffairs = await buildOrganisation(db, tenantId, district, { name: 'Phòng Nội vụ huyện Cũ', kind: 'sub_unit', level: 'district', ...ENDED, successorId: cultureOffice.id });
  educationOffice = await buildOrganisation(db, tenantId, district, { name: 'Phòng Giáo dục huyện Cũ', kind: 'sub_unit', level: 'district', ...ENDED, successorId: education.id });
  oldCommune = await buildOrganisation(db, tenantId, district, { name: 'Ủy ban nhân dân xã K', kind: 'peoples_committee', level: 'commune', ...ENDED, successorId: commune.id });
  hamlet = await buildOrganisation(db, tenantId, oldCommune, { name: 'Bản Nà', kind: 'residential_group', level: 'commune', ...ENDED });
  oldCommune2 = await buildOrganisation(db, tenantId, district, { name: 'Ủy ban nhân dân xã K2', kind: 'peoples_committee', level: 'commune', ...ENDED, successorId: commune2.id });

  // 2022: each old unit's collective award, and a district official's title
  for (const o of [district, homeAffairs, educationOffice, oldCommune, hamlet, oldCommune2]) {
    await award({ organisationId: o.id }, 'giay_khen', 2022, '2023-01-10');
  }
  const official = await buildPerson(db, tenantId, 'Lò Văn Chức', [
    { organisation: district, start: '2015-01-01', end: '2025-06-30' }, { organisation: commune, start: '2025-07-01' },
  ]);
  await award({ personId: official.id }, 'lao_dong_tien_tien', 2022, '2023-01-10');
  // 2025, before the merger: a commune K official's award
  const communeOfficial = await buildPerson(db, tenantId, 'Quàng Thị Xã', [{ organisation: oldCommune, start: '2018-01-01', end: '2025-06-30' }], { gender: 'female', ethnicity: 'Thái' });
  await award({ personId: communeOfficial.id }, 'giay_khen', 2025, '2025-03-01');
  // 2026: the new commune's own award, and a long-service medal for someone who retired from the district in 2024
  const newOfficial = await buildPerson(db, tenantId, 'Vì Văn Mới', [{ organisation: commune, start: '2025-07-01' }]);
  await award({ personId: newOfficial.id }, 'lao_dong_tien_tien', 2026, '2026-12-20');
  const retired = await buildPerson(db, tenantId, 'Cầm Văn Hưu', [{ organisation: district, start: '1990-01-01', end: '2024-12-31' }]);
  await award({ personId: retired.id }, 'huan_chuong_lao_dong_hang_ba', 2026, '2026-09-02');

  actor = {
    userId: uuidv7(), tenantId, username: 'thuongtruc', displayName: 'Thường trực', personId: null,
    grants: [{ id: uuidv7(), role: 'standing_officer', organisationId: province.id, organisationName: province.name, path: province.path }],
  };
});
afterAll(async () => { await handle.close(); });

const prefixes = async (root: BuiltOrganisation, fromYear: number, toYear = fromYear) =>
  (await countedPrefixes(handle.db, tenantId, root.id, { fromYear, toYear })).sort((a, b) => a.path.localeCompare(b.path));
const subtree = (o: BuiltOrganisation): CountedPrefix => ({ path: o.path, subtree: true });
const itself = (o: BuiltOrganisation): CountedPrefix => ({ path: o.path, subtree: false });
const sorted = (list: CountedPrefix[]) => [...list].sort((a, b) => a.path.localeCompare(b.path));
const total = async (root: BuiltOrganisation, fromYear: number, toYear = fromYear) =>
  (await statistics(handle.db, actor, { organisationId: root.id, fromYear, toYear }, NOW)).totals.total;

describe('what counts under a unit across the 2025 reorganisation', () => {
  it('countedPrefixes: the successor\'s subtree, the district itself (some of its units went elsewhere), and the units that came whole', async () => {
    expect(await prefixes(commune, 2022)).toEqual(sorted([subtree(commune), itself(district), subtree(homeAffairs), subtree(oldCommune)]));
    expect(await prefixes(education, 2022)).toEqual(sorted([subtree(education), subtree(educationOffice)]));
    expect(await prefixes(province, 2022)).toEqual([subtree(province)]);
  });

  it('a district abolished in 2025 still counts in 2022 figures, under its successor and under the province', async () => {
    // the district, its official, its home affairs office, commune K and its hamlet; not K2 (→ commune 2) nor the education office (→ the department)
    expect(await total(commune, 2022)).toBe(5);
    expect(await total(commune2, 2022)).toBe(1);
    expect(await total(education, 2022)).toBe(1);
    expect(await total(province, 2022)).toBe(7);
  });

  it('in 2025 the old units still existed: their awards count under the successor', async () => {
    expect(await total(commune, 2025)).toBe(1);
  });

  it('after the merger only what happened after counts: not the district, even for an award to someone who retired from it', async () => {
    expect(await prefixes(commune, 2026)).toEqual([subtree(commune)]);
    expect(await prefixes(education, 2026)).toEqual([subtree(education)]);
    expect(await total(commune, 2026)).toBe(1);
    expect(await total(province, 2026)).toBe(2);
    // a period that overlaps the district's life takes its history in, that award included
    expect(await total(commune, 2022, 2026)).toBe(5 + 1 + 2);
  });

  it('by unit: each child counts its own, so a merged unit shows in the old and the new row; the rest is the province\'s', async () => {
    const y2022 = await statistics(handle.db, actor, { organisationId: province.id, fromYear: 2022, toYear: 2022 }, NOW);
    expect(y2022.byUnit.map((u) => [u.organisation.name, u.total, u.rest])).toEqual([
      ['Sở Giáo dục và Đào tạo', 1, false], ['Ủy ban nhân dân huyện Cũ', 7, false],
    ]);
    const y2026 = await statistics(handle.db, actor, { organisationId: province.id, fromYear: 2026, toYear: 2026 }, NOW);
    expect(y2026.byUnit.map((u) => [u.organisation.name, u.total, u.rest])).toEqual([
      ['Sở Giáo dục và Đào tạo', 0, false], ['Ủy ban nhân dân xã Mới', 1, false], ['Ủy ban nhân dân xã Mới Hai', 0, false],
      // the retired district official's medal: the district no longer exists in 2026
      ['Ủy ban nhân dân tỉnh', 1, true],
    ]);
    const both = await statistics(handle.db, actor, { organisationId: province.id, fromYear: 2022, toYear: 2026 }, NOW);
    const row = (name: string) => both.byUnit.find((u) => u.organisation.name === name)!.total;
    expect(row('Ủy ban nhân dân huyện Cũ')).toBe(9);
    expect(row('Ủy ban nhân dân xã Mới')).toBe(8);
    expect(both.totals.total).toBe(10);
  });

  it('the merged units are named, with their last day', async () => {
    const r = await statistics(handle.db, actor, { organisationId: commune.id, fromYear: 2022, toYear: 2022 }, NOW);
    expect(r.mergedIn.map((u) => [u.name, u.validTo]).sort()).toEqual([
      ['Phòng Nội vụ huyện Cũ', '2025-06-30'], ['Ủy ban nhân dân huyện Cũ', '2025-06-30'], ['Ủy ban nhân dân xã K', '2025-06-30'],
    ]);
  });
});
