/**
 * The files a province brings on the day it goes live, generated deterministically: the units of a
 * province (Sở, ban, ngành with their phòng and public service units, mass organisations, the districts
 * abolished on 30/6/2025 and their communes, the communes created on 1/7/2025 — several old communes
 * merged into one, each district split among several communes), 3,000 people with their employments
 * (those of the old communes moved to the new ones on 1/7/2025), the accounts, the provincial council
 * and a cluster and a block for the year. Rows follow the onboarding templates' headers exactly.
 */
import type { Cell } from './support.ts';
export type { Cell };

export const UNIT_HEADERS = ['Mã đơn vị', 'Tên đơn vị', 'Tên viết tắt', 'Loại hình', 'Cấp hành chính', 'Mã đơn vị cấp trên', 'Mã hành chính',
  'Mã định danh', 'Hiệu lực từ ngày', 'Hiệu lực đến ngày', 'Mã đơn vị kế thừa', 'Ghi chú kế thừa'];
export const PEOPLE_HEADERS = ['Mã cán bộ', 'Họ và tên', 'Giới tính', 'Ngày sinh (hoặc năm sinh)', 'Dân tộc', 'Mã đơn vị', 'Chức vụ',
  'Lãnh đạo (Có/Không)', 'Trực tiếp lao động (Có/Không)', 'Từ ngày', 'Đến ngày'];
export const ACCOUNT_HEADERS = ['Tên đăng nhập', 'Họ và tên', 'Thư điện tử', 'Vai trò', 'Mã đơn vị', 'Mã cán bộ'];
export const COUNCIL_HEADERS = ['Mã hội đồng', 'Tên hội đồng', 'Mã đơn vị', 'Cấp', 'Nhiệm kỳ từ ngày', 'Nhiệm kỳ đến ngày', 'Quyết định thành lập',
  'Thành viên (mã cán bộ hoặc tên đăng nhập)', 'Chức danh trong Hội đồng', 'Chức vụ', 'Từ ngày', 'Đến ngày'];
export const CLUSTER_HEADERS = ['Mã cụm/khối', 'Tên cụm/khối', 'Loại', 'Năm', 'Mã đơn vị tổ chức', 'Mã đơn vị thành viên', 'Vai trò',
  'Thành viên Hội đồng theo dõi (mã cán bộ hoặc tên đăng nhập)'];

export const PROVINCE = 'Lâm Giang';
/** The code the administrator gives the root unit (setup creates it without one) so that files can name it. */
export const ROOT_CODE = 'UBND';
const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const ABOLISHED = d('2025-06-30');
const CREATED = d('2025-07-01');

/** A small deterministic generator (the same files on every run). */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  return { next, pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]! };
}

