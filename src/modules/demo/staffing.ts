// Who works where in the demo province: named people (behind the demo accounts and the councils) with
// their full histories, and staffing slots that the generator fills with generated people.
import type { Gender } from './names.ts';

/** [organisation key, position, start, end] — isLeader is derived from the position (isLeaderPosition). */
export type FixedJob = readonly [string, string, string, string | null];

export interface FixedPerson {
  key: string;
  familyName: string;
  middleName: string;
  givenName: string;
  gender: Gender;
  birthYear: number;
  ethnicity: string;
  /** Ê Đê order: Y Bhin Niê (prefix, given, clan). */
  clanLast?: boolean;
  jobs: readonly FixedJob[];
}

const F = 'female';
const M = 'male';

export const FIXED_PEOPLE: readonly FixedPerson[] = [
  { key: 'p-ct-tinh', familyName: 'Lê', middleName: 'Quang', givenName: 'Thành', gender: M, birthYear: 1968, ethnicity: 'Kinh', jobs: [
    ['stc', 'Giám đốc Sở', '2010-03-01', '2016-04-30'],
    ['ubnd-tinh', 'Phó Chủ tịch UBND tỉnh', '2016-05-01', '2020-10-31'],
    ['ubnd-tinh', 'Chủ tịch UBND tỉnh', '2020-11-01', null]] },
  { key: 'p-pct-tinh', familyName: 'Phạm', middleName: 'Thị Thanh', givenName: 'Hương', gender: F, birthYear: 1972, ethnicity: 'Kinh', jobs: [
    ['svh', 'Giám đốc Sở', '2015-01-01', '2021-06-30'],
    ['ubnd-tinh', 'Phó Chủ tịch UBND tỉnh', '2021-07-01', null]] },
  { key: 'p-gd-snv', familyName: 'Trần', middleName: 'Đức', givenName: 'Hải', gender: M, birthYear: 1970, ethnicity: 'Kinh', jobs: [
    ['snv', 'Phó Giám đốc Sở', '2012-01-01', '2018-12-31'],
    ['snv', 'Giám đốc Sở', '2019-01-01', null]] },
  { key: 'p-tb-tdkt', familyName: 'Nguyễn', middleName: 'Thị Thu', givenName: 'Hà', gender: F, birthYear: 1975, ethnicity: 'Kinh', jobs: [
    ['ban-tdkt', 'Phó Trưởng ban', '2013-06-01', '2019-12-31'],
    ['ban-tdkt', 'Trưởng ban', '2020-01-01', null]] },
  { key: 'p-ptb-tdkt', familyName: 'Vũ', middleName: 'Minh', givenName: 'Tuấn', gender: M, birthYear: 1982, ethnicity: 'Kinh', jobs: [
    ['ban-tdkt', 'Chuyên viên chính', '2012-04-01', '2020-02-29'],
    ['ban-tdkt', 'Phó Trưởng ban', '2020-03-01', null]] },
  { key: 'p-cv-tdkt', familyName: 'Đỗ', middleName: 'Thị Mai', givenName: 'Anh', gender: F, birthYear: 1990, ethnicity: 'Kinh', jobs: [
    ['snv-vp', 'Chuyên viên', '2014-09-01', '2017-02-28'],
    ['ban-tdkt', 'Chuyên viên', '2017-03-01', null]] },
  { key: 'p-cvp-ubnd', familyName: 'Bùi', middleName: 'Văn', givenName: 'Dũng', gender: M, birthYear: 1974, ethnicity: 'Kinh', jobs: [
    ['vp-th', 'Chuyên viên chính', '2011-08-01', '2015-12-31'],
    ['vp-ubnd', 'Phó Chánh Văn phòng', '2016-01-01', '2019-04-30'],
    ['vp-ubnd', 'Chánh Văn phòng', '2019-05-01', null]] },
  { key: 'p-gd-sgd', familyName: 'Ngô', middleName: 'Thị Kim', givenName: 'Oanh', gender: F, birthYear: 1971, ethnicity: 'Kinh', jobs: [
    ['sgd-thpt', 'Phó Hiệu trưởng', '2008-08-01', '2013-07-31'],
    ['sgddt', 'Phó Giám đốc Sở', '2013-08-01', '2019-12-31'],
    ['sgddt', 'Giám đốc Sở', '2020-01-01', null]] },
  { key: 'p-cb-sgd', familyName: 'Lê', middleName: 'Thị Ngọc', givenName: 'Ánh', gender: F, birthYear: 1988, ethnicity: 'Kinh', jobs: [
    ['sgd-vp', 'Chuyên viên', '2012-09-01', null]] },
  { key: 'p-cv-sgd', familyName: 'Dương', middleName: 'Thị', givenName: 'Hạ', gender: F, birthYear: 1994, ethnicity: 'Kinh', jobs: [
    ['sgd-thpt', 'Giáo viên', '2017-09-01', '2019-07-31'],
    ['sgd-gdtrh', 'Chuyên viên', '2019-08-01', null]] },
  // The same name with the two tone placements (Hòa, Hoà) in two different units.
  { key: 'p-hoa-stc', familyName: 'Nguyễn', middleName: 'Văn', givenName: 'Hòa', gender: M, birthYear: 1979, ethnicity: 'Kinh', jobs: [
    ['stc-qlns', 'Chuyên viên', '2008-03-01', '2016-12-31'],
    ['stc-qlns', 'Chuyên viên chính', '2017-01-01', null]] },
  { key: 'p-hoa-thpt', familyName: 'Nguyễn', middleName: 'Văn', givenName: 'Hoà', gender: M, birthYear: 1986, ethnicity: 'Kinh', jobs: [
    ['sgd-thpt', 'Giáo viên', '2009-09-01', null]] },
  { key: 'p-gd-syt', familyName: 'Hồ', middleName: 'Quang', givenName: 'Vinh', gender: M, birthYear: 1969, ethnicity: 'Kinh', jobs: [
    ['syt-bvdk', 'Phó Giám đốc Bệnh viện', '2011-01-01', '2017-06-30'],
    ['syt', 'Giám đốc Sở', '2017-07-01', null]] },
  { key: 'p-gd-stc', familyName: 'Đặng', middleName: 'Hữu', givenName: 'Nghĩa', gender: M, birthYear: 1970, ethnicity: 'Kinh', jobs: [
    ['stc', 'Phó Giám đốc Sở', '2012-05-01', '2016-04-30'],
    ['stc', 'Giám đốc Sở', '2016-05-01', null]] },
  { key: 'p-gd-svh', familyName: 'Lường', middleName: 'Văn', givenName: 'Chiến', gender: M, birthYear: 1976, ethnicity: 'Thái', jobs: [
    ['svh-bt', 'Phó Giám đốc Bảo tàng', '2010-02-01', '2016-12-31'],
    ['svh', 'Phó Giám đốc Sở', '2017-01-01', '2021-06-30'],
    ['svh', 'Giám đốc Sở', '2021-07-01', null]] },
  { key: 'p-ct-ldld', familyName: 'Huỳnh', middleName: 'Thị', givenName: 'Lan', gender: F, birthYear: 1973, ethnicity: 'Kinh', jobs: [
    ['ldld', 'Phó Chủ tịch', '2012-10-01', '2018-09-30'],
    ['ldld', 'Chủ tịch', '2018-10-01', null]] },
  { key: 'p-cht-qs', familyName: 'Hoàng', middleName: 'Văn', givenName: 'Thắng', gender: M, birthYear: 1970, ethnicity: 'Kinh', jobs: [
    ['bchqs', 'Phó Chỉ huy trưởng', '2013-04-01', '2019-03-31'],
    ['bchqs', 'Chỉ huy trưởng', '2019-04-01', null]] },
  { key: 'p-ct-mk', familyName: 'Cầm', middleName: 'Văn', givenName: 'Inh', gender: M, birthYear: 1971, ethnicity: 'Thái', jobs: [
    ['h-mk', 'Phó Chủ tịch UBND huyện', '2011-05-01', '2016-06-30'],
    ['h-mk', 'Chủ tịch UBND huyện', '2016-07-01', '2025-06-30'],
    ['x-mk', 'Chủ tịch UBND xã', '2025-07-01', null]] },
  { key: 'p-tp-nv-mk', familyName: 'Hà', middleName: 'Thị', givenName: 'Thoa', gender: F, birthYear: 1980, ethnicity: 'Tày', jobs: [
    ['h-mk-pnv', 'Phó Trưởng phòng', '2014-01-01', '2019-12-31'],
    ['h-mk-pnv', 'Trưởng phòng', '2020-01-01', '2025-06-30'],
    ['x-mk-vhxh', 'Trưởng phòng', '2025-07-01', null]] },
  { key: 'p-cb-huyen', familyName: 'Lý', middleName: 'Thị Hồng', givenName: 'Nhung', gender: F, birthYear: 1991, ethnicity: 'Kinh', jobs: [
    ['h-mk-pnv', 'Chuyên viên', '2016-03-01', '2025-06-30'],
    ['x-mk-vhxh', 'Chuyên viên', '2025-07-01', null]] },
  { key: 'p-cb-xa', familyName: 'Sùng', middleName: 'A', givenName: 'Dế', gender: M, birthYear: 1989, ethnicity: 'Mông', jobs: [
    ['x-nt', 'Công chức Văn phòng – Thống kê', '2013-10-01', '2025-06-30'],
    ['x-mk-vp', 'Chuyên viên', '2025-07-01', null]] },
  { key: 'p-ct-nl', familyName: 'Trần', middleName: 'Văn', givenName: 'Long', gender: M, birthYear: 1969, ethnicity: 'Kinh', jobs: [
    ['h-nl', 'Phó Chủ tịch UBND huyện', '2010-06-01', '2015-12-31'],
    ['h-nl', 'Chủ tịch UBND huyện', '2016-01-01', '2025-06-30'],
    ['snv', 'Phó Giám đốc Sở', '2025-07-01', null]] },
  { key: 'p-tp-nv-nl', familyName: 'Phạm', middleName: 'Thị', givenName: 'Thủy', gender: F, birthYear: 1978, ethnicity: 'Kinh', jobs: [
    ['h-nl-pnv', 'Trưởng phòng', '2017-09-01', '2025-06-30'],
    ['x-nl-vhxh', 'Trưởng phòng', '2025-07-01', null]] },
  // Old-style tone placement of Thủy.
  { key: 'p-thuy-bv', familyName: 'Nguyễn', middleName: 'Thị', givenName: 'Thuỷ', gender: F, birthYear: 1984, ethnicity: 'Kinh', jobs: [
    ['syt-bvdk', 'Điều dưỡng', '2008-06-01', null]] },
  { key: 'p-ede-bv', familyName: 'Niê', middleName: 'Y', givenName: 'Bhin', gender: M, birthYear: 1985, ethnicity: 'Ê Đê', clanLast: true, jobs: [
    ['syt-ttyt', 'Bác sĩ', '2011-09-01', '2018-12-31'],
    ['syt-bvdk', 'Bác sĩ', '2019-01-01', null]] },
  { key: 'p-khmer-svh', familyName: 'Thạch', middleName: 'Thị', givenName: 'Sa Ry', gender: F, birthYear: 1992, ethnicity: 'Khmer', jobs: [
    ['svh-qlvh', 'Chuyên viên', '2016-08-01', null]] },
];

