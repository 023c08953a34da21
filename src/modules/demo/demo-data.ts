// A pure, deterministic demo province for thi đua – khen thưởng: organisations (with the 2025 reform),
// about 300 people with employment histories, households, emulation clusters and blocks, TĐKT councils
// and one demo account per role. No I/O, no clock, no Math.random: a seeded mulberry32 drives every choice.
import type {
  DemoAccount, DemoCluster, DemoClusterYear, DemoCouncil, DemoEmployment, DemoHousehold,
  DemoOrganisation, DemoPerson, DemoProvince,
} from './types.ts';
import {
  HIGHLAND_ORGS, PROVINCE_NAME, REFORM_END, ROOT, TENANT_CODE, baseStaff, buildOrganisations, headTitle, titleOf,
} from './organisations.ts';
import { HIGHLAND_ETHNICITIES, LOWLAND_ETHNICITIES, fixedFullName, makeName, type Gender } from './names.ts';
import { Rng, addDays, item, maxDate, yearOf } from './random.ts';
import { FEEDER_ORGS, FIXED_PEOPLE, SLOTS, isLeaderPosition, type Slot } from './staffing.ts';

export type * from './types.ts';
export { addDays } from './random.ts';
export { titleOf } from './organisations.ts';

/** The password of every demo account; printed when the demo starts. Not a secret. */
export const DEMO_PASSWORD = 'thidua2026';

const SEED = 0x54_44_4b_54; // "TDKT"
const LAST_START_YEAR = 2024;
const NOW = '2025-12-01';
/** The day the Office's sub-units send their nominations (the Sơn La office review: before 21/5/2022). */
export const OFFICE_REVIEW_DAY = '2022-05-16';

interface Post { org: string; position: string }

class Tree {
  readonly byKey = new Map<string, DemoOrganisation>();
  readonly children = new Map<string, DemoOrganisation[]>();
  constructor(orgs: readonly DemoOrganisation[]) {
    for (const o of orgs) {
      this.byKey.set(o.key, o);
      if (o.parentKey) this.children.set(o.parentKey, [...(this.children.get(o.parentKey) ?? []), o]);
    }
  }
  get(key: string): DemoOrganisation {
    const o = this.byKey.get(key);
    if (!o) throw new Error(`unknown organisation ${key}`);
    return o;
  }
}

/** The rank-and-file post of an organisation. */

class Generator {
  readonly rng = new Rng(SEED);
  readonly tree: Tree;
  readonly people: DemoPerson[] = [];
  readonly employments: DemoEmployment[] = [];
  private readonly usedNames = new Set<string>();

  constructor(readonly organisations: DemoOrganisation[]) {
    this.tree = new Tree(organisations);
  }

  addFixedPeople(): void {
    for (const f of FIXED_PEOPLE) {
      const fullName = fixedFullName(f);
      this.usedNames.add(fullName);
      this.people.push({
        key: f.key, fullName, gender: f.gender, birthYear: f.birthYear, ethnicity: f.ethnicity,
        familyName: f.familyName, middleName: f.middleName, givenName: f.givenName,
      });
      for (const [org, position, startDate, endDate] of f.jobs) {
        this.tree.get(org);
        this.employments.push({ personKey: f.key, organisationKey: org, position, isLeader: isLeaderPosition(position), startDate, endDate });
      }
    }
  }

  addSlotPeople(): void {
    let n = 0;
    for (const slot of SLOTS) {
      for (let i = 0; i < slot.count; i++) {
        n += 1;
        this.addSlotPerson(`p-${String(n).padStart(3, '0')}`, slot, i);
      }
    }
  }