const DEPARTMENTS: [string, string, string[]][] = [
  ['SNV', 'Sở Nội vụ', ['Phòng Tổ chức, biên chế', 'Ban Thi đua - Khen thưởng']],
  ['STC', 'Sở Tài chính', ['Phòng Quản lý ngân sách', 'Phòng Đầu tư']],
  ['SGDDT', 'Sở Giáo dục và Đào tạo', ['Phòng Giáo dục phổ thông', 'Phòng Tổ chức cán bộ']],
  ['SYT', 'Sở Y tế', ['Phòng Nghiệp vụ Y', 'Phòng Tổ chức cán bộ']],
  ['SNNMT', 'Sở Nông nghiệp và Môi trường', ['Chi cục Thủy lợi', 'Chi cục Kiểm lâm']],
  ['SXD', 'Sở Xây dựng', ['Phòng Quản lý xây dựng', 'Phòng Hạ tầng kỹ thuật']],
  ['SCT', 'Sở Công Thương', ['Phòng Quản lý thương mại', 'Phòng Quản lý năng lượng']],
  ['SVHTTDL', 'Sở Văn hóa, Thể thao và Du lịch', ['Phòng Quản lý văn hóa', 'Phòng Quản lý du lịch']],
  ['SKHCN', 'Sở Khoa học và Công nghệ', ['Phòng Quản lý khoa học', 'Phòng Chuyển đổi số']],
  ['STP', 'Sở Tư pháp', ['Phòng Hành chính tư pháp', 'Phòng Bổ trợ tư pháp']],
  ['SDTTG', 'Sở Dân tộc và Tôn giáo', ['Phòng Chính sách dân tộc', 'Phòng Tôn giáo']],
  ['TTT', 'Thanh tra tỉnh', ['Phòng Thanh tra 1', 'Phòng Tiếp công dân']],
  ['VPUB', 'Văn phòng Ủy ban nhân dân tỉnh', ['Phòng Tổng hợp', 'Phòng Kinh tế - Ngành']],
  ['BQLKKT', 'Ban Quản lý các khu kinh tế tỉnh', ['Phòng Quản lý đầu tư', 'Phòng Quản lý môi trường']],
];
const SERVICE_UNITS: [string, string, string][] = [
  ['SGDDT', 'THPT-CHUYEN', 'Trường Trung học phổ thông chuyên Lâm Giang'],
  ['SGDDT', 'THPT-SONGCAU', 'Trường Trung học phổ thông Sông Cầu'],
  ['SGDDT', 'THPT-DONGLAM', 'Trường Trung học phổ thông Đồng Lâm'],
  ['SGDDT', 'CDSP', 'Trường Cao đẳng Sư phạm Lâm Giang'],
  ['SYT', 'BVDK', 'Bệnh viện Đa khoa tỉnh'],
  ['SYT', 'BVSN', 'Bệnh viện Sản - Nhi tỉnh'],
  ['SYT', 'CDC', 'Trung tâm Kiểm soát bệnh tật tỉnh'],
  ['SNNMT', 'TTKN', 'Trung tâm Khuyến nông tỉnh'],
  ['SVHTTDL', 'BTT', 'Bảo tàng tỉnh'],
  ['SVHTTDL', 'TVT', 'Thư viện tỉnh'],
  ['SKHCN', 'TTCDS', 'Trung tâm Chuyển đổi số tỉnh'],
  ['STP', 'TTTGPL', 'Trung tâm Trợ giúp pháp lý nhà nước'],
];
const MASS_ORGANISATIONS: [string, string][] = [
  ['MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh'], ['LDLD', 'Liên đoàn Lao động tỉnh'], ['HLHPN', 'Hội Liên hiệp Phụ nữ tỉnh'],
  ['HND', 'Hội Nông dân tỉnh'], ['TDTN', 'Tỉnh đoàn'], ['HCCB', 'Hội Cựu chiến binh tỉnh'],
];
/** The districts abolished on 30/6/2025, each with its old communes and the new communes that took them over. */
const DISTRICTS: { code: string; name: string; communes: string[]; successors: string[] }[] = [
  { code: 'H-SONGCAU', name: 'Sông Cầu', communes: ['Tân Lập', 'Phú Xuân', 'Hòa Bình', 'Đồng Tâm', 'Thanh Sơn', 'Quyết Thắng', 'Minh Đức', 'Nghĩa Hưng'],
    successors: ['Sông Cầu', 'Tân Phú', 'Hòa Tâm'] },
  { code: 'H-DONGLAM', name: 'Đồng Lâm', communes: ['Đồng Lạc', 'Lâm Sơn', 'Hợp Tiến', 'Xuân Lộc', 'An Khang', 'Vĩnh Yên', 'Bình Minh', 'Phúc Thọ'],
    successors: ['Đồng Lâm', 'Xuân Khang', 'Vĩnh Phúc', 'Bình Thọ'] },
  { code: 'H-MUONGLAY', name: 'Mường Lay', communes: ['Mường Tè', 'Nậm Hàng', 'Pú Nhi', 'Chiềng Sơ', 'Nà Tấu', 'Huổi Lóng'],
    successors: ['Mường Lay', 'Chiềng Sơ', 'Nà Tấu'] },
  { code: 'H-BACHA', name: 'Bắc Hà', communes: ['Bảo Nhai', 'Cốc Ly', 'Lùng Phình', 'Tả Van', 'Na Hối', 'Thải Giàng Phố', 'Bản Liền', 'Nậm Mòn'],
    successors: ['Bắc Hà', 'Bảo Nhai', 'Lùng Phình', 'Bản Liền'] },
];