const LEADER = /^(Phó )?(Giám đốc|Trưởng phòng|Trưởng ban|Trưởng khoa|Chánh Văn phòng|Chủ tịch|Hiệu trưởng|Chỉ huy trưởng|Chính ủy)/;

/** Heads and deputies of an organisation or sub-unit; not Trưởng bản, Kế toán trưởng. */
export function isLeaderPosition(position: string): boolean {
  return LEADER.test(position);
}

/** Where someone in an organisation abolished by a reform continues: [organisation key, position]. */
export type Next = readonly [string, string];

export interface Slot {
  org: string;
  position: string;
  count: number;
  /** Share of women among generated holders (default 0.5). */
  female?: number;
  /** For abolished organisations: where the holders continue, cycled by holder index. */
  next?: readonly Next[];
}

function slots(org: string, list: readonly (readonly [string, number, number?])[]): Slot[] {
  return list.map(([position, count, female]) => (female === undefined ? { org, position, count } : { org, position, count, female }));
}

const CV = 'Chuyên viên';
const CVC = 'Chuyên viên chính';
const TP = 'Trưởng phòng';
const PTP = 'Phó Trưởng phòng';
const PGD = 'Phó Giám đốc Sở';

function ended(org: string, list: readonly (readonly [string, number, readonly Next[]])[]): Slot[] {
  return list.map(([position, count, next]) => ({ org, position, count, next }));
}