  private addSlotPerson(key: string, slot: Slot, index: number): void {
    const { rng } = this;
    const leader = isLeaderPosition(slot.position);
    const head = leader && !slot.position.startsWith('Phó ');
    const gender: Gender = rng.chance(slot.female ?? (leader ? 0.35 : 0.52)) ? 'female' : 'male';
    const birthYear = head ? rng.int(1966, 1980)
      : leader ? rng.int(1968, 1985)
      : /chính|trưởng|Trưởng/.test(slot.position) ? rng.int(1968, 1988)
      : rng.int(1972, 2000);
    const minority = rng.chance(HIGHLAND_ORGS.has(slot.org) ? 0.6 : 0.07);
    const ethnicity = minority ? rng.weighted(HIGHLAND_ORGS.has(slot.org) ? HIGHLAND_ETHNICITIES : LOWLAND_ETHNICITIES) : 'Kinh';
    let name = makeName(rng, gender, ethnicity);
    for (let tries = 0; this.usedNames.has(name.fullName) && tries < 20; tries++) name = makeName(rng, gender, ethnicity);
    this.usedNames.add(name.fullName);
    this.people.push({
      key, fullName: name.fullName, gender, birthYear, ethnicity,
      familyName: name.familyName, middleName: name.middleName, givenName: name.givenName,
    });
    this.addCareer(key, birthYear, slot, index, leader);
  }

  private previousPost(post: Post): Post | null {
    const { rng, tree } = this;
    const o = tree.get(post.org);
    if (post.position.startsWith('Phó ')) {
      if (o.key === ROOT) {
        const d = rng.pick((tree.children.get(ROOT) ?? []).filter((c) => c.kind === 'department' && c.validTo === null));
        return { org: d.key, position: `Phó ${headTitle(d)}` };
      }
      const subs = (tree.children.get(o.key) ?? []).filter((c) => c.kind === 'sub_unit');
      if (subs.length > 0 && (o.kind === 'department' || o.kind === 'peoples_committee')) {
        const c = rng.pick(subs);
        return { org: c.key, position: `Phó ${headTitle(c)}` };
      }
      const base = baseStaff(o);
      return { org: o.key, position: base === 'Chuyên viên' ? 'Chuyên viên chính' : base };
    }
    if (isLeaderPosition(post.position)) return { org: o.key, position: `Phó ${post.position}` };
    if (post.position === 'Chuyên viên chính') return { org: o.key, position: 'Chuyên viên' };
    if (post.position === 'Chuyên viên' && o.validTo === null && rng.chance(0.4)) {
      const f = tree.get(rng.pick(FEEDER_ORGS));
      return { org: f.key, position: baseStaff(f) };
    }
    if (post.position === 'Bác sĩ' && o.key === 'syt-bvdk' && rng.chance(0.4)) return { org: 'syt-ttyt', position: 'Bác sĩ' };
    return null;
  }

  private addCareer(personKey: string, birthYear: number, slot: Slot, index: number, leader: boolean): void {
    const { rng, tree } = this;
    const main: Post = { org: slot.org, position: slot.position };
    const mainOrg = tree.get(main.org);
    const next = mainOrg.validTo === null ? null : slot.next?.[index % slot.next.length];
    if (mainOrg.validTo !== null && !next) throw new Error(`no successor post for ${slot.org} ${slot.position}`);
    const firstYear = Math.min(Math.max(birthYear + 22 + rng.int(0, 4), 2008), LAST_START_YEAR);

    const roll = rng.int(0, 99);
    let wanted = leader ? (roll < 50 ? 1 : 2) : roll < 50 ? 0 : roll < 85 ? 1 : 2;
    if (next) wanted = Math.min(wanted, 1);
    const priors: Post[] = []; // backwards: priors[0] is the post just before main
    for (let p: Post | null = main; priors.length < wanted; ) {
      p = this.previousPost(p);
      if (!p) break;
      priors.push(p);
    }

    const vfYear = (post: Post) => yearOf(tree.get(post.org).validFrom);
    // Records start in 2008: older people appear from then on, some join later from outside the province.
    const firstStart = Math.min(firstYear + rng.int(0, 3) + (rng.chance(0.25) ? rng.int(0, 8) : 0), LAST_START_YEAR);
    // Start years, forwards from the first post; drop the earliest prior post until they fit before LAST_START_YEAR.
    const allocate = (): number[] | null => {
      const forwards = [...priors].reverse().concat(main);
      let y = Math.max(firstStart, vfYear(item(forwards, 0)));
      const years = [y];
      for (let k = 1; k < forwards.length; k++) {
        const step = Math.floor((LAST_START_YEAR - y) / (forwards.length - k));
        if (step < 1) return null;
        y = Math.max(y + rng.int(1, step), vfYear(item(forwards, k)));
        years.push(y);
      }
      return y <= LAST_START_YEAR ? years : null;
    };
    let years = allocate();
    while (!years) {
      priors.pop();
      years = allocate();
    }

    const posts = [...priors].reverse().concat(main);
    const starts = years.map((y, i) => {
      const month = String(rng.int(1, 12)).padStart(2, '0');
      return maxDate(`${y}-${month}-01`, tree.get(item(posts, i).org).validFrom);
    });
    posts.forEach((post, i) => {
      const following = starts[i + 1];
      const endDate = following ? addDays(following, -1) : mainOrg.validTo;
      this.employments.push({
        personKey, organisationKey: post.org, position: post.position,
        isLeader: isLeaderPosition(post.position), startDate: item(starts, i), endDate,
      });
    });
    if (next && mainOrg.validTo) {
      const [org, position] = next;
      this.tree.get(org);
      this.employments.push({
        personKey, organisationKey: org, position, isLeader: isLeaderPosition(position),
        startDate: addDays(mainOrg.validTo, 1), endDate: null,
      });
    }
  }