export interface GoLiveData {
  units: Cell[][]; people: Cell[][]; accounts: Cell[][]; councils: Cell[][]; clusters: Cell[][];
  /** the commune whose officer nominates, and the person nominated */
  commune: { code: string; name: string };
  candidate: { code: string; fullName: string };
  /** the merger (three old communes into one) and the split (a district among its successors) */
  merger: { into: string; from: string[] };
  split: { district: string; into: string[] };
  accountsByUsername: Map<string, { email: string; fullName: string }>;
  peopleCount: number;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý',
  'Lò', 'Hà', 'Lường', 'Quàng', 'Cầm', 'Sầm', 'Mùa', 'Giàng', 'Thào', 'Đinh', 'Lương', 'Tạ', 'Trịnh', 'Mai'];
const MIDDLE = { male: ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Công', 'Xuân', 'Thanh', 'Mạnh', 'Tiến'],
  female: ['Thị', 'Thị', 'Thu', 'Thanh', 'Ngọc', 'Minh', 'Hồng', 'Kim', 'Phương', 'Diệu'] };
const GIVEN = { male: ['An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Giang', 'Hải', 'Hùng', 'Huy', 'Khánh', 'Long', 'Nam', 'Phong', 'Quân', 'Sơn',
  'Thắng', 'Trung', 'Tuấn', 'Việt', 'Vinh', 'Hiếu', 'Kiên', 'Lâm', 'Tâm', 'Toàn'],
female: ['Anh', 'Chi', 'Dung', 'Hà', 'Hạnh', 'Hoa', 'Hương', 'Lan', 'Linh', 'Mai', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo',
  'Thủy', 'Trang', 'Vân', 'Yến', 'Huyền', 'Loan', 'Nga', 'Hằng', 'Xuân'] };
const ETHNIC = ['', '', '', '', '', '', 'Tày', 'Thái', 'Mường', 'H\'Mông', 'Dao', 'Nùng'];
const STAFF_POSITIONS = ['Chuyên viên', 'Chuyên viên chính', 'Cán sự', 'Kế toán', 'Văn thư', 'Thanh tra viên', 'Chuyên viên'];
const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const slug = (s: string) => fold(s).toUpperCase().replace(/[^A-Z0-9]+/g, '');