/** The six posts of an old commune and where each goes in the new commune `to`. */
function oldCommune(org: string, to: string, chair: Next, deputy: Next, skipOffice = false): Slot[] {
  return ended(org, [
    ['Chủ tịch UBND xã', 1, [chair]],
    ['Phó Chủ tịch UBND xã', 1, [deputy]],
    ...(skipOffice ? [] : [['Công chức Văn phòng – Thống kê', 1, [[`${to}-vp`, CV]]] as const]),
    ['Công chức Tài chính – Kế toán', 1, [[`${to}-kt`, CV]]],
    ['Công chức Địa chính – Xây dựng', 1, [[`${to}-kt`, CV]]],
    ['Công chức Văn hóa – Xã hội', 1, [[`${to}-vhxh`, CV]]],
  ]);
}

export const SLOTS: readonly Slot[] = [
  ...slots('ubnd-tinh', [['Phó Chủ tịch UBND tỉnh', 2, 0.3]]),
  ...slots('vp-ubnd', [['Phó Chánh Văn phòng', 2], [CV, 3]]),
  ...slots('vp-hctc', [[TP, 1], [CV, 4], ['Văn thư', 2, 0.8], ['Kế toán', 2, 0.8]]),
  ...slots('vp-th', [[TP, 1], [CVC, 2], [CV, 6]]),
  ...slots('vp-kt', [[TP, 1], [CVC, 1], [CV, 4]]),
  ...slots('vp-ttpv', [['Giám đốc Trung tâm', 1], ['Viên chức', 6, 0.7]]),
  ...slots('snv', [[PGD, 1]]),
  ...slots('ban-tdkt', [[CVC, 2], [CV, 4]]),
  ...slots('snv-vp', [['Chánh Văn phòng', 1], [CV, 3], ['Kế toán', 1, 0.8], ['Văn thư', 1, 0.8]]),
  ...slots('snv-xdcq', [[TP, 1], [CV, 5]]),
  ...slots('sgddt', [[PGD, 2]]),
  ...slots('sgd-vp', [['Chánh Văn phòng', 1], [CV, 3], ['Kế toán', 2, 0.8], ['Văn thư', 1, 0.8]]),
  ...slots('sgd-gdtrh', [[TP, 1], [CVC, 1], [CV, 4]]),
  ...slots('sgd-thpt', [['Hiệu trưởng', 1], ['Phó Hiệu trưởng', 1], ['Giáo viên', 25, 0.65], ['Kế toán', 1, 0.8], ['Văn thư', 1, 0.8]]),
  ...slots('syt', [[PGD, 1]]),
  ...slots('syt-nvy', [[TP, 1], [CV, 4]]),
  ...slots('syt-bvdk', [
    ['Giám đốc Bệnh viện', 1], ['Phó Giám đốc Bệnh viện', 1], ['Trưởng khoa', 2], ['Bác sĩ', 14],
    ['Điều dưỡng', 11, 0.85], ['Dược sĩ', 2, 0.6], ['Kế toán', 1, 0.8],
  ]),
  ...slots('syt-ttyt', [['Giám đốc Trung tâm', 1], ['Bác sĩ', 5], ['Điều dưỡng', 5, 0.85], ['Y sĩ', 2]]),
  ...slots('stc', [[PGD, 1]]),
  ...slots('stc-vp', [['Chánh Văn phòng', 1], ['Kế toán', 2, 0.8], ['Văn thư', 1, 0.8], [CV, 2]]),
  ...slots('stc-qlns', [[TP, 1], [CVC, 1], [CV, 4]]),
  ...slots('svh', [[PGD, 1]]),
  ...slots('svh-qlvh', [[TP, 1], [CV, 4]]),
  ...slots('svh-bt', [['Giám đốc Bảo tàng', 1], ['Viên chức', 5]]),
  ...ended('snnptnt', [['Giám đốc Sở', 1, [['snnmt', 'Giám đốc Sở']]], [PGD, 1, [['snnmt', PGD]]], [CV, 6, [['snnmt', CV]]]]),
  ...ended('stnmt', [['Giám đốc Sở', 1, [['snnmt', PGD]]], [CV, 6, [['snnmt', CV]]]]),
  ...slots('ldld', [['Phó Chủ tịch', 1], [CV, 5], ['Kế toán', 1, 0.8]]),
  ...slots('bchqs', [['Chính ủy', 1, 0], ['Phó Chỉ huy trưởng', 1, 0], ['Trợ lý', 6, 0.15]]),
  ...slots('cty-xskt', [['Giám đốc Công ty', 1], ['Kế toán trưởng', 1, 0.8], ['Nhân viên', 5]]),
  ...slots('cty-capnuoc', [['Giám đốc Công ty', 1], ['Kế toán', 1, 0.8], ['Nhân viên', 5, 0.3]]),
  ...slots('htx-che', [['Giám đốc Hợp tác xã', 1], ['Kế toán', 1, 0.8], ['Thành viên Hợp tác xã', 4]]),

  // District Mường Khoa (highlands) and its communes, until 2025-06-30.
  ...ended('h-mk', [['Phó Chủ tịch UBND huyện', 2, [['x-pl', 'Phó Chủ tịch UBND xã'], ['snv-xdcq', PTP]]]]),
  ...ended('h-mk-pnv', [[PTP, 1, [['x-pl-vhxh', TP]]], [CV, 1, [['x-pl-vhxh', CV]]]]),
  ...ended('h-mk-vp', [
    ['Chánh Văn phòng', 1, [['x-mk-vp', 'Chánh Văn phòng']]],
    [CV, 3, [['x-mk-vp', CV], ['x-mk-kt', CV]]],
    ['Văn thư', 1, [['x-mk-vp', 'Văn thư']]],
  ]),
  ...ended('h-mk-pgd', [[TP, 1, [['sgd-gdtrh', PTP]]], [CV, 2, [['x-mk-vhxh', CV], ['x-pl-vhxh', CV]]]]),
  ...oldCommune('x-ck', 'x-mk', ['x-mk', 'Phó Chủ tịch UBND xã'], ['x-mk-kt', TP]),
  ...oldCommune('x-nt', 'x-mk', ['x-mk', 'Phó Chủ tịch UBND xã'], ['x-mk-kt', CV], true),
  ...oldCommune('x-ph', 'x-pl', ['x-pl', 'Chủ tịch UBND xã'], ['x-pl-vp', 'Chánh Văn phòng']),
  ...ended('tdp-napuc', [['Trưởng bản', 1, [['tdp-napuc-2', 'Trưởng bản']]]]),

  // District Ngọc Lâm and its communes, until 2025-06-30.
  ...ended('h-nl', [['Phó Chủ tịch UBND huyện', 2, [['x-nl', 'Chủ tịch UBND xã'], ['stc-qlns', PTP]]]]),
  ...ended('h-nl-pnv', [[PTP, 1, [['x-nl-vhxh', PTP]]], [CV, 2, [['x-nl-vhxh', CV], ['x-pl-vhxh', CV]]]]),
  ...ended('h-nl-vp', [
    ['Chánh Văn phòng', 1, [['x-nl-vp', 'Chánh Văn phòng']]],
    [CV, 3, [['x-nl-vp', CV], ['x-nl-kt', CV], ['vp-hctc', CV]]],
    ['Văn thư', 1, [['x-nl-vp', 'Văn thư']]],
  ]),
  ...oldCommune('x-nl-cu', 'x-nl', ['x-nl', 'Phó Chủ tịch UBND xã'], ['x-nl-kt', TP]),
  ...oldCommune('x-bt', 'x-nl', ['x-nl', 'Phó Chủ tịch UBND xã'], ['x-nl-kt', CV]),
  ...oldCommune('x-pl-cu', 'x-pl', ['x-pl', 'Phó Chủ tịch UBND xã'], ['x-pl-kt', TP]),
  ...ended('tdp-tanlap', [['Trưởng thôn', 1, [['tdp-tanlap-2', 'Trưởng thôn']]]]),
];

/** Where a Chuyên viên may have come from: the old communes and district offices. */
export const FEEDER_ORGS: readonly string[] = ['x-ck', 'x-nt', 'x-ph', 'x-nl-cu', 'x-bt', 'x-pl-cu', 'h-mk-vp', 'h-nl-vp', 'h-mk-pgd'];