  /**
   * Who served in a post around a date: its holder then, else (a post vacant that day) the one who held it
   * last before, else the first to hold it after. For demo roles that must be filled on one day.
   */
  holderAround(org: string, position: string, date: string): string {
    const all = this.employments.filter((x) => x.organisationKey === org && x.position === position)
      .sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
    const now = all.find((x) => x.startDate <= date && (x.endDate === null || x.endDate >= date));
    const before = all.filter((x) => x.startDate <= date).at(-1);
    const chosen = now ?? before ?? all[0];
    if (!chosen) throw new Error(`nobody was ever ${position} of ${org}`);
    return chosen.personKey;
  }

  /** The person holding `position` in `org` on `date` (the first one, for posts with several holders). */
  holder(org: string, position: string, date: string): string {
    const e = this.employments.find(
      (x) => x.organisationKey === org && x.position === position && x.startDate <= date && (x.endDate === null || x.endDate >= date),
    );
    if (!e) throw new Error(`nobody is ${position} of ${org} on ${date}`);
    return e.personKey;
  }

  title(personKey: string, date: string): string {
    const e = this.employments.find(
      (x) => x.personKey === personKey && x.startDate <= date && (x.endDate === null || x.endDate >= date),
    );
    if (!e) throw new Error(`${personKey} has no post on ${date}`);
    return titleOf(e.position, this.tree.get(e.organisationKey));
  }
}

function buildHouseholds(g: Generator): DemoHousehold[] {
  const places: [string, string, string][] = [
    ['x-mk', 'Bản Nà Pục', 'Mường Khoa'], ['x-mk', 'Bản Huổi Một', 'Mường Khoa'], ['x-mk', 'Bản Co Sản', 'Mường Khoa'],
    ['x-nl', 'Thôn Tân Lập', 'Ngọc Lâm'], ['x-nl', 'Thôn Đồng Tâm', 'Ngọc Lâm'],
    ['x-pl', 'Thôn Phú Thịnh', 'Phú Lộc'], ['x-pl', 'Bản Pá Hốc', 'Phú Lộc'], ['x-pl', 'Thôn Bình Minh', 'Phú Lộc'],
  ];
  return places.map(([org, village, commune], i) => {
    const highland = village.startsWith('Bản');
    const ethnicity = highland ? g.rng.weighted(HIGHLAND_ETHNICITIES) : 'Kinh';
    const gender: Gender = g.rng.chance(0.3) ? 'female' : 'male';
    return {
      key: `hgd-${String(i + 1).padStart(2, '0')}`,
      organisationKey: org,
      headName: makeName(g.rng, gender, ethnicity).fullName,
      address: `${village}, xã ${commune}, tỉnh ${PROVINCE_NAME}`,
    };
  });
}