export function goLiveData(year: number, mailDomain = 'lamgiang.gov.vn'): GoLiveData {
  const units: Cell[][] = [];
  const unit = (code: string, name: string, short: string, kind: string, level: string, parent: string, from: Date, to: Date | null = null,
    successors = '', note = '') => units.push([code, name, short, kind, level, parent, '', '', from, to, successors, note]);
  // where people work today (code, what they do there, how many)
  const workplaces: { code: string; positions: string[]; deputy: string; size: number; since: Date; commune?: boolean }[] = [];

  for (const [code, name, subs] of DEPARTMENTS) {
    unit(code, name, code, 'Sở, ban, ngành', 'Tỉnh', '', d('2008-04-01'));
    workplaces.push({ code, positions: STAFF_POSITIONS, deputy: 'Phó Giám đốc', size: 14, since: d('2008-04-01') });
    [...subs, 'Văn phòng'].forEach((sub, i) => {
      const subCode = code === 'SNV' && i === 1 ? 'BTDKT' : `${code}-P${i + 1}`;
      unit(subCode, sub, '', 'Phòng, ban trực thuộc', 'Tỉnh', code, d('2008-04-01'));
      workplaces.push({ code: subCode, positions: STAFF_POSITIONS, deputy: 'Phó Trưởng phòng', size: 10, since: d('2008-04-01') });
    });
  }
  for (const [parent, code, name] of SERVICE_UNITS) {
    unit(code, name, '', 'Đơn vị sự nghiệp công lập', 'Tỉnh', parent, d('2005-09-01'));
    const positions = parent === 'SGDDT' ? ['Giáo viên', 'Giáo viên', 'Nhân viên'] : parent === 'SYT' ? ['Bác sĩ', 'Điều dưỡng', 'Dược sĩ'] : ['Viên chức', 'Kỹ sư'];
    workplaces.push({ code, positions, deputy: parent === 'SGDDT' ? 'Phó Hiệu trưởng' : 'Phó Giám đốc', size: 70, since: d('2005-09-01') });
  }
  for (const [code, name] of MASS_ORGANISATIONS) {
    unit(code, name, '', 'Tổ chức chính trị - xã hội', 'Tỉnh', '', d('2008-01-01'));
    workplaces.push({ code, positions: ['Chuyên viên', 'Cán sự'], deputy: 'Phó Chủ tịch', size: 10, since: d('2008-01-01') });
  }

  // the communes created on 1/7/2025 (under the root: the districts are gone), then the districts and their old communes
  const oldCommunes: { code: string; successor: string }[] = [];
  let merger: GoLiveData['merger'] | undefined;
  let split: GoLiveData['split'] | undefined;
  for (const district of DISTRICTS) {
    const successorCodes = district.successors.map((s) => `X-${slug(s)}`);
    for (const [i, s] of district.successors.entries()) {
      unit(successorCodes[i]!, `Ủy ban nhân dân xã ${s}`, '', 'UBND', 'Xã', '', CREATED);
      workplaces.push({ code: successorCodes[i]!, positions: ['Công chức', 'Công chức', 'Công chức địa chính', 'Công chức văn hóa - xã hội'],
        deputy: 'Phó Chủ tịch Ủy ban nhân dân xã', size: 55, since: CREATED, commune: true });
      unit(`TH-${slug(s)}`, `Trường Tiểu học xã ${s}`, '', 'Đơn vị sự nghiệp công lập', 'Xã', successorCodes[i]!, CREATED);
      workplaces.push({ code: `TH-${slug(s)}`, positions: ['Giáo viên', 'Giáo viên', 'Nhân viên'], deputy: 'Phó Hiệu trưởng', size: 25, since: CREATED });
      unit(`TYT-${slug(s)}`, `Trạm Y tế xã ${s}`, '', 'Đơn vị sự nghiệp công lập', 'Xã', successorCodes[i]!, CREATED);
      workplaces.push({ code: `TYT-${slug(s)}`, positions: ['Y sĩ', 'Điều dưỡng', 'Hộ sinh'], deputy: 'Phó Trưởng trạm', size: 8, since: CREATED });
    }
    unit(district.code, `Ủy ban nhân dân huyện ${district.name}`, '', 'UBND', 'Huyện', '', d('2008-01-01'), ABOLISHED, successorCodes.join('; '),
      `Chia địa giới cho ${district.successors.length} xã theo Nghị quyết của Ủy ban Thường vụ Quốc hội`);
    split ??= { district: district.code, into: successorCodes };
    // the old communes: the first three merge into the first new commune, the others two or so into each next one
    district.communes.forEach((c, i) => {
      const target = i < 3 ? 0 : 1 + ((i - 3) % (successorCodes.length - 1));
      const code = `${district.code.replace('H-', 'XC-')}-${slug(c)}`;
      unit(code, `Ủy ban nhân dân xã ${c}`, '', 'UBND', 'Xã', district.code, d('2008-01-01'), ABOLISHED, successorCodes[target]!, 'Sáp nhập toàn bộ');
      oldCommunes.push({ code, successor: successorCodes[target]! });
    });
    merger ??= { into: successorCodes[0]!, from: oldCommunes.slice(0, 3).map((o) => o.code) };
  }

  // people: the leaders the accounts and the council name first, then the staff
  const rng = random(20250701);
  const people: Cell[][] = [];
  let n = 0;
  const nextCode = () => `CB${String(++n).padStart(5, '0')}`;
  const person = (fullName: string, gender: 'Nam' | 'Nữ', birth: string, ethnicity: string, employments: [string, string, boolean, Date, Date | null][]) => {
    const code = nextCode();
    employments.forEach(([unitCode, position, leader, from, to], i) =>
      people.push([code, fullName, gender, i === 0 ? birth : '', i === 0 ? ethnicity : '', unitCode, position, leader ? 'Có' : 'Không', '', from, to]));
    return { code, fullName };
  };
  const chairman = person('Nguyễn Minh Tuấn', 'Nam', '1968', '', [[ROOT_CODE, 'Chủ tịch Ủy ban nhân dân tỉnh', true, d('2021-06-15'), null]]);
  const director = person('Lò Văn Hùng', 'Nam', '12/03/1972', 'Thái', [['SNV', 'Giám đốc Sở Nội vụ', true, d('2019-02-01'), null]]);
  const standing = person('Trần Thị Thu Hà', 'Nữ', '05/09/1980', '', [['BTDKT', 'Trưởng ban Thi đua - Khen thưởng', true, d('2018-08-01'), null]]);
  const member4 = person('Phạm Quang Vinh', 'Nam', '1975', '', [['LDLD', 'Chủ tịch Liên đoàn Lao động tỉnh', true, d('2020-10-01'), null]]);
  const secretary = person('Hà Thị Lan', 'Nữ', '1986', 'Tày', [['BTDKT', 'Chuyên viên chính', false, d('2012-03-01'), null]]);
  const commune = { code: `X-${slug(DISTRICTS[0]!.successors[0]!)}`, name: `Ủy ban nhân dân xã ${DISTRICTS[0]!.successors[0]}` };
  const merged = oldCommunes[0]!.code;
  // the commune's officer and chairman came from the merged communes on 1/7/2025
  const officer = person('Lường Thị Hạnh', 'Nữ', '1990', 'Thái', [
    [merged, 'Công chức văn phòng - thống kê', false, d('2014-05-01'), ABOLISHED], [commune.code, 'Công chức văn phòng - thống kê', false, CREATED, null]]);
  const communeChair = person('Đinh Công Sơn', 'Nam', '1978', 'Mường', [
    [oldCommunes[1]!.code, 'Chủ tịch Ủy ban nhân dân xã', true, d('2016-07-01'), ABOLISHED], [commune.code, 'Chủ tịch Ủy ban nhân dân xã', true, CREATED, null]]);
  const candidate = person('Giàng Thị Mai', 'Nữ', '14/02/1988', 'H\'Mông', [
    [oldCommunes[2]!.code, 'Công chức địa chính - xây dựng', false, d('2011-09-01'), ABOLISHED], [commune.code, 'Công chức địa chính - xây dựng', false, CREATED, null]]);

  const TOTAL = 3000;
  const weight = workplaces.reduce((s, w) => s + w.size, 0);
  for (const place of workplaces) {
    const count = Math.round((place.size / weight) * (TOTAL - n));
    for (let i = 0; i < count && n < TOTAL; i++) {
      const gender = rng.next() < 0.5 ? 'male' : 'female';
      const fullName = `${rng.pick(FAMILY)} ${rng.pick(MIDDLE[gender])} ${rng.pick(GIVEN[gender])}`;
      const birthYear = 1965 + Math.floor(rng.next() * 38);
      const position = i === 0 ? place.deputy : rng.pick(place.positions);
      const start = d(`${Math.max(birthYear + 23, 1990 + Math.floor(rng.next() * 30))}-0${1 + Math.floor(rng.next() * 9)}-01`);
      const since = start < place.since ? place.since : start;
      const origin = place.commune ? oldCommunes.filter((o) => o.successor === place.code) : [];
      // most of a new commune's staff worked in the old communes it took over
      if (origin.length > 0 && rng.next() < 0.8 && start < ABOLISHED) {
        person(fullName, gender === 'male' ? 'Nam' : 'Nữ', String(birthYear), rng.pick(ETHNIC), [
          [rng.pick(origin).code, position, i === 0, start, ABOLISHED], [place.code, position, i === 0, CREATED, null]]);
      } else {
        person(fullName, gender === 'male' ? 'Nam' : 'Nữ', String(birthYear), rng.pick(ETHNIC), [[place.code, position, i === 0, since, null]]);
      }
    }
  }
  while (n < TOTAL) {
    const gender = rng.next() < 0.5 ? 'male' : 'female';
    person(`${rng.pick(FAMILY)} ${rng.pick(MIDDLE[gender])} ${rng.pick(GIVEN[gender])}`, gender === 'male' ? 'Nam' : 'Nữ', String(1970 + (n % 30)), '',
      [['VPUB-P1', 'Chuyên viên', false, d('2015-01-01'), null]]);
  }

  const accountsByUsername = new Map<string, { email: string; fullName: string }>();
  const accounts: Cell[][] = [];
  const account = (username: string, who: { code: string; fullName: string }, grants: [string, string][]) => {
    const email = `${username}@${mailDomain}`;
    accountsByUsername.set(username, { email, fullName: who.fullName });
    for (const [role, unitCode] of grants) accounts.push([username, who.fullName, email, role, unitCode, who.code]);
  };
  account('chutich.tinh', chairman, [['Thủ trưởng đơn vị', ROOT_CODE], ['Thành viên Hội đồng TĐKT', ROOT_CODE]]);
  account('giamdoc.snv', director, [['Thủ trưởng đơn vị', 'SNV'], ['Thành viên Hội đồng TĐKT', ROOT_CODE]]);
  account('thuongtruc.btdkt', standing, [['Cán bộ cơ quan thường trực TĐKT', ROOT_CODE], ['Thành viên Hội đồng TĐKT', ROOT_CODE]]);
  account('canbo.xasongcau', officer, [['Cán bộ TĐKT đơn vị', commune.code]]);
  account('chutich.xasongcau', communeChair, [['Thủ trưởng đơn vị', commune.code]]);

  const council = (member: { code: string }, post: string, title: string): Cell[] => ['HD-TINH', `Hội đồng Thi đua - Khen thưởng tỉnh ${PROVINCE}`,
    ROOT_CODE, 'Tỉnh', d('2021-07-01'), null, '1520/QĐ-UBND ngày 01/7/2021', member.code, post, title, null, null];
  const councils = [
    council(chairman, 'Chủ tịch', 'Chủ tịch UBND tỉnh'), council(director, 'Phó Chủ tịch', 'Giám đốc Sở Nội vụ'),
    council(standing, 'Ủy viên thường trực', 'Trưởng ban Thi đua - Khen thưởng'), council(member4, 'Ủy viên', 'Chủ tịch Liên đoàn Lao động tỉnh'),
    council(secretary, 'Thư ký', 'Chuyên viên chính Ban Thi đua - Khen thưởng'),
  ];

  // a cluster of the new communes of the first two former districts, and a block of the economic departments, for the year
  const clusterCommunes = DISTRICTS.slice(0, 2).flatMap((x) => x.successors.map((s) => `X-${slug(s)}`));
  const clusters: Cell[][] = [
    ...clusterCommunes.map((code, i): Cell[] => ['CUM-XA-1', 'Cụm thi đua số 1 - các xã phía Bắc', 'Cụm', year, ROOT_CODE, code,
      i === 0 ? 'Trưởng cụm' : i === 1 ? 'Phó cụm' : 'Thành viên', i === 0 ? director.code : '']),
    ...['STC', 'SXD', 'SCT', 'SNNMT', 'BQLKKT'].map((code, i): Cell[] => ['KHOI-KT', 'Khối thi đua các cơ quan kinh tế', 'Khối', year, ROOT_CODE, code,
      i === 0 ? 'Trưởng cụm' : 'Thành viên', i === 0 ? 'thuongtruc.btdkt' : '']),
  ];

  return {
    units, people, accounts, councils, clusters, commune, candidate, merger: merger!, split: split!, accountsByUsername, peopleCount: n,
  };
}
