import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, addDays, buildDemoProvince, type DemoOrganisation } from './demo-data.ts';
import { BAN_TDKT, REFORM_END, REFORM_START, ROOT } from './organisations.ts';

const demo = buildDemoProvince();
const orgs = new Map(demo.organisations.map((o) => [o.key, o]));
const people = new Map(demo.people.map((p) => [p.key, p]));
const org = (key: string): DemoOrganisation => {
  const o = orgs.get(key);
  if (!o) throw new Error(`unknown organisation ${key}`);
  return o;
};
const validOn = (o: DemoOrganisation, date: string) => o.validFrom <= date && (o.validTo === null || o.validTo >= date);
const jobsOf = (personKey: string) => demo.employments.filter((e) => e.personKey === personKey);
const ancestors = (key: string): string[] => {
  const out: string[] = [];
  for (let k: string | null = key; k !== null; k = org(k).parentKey) out.push(k);
  return out;
};

function expectUnique(values: readonly string[]) {
  expect(new Set(values).size).toBe(values.length);
}

describe('buildDemoProvince', () => {
  it('is deterministic', () => {
    expect(buildDemoProvince()).toEqual(demo);
    expect(JSON.stringify(buildDemoProvince())).toBe(JSON.stringify(demo));
  });

  it('exports the fixed demo password and a province tenant', () => {
    expect(DEMO_PASSWORD).toBe('thidua2026');
    expect(demo.tenant).toEqual({ code: 'son-ha', name: 'Tỉnh Sơn Hà', kind: 'province' });
  });

  it('has unique keys everywhere', () => {
    expectUnique(demo.organisations.map((o) => o.key));
    expectUnique(demo.people.map((p) => p.key));
    expectUnique(demo.households.map((h) => h.key));
    expectUnique(demo.clusters.map((c) => c.key));
    expectUnique(demo.councils.map((c) => c.key));
    expectUnique(demo.accounts.map((a) => a.username));
  });

  it('resolves every reference', () => {
    for (const o of demo.organisations) {
      for (const ref of [o.parentKey, o.successorKey, o.standingAgencyKey]) if (ref !== null) expect(orgs.has(ref), `${o.key} → ${ref}`).toBe(true);
    }
    for (const e of demo.employments) {
      expect(people.has(e.personKey)).toBe(true);
      expect(orgs.has(e.organisationKey)).toBe(true);
    }
    for (const h of demo.households) expect(orgs.has(h.organisationKey)).toBe(true);
    for (const c of demo.clusters) {
      expect(orgs.has(c.organiserKey)).toBe(true);
      for (const y of c.years) {
        for (const m of y.members) expect(orgs.has(m.organisationKey)).toBe(true);
        if (y.followerPersonKey !== null) expect(people.has(y.followerPersonKey)).toBe(true);
      }
    }
    for (const c of demo.councils) {
      expect(orgs.has(c.organisationKey)).toBe(true);
      for (const m of c.members) expect(people.has(m.personKey)).toBe(true);
    }
    for (const a of demo.accounts) {
      expect(orgs.has(a.organisationKey)).toBe(true);
      if (a.personKey !== null) expect(people.has(a.personKey)).toBe(true);
    }
  });

  it('forms one tree without cycles, children living within their parents', () => {
    const roots = demo.organisations.filter((o) => o.parentKey === null);
    expect(roots.map((o) => o.key)).toEqual([ROOT]);
    for (const o of demo.organisations) {
      const seen = new Set<string>();
      for (let k: string | null = o.key; k !== null; k = org(k).parentKey) {
        expect(seen.has(k), `cycle through ${k}`).toBe(false);
        seen.add(k);
      }
      expect(seen.has(ROOT)).toBe(true);
      if (o.parentKey !== null) {
        const parent = org(o.parentKey);
        expect(o.validFrom >= parent.validFrom, o.key).toBe(true);
        if (parent.validTo !== null) expect(o.validTo !== null && o.validTo <= parent.validTo, o.key).toBe(true);
      }
      if (o.validTo !== null) expect(o.validTo >= o.validFrom).toBe(true);
    }
  });

  it('models the province, its departments and standing agencies', () => {
    const root = org(ROOT);
    expect(root).toMatchObject({ kind: 'peoples_committee', level: 'province', validFrom: '2008-01-01', standingAgencyKey: BAN_TDKT });
    expect(root.name.startsWith('Ủy ban nhân dân tỉnh ')).toBe(true);
    expect(org(BAN_TDKT)).toMatchObject({ name: 'Ban Thi đua – Khen thưởng', parentKey: 'snv', kind: 'sub_unit' });
    const departments = demo.organisations.filter((o) => o.kind === 'department');
    expect(departments.length).toBeGreaterThanOrEqual(6);
    for (const d of departments) expect(d.standingAgencyKey, d.key).toBe(BAN_TDKT);
    for (const kind of ['mass_organisation', 'armed_forces', 'enterprise', 'cooperative', 'residential_group', 'public_service_unit'] as const) {
      expect(demo.organisations.some((o) => o.kind === kind), kind).toBe(true);
    }
    const districts = demo.organisations.filter((o) => o.level === 'district' && o.kind === 'peoples_committee');
    expect(districts).toHaveLength(2);
    for (const d of districts) {
      expect(d.validTo).toBe(REFORM_END);
      const pnv = org(d.standingAgencyKey ?? '');
      expect(pnv.parentKey).toBe(d.key);
      expect(pnv.name.startsWith('Phòng Nội vụ')).toBe(true);
      const communes = demo.organisations.filter((o) => o.parentKey === d.key && o.kind === 'peoples_committee');
      expect(communes.length).toBeGreaterThanOrEqual(2);
      for (const c of communes) expect(c).toMatchObject({ level: 'commune', validTo: REFORM_END });
    }
    const newCommunes = demo.organisations.filter((o) => o.parentKey === ROOT && o.level === 'commune');
    expect(newCommunes.length).toBeGreaterThanOrEqual(2);
    for (const c of newCommunes) expect(c).toMatchObject({ validFrom: REFORM_START, validTo: null, kind: 'peoples_committee' });
  });

  it('gives every abolished organisation a successor valid the day after', () => {
    const abolished = demo.organisations.filter((o) => o.validTo !== null);
    expect(abolished.length).toBeGreaterThan(8);
    for (const o of abolished) {
      expect(o.successorKey, o.key).not.toBeNull();
      const successor = org(o.successorKey ?? '');
      expect(validOn(successor, addDays(o.validTo ?? '', 1)), `${o.key} → ${successor.key}`).toBe(true);
    }
    for (const d of demo.organisations.filter((o) => o.level === 'district' && o.kind === 'peoples_committee')) {
      expect(org(d.successorKey ?? '')).toMatchObject({ level: 'commune', kind: 'peoples_committee', parentKey: ROOT });
    }
    for (const o of demo.organisations.filter((x) => x.validTo === null)) expect(o.successorKey).toBeNull();
  });

  it('has unique, well-formed administrative and agency codes', () => {
    const adminCodes = demo.organisations.flatMap((o) => (o.adminCode === null ? [] : [o.adminCode]));
    const agencyCodes = demo.organisations.flatMap((o) => (o.agencyCode === null ? [] : [o.agencyCode]));
    expectUnique(adminCodes);
    expectUnique(agencyCodes);
    expect(agencyCodes.length).toBeGreaterThanOrEqual(5);
    for (const c of agencyCodes) expect(c).toMatch(/^\d{3}\.\d{2}\.\d{2}\.H\d{2}$/);
    expect(org(ROOT).adminCode).toMatch(/^\d{2}$/);
    for (const o of demo.organisations.filter((x) => x.kind === 'peoples_committee')) {
      const digits = { central: 0, province: 2, district: 3, commune: 5 }[o.level];
      expect(o.adminCode, o.key).toMatch(new RegExp(`^\\d{${digits}}$`));
    }
  });

  it('has about 300 people with realistic names', () => {
    expect(demo.people.length).toBeGreaterThanOrEqual(290);
    expect(demo.people.length).toBeLessThanOrEqual(320);
    for (const p of demo.people) {
      expect(p.birthYear).toBeGreaterThanOrEqual(1965);
      expect(p.birthYear).toBeLessThanOrEqual(2000);
      expect(p.fullName.normalize('NFC')).toBe(p.fullName);
      expect(p.fullName).toContain(p.familyName);
      expect(p.fullName).toContain(p.givenName);
    }
    const women = demo.people.filter((p) => p.gender === 'female').length / demo.people.length;
    expect(women).toBeGreaterThan(0.4);
    expect(women).toBeLessThan(0.6);
    const minorities = demo.people.filter((p) => p.ethnicity !== 'Kinh');
    const share = minorities.length / demo.people.length;
    expect(share).toBeGreaterThanOrEqual(0.12);
    expect(share).toBeLessThanOrEqual(0.18);
    expect(new Set(minorities.map((p) => p.ethnicity)).size).toBeGreaterThanOrEqual(5);
  });

  it('spells Hòa both ways, in different units', () => {
    const holders = (given: string) => demo.people.filter((p) => p.fullName.split(' ').includes(given));
    const hoa1 = holders('Hòa').find((p) => p.fullName === 'Nguyễn Văn Hòa');
    const hoa2 = holders('Hoà').find((p) => p.fullName === 'Nguyễn Văn Hoà');
    expect(hoa1).toBeDefined();
    expect(hoa2).toBeDefined();
    const unit = (key: string) => jobsOf(key).find((e) => e.endDate === null)?.organisationKey;
    expect(unit(hoa1?.key ?? '')).not.toBe(unit(hoa2?.key ?? ''));
  });

  it('gives everyone 1–3 ordered, non-overlapping employments within the organisations’ lives', () => {
    for (const p of demo.people) {
      const jobs = jobsOf(p.key);
      expect(jobs.length, p.key).toBeGreaterThanOrEqual(1);
      expect(jobs.length, p.key).toBeLessThanOrEqual(3);
      expect(jobs.at(-1)?.endDate, p.key).toBeNull();
      expect(Number(jobs[0]?.startDate.slice(0, 4)) - p.birthYear, p.key).toBeGreaterThanOrEqual(18);
      jobs.forEach((e, i) => {
        const o = org(e.organisationKey);
        expect(e.startDate >= o.validFrom, `${p.key} ${e.organisationKey}`).toBe(true);
        if (e.endDate !== null) expect(e.endDate >= e.startDate).toBe(true);
        if (o.validTo !== null) expect(e.endDate !== null && e.endDate <= o.validTo, `${p.key} ${o.key}`).toBe(true);
        const next = jobs[i + 1];
        if (next) {
          expect(e.endDate, p.key).not.toBeNull();
          expect((e.endDate ?? '') < next.startDate, p.key).toBe(true);
        }
      });
    }
  });

  it('moves the staff of abolished organisations to their successors the next day', () => {
    for (const e of demo.employments) {
      const o = org(e.organisationKey);
      if (o.validTo === null || e.endDate !== o.validTo) continue;
      const next = jobsOf(e.personKey).find((x) => x.startDate === addDays(o.validTo ?? '', 1));
      expect(next, `${e.personKey} leaving ${o.key}`).toBeDefined();
    }
  });

  it('staffs every organisation, with about a fifth of current posts held by leaders', () => {
    for (const o of demo.organisations) expect(demo.employments.some((e) => e.organisationKey === o.key), o.key).toBe(true);
    const current = demo.employments.filter((e) => e.endDate === null);
    const leaders = current.filter((e) => e.isLeader).length / current.length;
    expect(leaders).toBeGreaterThan(0.15);
    expect(leaders).toBeLessThan(0.3);
    expect(current.find((e) => e.position === 'Chủ tịch UBND tỉnh')?.isLeader).toBe(true);
    expect(current.filter((e) => e.position === 'Chuyên viên').every((e) => !e.isLeader)).toBe(true);
  });

  it('places 5–10 households in communes', () => {
    expect(demo.households.length).toBeGreaterThanOrEqual(5);
    expect(demo.households.length).toBeLessThanOrEqual(10);
    for (const h of demo.households) {
      expect(org(h.organisationKey)).toMatchObject({ level: 'commune', kind: 'peoples_committee' });
      expect(h.address).toMatch(/^(Thôn|Bản) .+, xã .+/);
    }
  });

  it('runs clusters and blocks 2022–2025 with one rotating head and a council member following', () => {
    const council = demo.councils.find((c) => c.organisationKey === ROOT);
    const followers = new Set(council?.members.map((m) => m.personKey));
    expect(demo.clusters.filter((c) => c.kind === 'cluster').length).toBeGreaterThanOrEqual(2);
    expect(demo.clusters.filter((c) => c.kind === 'block').length).toBeGreaterThanOrEqual(1);
    for (const c of demo.clusters) {
      expect(c.organiserKey).toBe(ROOT);
      expect(c.years.map((y) => y.year)).toEqual([2022, 2023, 2024, 2025]);
      const heads = c.years.map((y) => y.members.filter((m) => m.role === 'head').map((m) => m.organisationKey));
      for (const h of heads) expect(h).toHaveLength(1);
      expect(new Set(heads.flat()).size).toBeGreaterThan(1);
      for (const y of c.years) {
        expectUnique(y.members.map((m) => m.organisationKey));
        for (const m of y.members) {
          const o = org(m.organisationKey);
          expect(o.validFrom <= `${y.year}-12-31` && (o.validTo === null || o.validTo >= `${y.year}-01-01`), `${c.key} ${y.year} ${o.key}`).toBe(true);
        }
        expect(followers.has(y.followerPersonKey ?? '')).toBe(true);
      }
    }
    const districts = demo.clusters.find((c) => c.key === 'cum-huyen');
    expect(districts?.years.filter((y) => y.year < 2025).every((y) => y.members.every((m) => org(m.organisationKey).level === 'district'))).toBe(true);
    expect(districts?.years.find((y) => y.year === 2025)?.members.every((m) => org(m.organisationKey).level === 'commune')).toBe(true);
  });

  it('has TĐKT councils at the province, each district and the education department', () => {
    const at = (key: string) => demo.councils.filter((c) => c.organisationKey === key);
    expect(at(ROOT)).toHaveLength(1);
    expect(at('sgddt')).toHaveLength(1);
    for (const d of demo.organisations.filter((o) => o.level === 'district' && o.kind === 'peoples_committee')) {
      expect(at(d.key), d.key).toHaveLength(1);
      expect(at(d.key)[0]?.validTo).toBe(REFORM_END);
    }
    for (const c of demo.councils) {
      expectUnique(c.members.map((m) => m.personKey));
      expect(c.members.filter((m) => m.role === 'chair')).toHaveLength(1);
      expect(c.members.some((m) => m.role === 'secretary')).toBe(true);
      for (const m of c.members) {
        expect(m.title.length).toBeGreaterThan(0);
        const until = c.validTo ?? '9999-12-31';
        expect(jobsOf(m.personKey).some((e) => e.startDate <= until && (e.endDate === null || e.endDate >= c.validFrom)), m.personKey).toBe(true);
      }
    }
    const province = at(ROOT)[0];
    const roleOf = (position: string) => {
      const holder = demo.employments.find((e) => e.position === position && e.endDate === null);
      return province?.members.find((m) => m.personKey === holder?.personKey)?.role;
    };
    expect(roleOf('Chủ tịch UBND tỉnh')).toBe('chair');
    expect(province?.members.find((m) => m.title === 'Giám đốc Sở Nội vụ')?.role).toBe('vice_chair');
    expect(province?.members.find((m) => m.role === 'standing_member')?.title).toBe('Trưởng ban Thi đua – Khen thưởng');
  });

  it('has a demo account for every role, tied to the right people and units', () => {
    const roles = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member', 'individual'] as const;
    for (const role of roles) expect(demo.accounts.some((a) => a.role === role), role).toBe(true);
    for (const a of demo.accounts) {
      expect(a.username).toMatch(/^[a-z][a-z.]*$/);
      expect(a.description.length).toBeGreaterThan(0);
      if (a.personKey !== null) expect(a.displayName).toBe(people.get(a.personKey)?.fullName);
    }
    const acc = (username: string) => {
      const a = demo.accounts.find((x) => x.username === username);
      if (!a) throw new Error(username);
      return a;
    };
    const currentUnit = (personKey: string | null) => jobsOf(personKey ?? '').find((e) => e.endDate === null)?.organisationKey ?? '';
    expect(acc('quantri')).toMatchObject({ role: 'system_admin', organisationKey: ROOT, personKey: null });
    expect(acc('thuongtruc')).toMatchObject({ role: 'standing_officer', organisationKey: ROOT });
    expect(currentUnit(acc('thuongtruc').personKey)).toBe(BAN_TDKT);
    for (const u of ['canbo.sgd', 'thutruong.sgd']) {
      expect(acc(u).organisationKey).toBe('sgddt');
      expect(ancestors(currentUnit(acc(u).personKey))).toContain('sgddt');
    }
    expect(acc('canbo.sgd').role).toBe('unit_officer');
    expect(acc('thutruong.sgd').role).toBe('unit_head');
    expect(jobsOf(acc('thutruong.sgd').personKey ?? '').at(-1)).toMatchObject({ position: 'Giám đốc Sở', isLeader: true });
    const member = acc('hoidong');
    expect(member).toMatchObject({ role: 'council_member', organisationKey: ROOT });
    expect(demo.councils.find((c) => c.organisationKey === ROOT)?.members.some((m) => m.personKey === member.personKey)).toBe(true);
    const individual = acc('canhan');
    expect(individual.role).toBe('individual');
    expect(individual.organisationKey).toBe(currentUnit(individual.personKey));
    expect(ancestors(individual.organisationKey)).toContain('sgddt');
    expect(acc('canbo.huyen')).toMatchObject({ role: 'unit_officer' });
    expect(org(acc('canbo.huyen').organisationKey)).toMatchObject({ level: 'district', validTo: REFORM_END });
    expect(org(acc('canbo.xa').organisationKey)).toMatchObject({ level: 'commune', validFrom: REFORM_START, validTo: null });
  });

  it('writes all Vietnamese text in NFC', () => {
    const texts = [
      ...demo.organisations.flatMap((o) => [o.name, o.shortName ?? '']),
      ...demo.employments.map((e) => e.position),
      ...demo.households.flatMap((h) => [h.headName, h.address]),
      ...demo.councils.flatMap((c) => [c.name, c.establishedBy, ...c.members.map((m) => m.title)]),
      ...demo.clusters.map((c) => c.name),
      ...demo.accounts.flatMap((a) => [a.displayName, a.description]),
    ];
    for (const t of texts) expect(t.normalize('NFC')).toBe(t);
  });
});