const CLUSTER_YEARS = [2022, 2023, 2024, 2025];

/** Council members who follow clusters, with the organisation each one leads. */
const FOLLOWERS: readonly (readonly [string, string])[] = [
  ['p-gd-sgd', 'sgddt'], ['p-gd-syt', 'syt'], ['p-gd-svh', 'svh'],
  ['p-cht-qs', 'bchqs'], ['p-cvp-ubnd', 'vp-ubnd'], ['p-gd-stc', 'stc'],
];

function buildClusters(): DemoCluster[] {
  const specs: [string, 'cluster' | 'block', string, (year: number) => string[]][] = [
    ['cum-huyen', 'cluster', 'Cụm thi đua các huyện, thành phố', (y) => (y < 2025 ? ['h-mk', 'h-nl'] : ['x-mk', 'x-nl', 'x-pl'])],
    ['cum-dn', 'cluster', 'Cụm thi đua các doanh nghiệp, hợp tác xã', () => ['cty-xskt', 'cty-capnuoc', 'htx-che']],
    ['khoi-tonghop', 'block', 'Khối các sở, ban, ngành tổng hợp',
      (y) => (y < 2025 ? ['vp-ubnd', 'snv', 'stc', 'snnptnt', 'stnmt'] : ['vp-ubnd', 'snv', 'stc', 'snnmt'])],
    ['khoi-vhxh', 'block', 'Khối các sở, ngành văn hóa – xã hội', () => ['sgddt', 'syt', 'svh']],
  ];
  return specs.map(([key, kind, name, membersOf], c) => ({
    key, organiserKey: ROOT, kind, name,
    years: CLUSTER_YEARS.map((year, j): DemoClusterYear => {
      const members = membersOf(year);
      const headAt = j % members.length;
      const deputyAt = (j + 1) % members.length;
      const candidates = FOLLOWERS.filter(([, org]) => !members.includes(org));
      return {
        year,
        members: members.map((organisationKey, i) => ({
          organisationKey,
          role: i === headAt ? 'head' : i === deputyAt ? 'deputy' : 'member',
        })),
        followerPersonKey: item(candidates, (c + j) % candidates.length)[0],
      };
    }),
  }));
}

function buildCouncils(g: Generator): DemoCouncil[] {
  type Role = DemoCouncil['members'][number]['role'];
  const members = (date: string, list: [string, Role][]) =>
    list.map(([personKey, role]) => ({ personKey, role, title: g.title(personKey, date) }));
  const h = (org: string, position: string, date: string) => g.holder(org, position, date);
  const office = (org: string, position: string) => g.holderAround(org, position, OFFICE_REVIEW_DAY);
  const D = REFORM_END;
  return [
    {
      key: 'hd-tinh', organisationKey: ROOT, name: `Hội đồng Thi đua – Khen thưởng tỉnh ${PROVINCE_NAME}`,
      establishedBy: 'Quyết định số 1234/QĐ-UBND ngày 15/9/2021 của Chủ tịch UBND tỉnh', validFrom: '2021-09-15', validTo: null,
      members: members(NOW, [
        ['p-ct-tinh', 'chair'], ['p-pct-tinh', 'vice_chair'], ['p-gd-snv', 'vice_chair'], ['p-ct-ldld', 'vice_chair'],
        ['p-tb-tdkt', 'standing_member'], ['p-cvp-ubnd', 'member'], ['p-gd-sgd', 'member'], ['p-gd-syt', 'member'],
        ['p-gd-stc', 'member'], ['p-gd-svh', 'member'], ['p-cht-qs', 'member'], ['p-ptb-tdkt', 'secretary'],
      ]),
    },
    {
      key: 'hd-mk', organisationKey: 'h-mk', name: 'Hội đồng Thi đua – Khen thưởng huyện Mường Khoa',
      establishedBy: 'Quyết định số 215/QĐ-UBND ngày 10/4/2020 của Chủ tịch UBND huyện Mường Khoa', validFrom: '2020-04-10', validTo: D,
      members: members(D, [
        [h('h-mk', 'Chủ tịch UBND huyện', D), 'chair'], [h('h-mk', 'Phó Chủ tịch UBND huyện', D), 'vice_chair'],
        [h('h-mk-pnv', 'Trưởng phòng', D), 'standing_member'], [h('h-mk-vp', 'Chánh Văn phòng', D), 'member'],
        [h('h-mk-pgd', 'Trưởng phòng', D), 'member'], [h('x-ck', 'Chủ tịch UBND xã', D), 'member'], ['p-cb-huyen', 'secretary'],
      ]),
    },
    {
      key: 'hd-nl', organisationKey: 'h-nl', name: 'Hội đồng Thi đua – Khen thưởng huyện Ngọc Lâm',
      establishedBy: 'Quyết định số 187/QĐ-UBND ngày 22/5/2020 của Chủ tịch UBND huyện Ngọc Lâm', validFrom: '2020-05-22', validTo: D,
      members: members(D, [
        [h('h-nl', 'Chủ tịch UBND huyện', D), 'chair'], [h('h-nl', 'Phó Chủ tịch UBND huyện', D), 'vice_chair'],
        [h('h-nl-pnv', 'Trưởng phòng', D), 'standing_member'], [h('h-nl-vp', 'Chánh Văn phòng', D), 'member'],
        [h('x-nl-cu', 'Chủ tịch UBND xã', D), 'member'], [h('h-nl-pnv', 'Chuyên viên', D), 'secretary'],
      ]),
    },
    {
      // the Office's own council (the Sơn La office review: the Office reviews its sub-units and proposes up to the province)
      key: 'hd-vp', organisationKey: 'vp-ubnd', name: 'Hội đồng Thi đua – Khen thưởng Văn phòng UBND tỉnh',
      establishedBy: 'Quyết định số 112/QĐ-VPUB ngày 20/8/2019 của Chánh Văn phòng UBND tỉnh', validFrom: '2019-08-20', validTo: null,
      members: members(OFFICE_REVIEW_DAY, [
        ['p-cvp-ubnd', 'chair'], [office('vp-ubnd', 'Phó Chánh Văn phòng'), 'vice_chair'],
        [office('vp-hctc', 'Trưởng phòng'), 'standing_member'], [office('vp-th', 'Trưởng phòng'), 'member'],
        [office('vp-kt', 'Trưởng phòng'), 'member'], [office('vp-hctc', 'Chuyên viên'), 'secretary'],
      ]),
    },
    {
      key: 'hd-sgd', organisationKey: 'sgddt', name: 'Hội đồng Thi đua – Khen thưởng Sở Giáo dục và Đào tạo',
      establishedBy: 'Quyết định số 356/QĐ-SGDĐT ngày 20/02/2022 của Giám đốc Sở Giáo dục và Đào tạo', validFrom: '2022-02-20', validTo: null,
      members: members(NOW, [
        ['p-gd-sgd', 'chair'], [h('sgddt', 'Phó Giám đốc Sở', NOW), 'vice_chair'],
        [h('sgd-vp', 'Chánh Văn phòng', NOW), 'standing_member'], [h('sgd-gdtrh', 'Trưởng phòng', NOW), 'member'],
        [h('sgd-thpt', 'Hiệu trưởng', NOW), 'member'], ['p-cb-sgd', 'secretary'],
      ]),
    },
  ];
}

function buildAccounts(g: Generator): DemoAccount[] {
  const name = (key: string) => {
    const p = g.people.find((x) => x.key === key);
    if (!p) throw new Error(`unknown person ${key}`);
    return p.fullName;
  };
  const office = (org: string, position: string) => g.holderAround(org, position, OFFICE_REVIEW_DAY);
  const account = (username: string, role: DemoAccount['role'], personKey: string, organisationKey: string, description: string): DemoAccount =>
    ({ username, displayName: name(personKey), personKey, role, organisationKey, description });
  return [
    { username: 'quantri', displayName: 'Quản trị hệ thống', personKey: null, role: 'system_admin', organisationKey: ROOT,
      description: `Quản trị hệ thống – UBND tỉnh ${PROVINCE_NAME}` },
    account('thuongtruc', 'standing_officer', 'p-cv-tdkt', ROOT,
      'Cán bộ Ban Thi đua – Khen thưởng, cơ quan thường trực Hội đồng Thi đua – Khen thưởng tỉnh'),
    account('canbo.sgd', 'unit_officer', 'p-cb-sgd', 'sgddt', 'Cán bộ TĐKT Sở Giáo dục và Đào tạo'),
    account('thutruong.sgd', 'unit_head', 'p-gd-sgd', 'sgddt', 'Giám đốc Sở Giáo dục và Đào tạo (thủ trưởng đơn vị)'),
    account('hoidong', 'council_member', 'p-gd-svh', ROOT,
      'Thành viên Hội đồng Thi đua – Khen thưởng tỉnh, Giám đốc Sở Văn hóa, Thể thao và Du lịch'),
    account('canhan', 'individual', 'p-cv-sgd', 'sgd-gdtrh', 'Chuyên viên Phòng Giáo dục Trung học, Sở Giáo dục và Đào tạo'),
    account('canbo.huyen', 'unit_officer', 'p-cb-huyen', 'h-mk', 'Cán bộ TĐKT Phòng Nội vụ huyện Mường Khoa (đến 30/6/2025)'),
    account('canbo.xa', 'unit_officer', 'p-cb-xa', 'x-mk', 'Cán bộ TĐKT UBND xã Mường Khoa'),
    // the Sơn La office review, the provincial Office's mid-term review (May 2022): a sub-unit nominates, the Office's
    // Phòng Hành chính – Tổ chức appraises, the Office council votes, the Chánh Văn phòng and the chairman decide
    account('canbo.vpkt', 'unit_officer', office('vp-kt', 'Chuyên viên'), 'vp-kt', 'Chuyên viên Phòng Kinh tế – Ngành, Văn phòng UBND tỉnh'),
    account('truongphong.vpkt', 'unit_head', office('vp-kt', 'Trưởng phòng'), 'vp-kt', 'Trưởng phòng Kinh tế – Ngành, Văn phòng UBND tỉnh'),
    account('thuongtruc.vp', 'standing_officer', office('vp-hctc', 'Trưởng phòng'), 'vp-ubnd',
      'Trưởng phòng Hành chính – Tổ chức, thường trực Hội đồng TĐKT Văn phòng UBND tỉnh'),
    account('chanhvp', 'unit_head', 'p-cvp-ubnd', 'vp-ubnd', 'Chánh Văn phòng UBND tỉnh, Chủ tịch Hội đồng TĐKT Văn phòng'),
    account('phochanhvp', 'council_member', office('vp-ubnd', 'Phó Chánh Văn phòng'), 'vp-ubnd', 'Phó Chánh Văn phòng UBND tỉnh, Phó Chủ tịch Hội đồng TĐKT Văn phòng'),
    account('truongphong.vpth', 'council_member', office('vp-th', 'Trưởng phòng'), 'vp-ubnd', 'Trưởng phòng Tổng hợp, thành viên Hội đồng TĐKT Văn phòng'),
    account('chutich', 'unit_head', 'p-ct-tinh', ROOT, `Chủ tịch UBND tỉnh ${PROVINCE_NAME}`),
  ];
}

export function buildDemoProvince(): DemoProvince {
  const g = new Generator(buildOrganisations());
  g.addFixedPeople();
  g.addSlotPeople();
  const byPerson = (a: DemoEmployment, b: DemoEmployment) =>
    (a.personKey < b.personKey ? -1 : a.personKey > b.personKey ? 1 : 0) || (a.startDate < b.startDate ? -1 : 1);
  return {
    tenant: { code: TENANT_CODE, name: `Tỉnh ${PROVINCE_NAME}`, kind: 'province' },
    organisations: g.organisations,
    people: g.people,
    employments: [...g.employments].sort(byPerson),
    households: buildHouseholds(g),
    clusters: buildClusters(),
    councils: buildCouncils(g),
    accounts: buildAccounts(g),
  };
}
