// The organisation tree of the fictional province of Sơn Hà, modelled on the seed plans (Kon Tum,
// Quảng Ngãi, An Biên – Kiên Giang, Cao Bằng, Sơn La): the provincial People's Committee, its office
// and departments with their sub-units, two districts with their communes (abolished on 2025-06-30),
// and the communes created by the 2025 reform directly under the province.
import type { DemoOrganisation, OrganisationKind, OrganisationLevel } from './types.ts';

export const PROVINCE_NAME = 'Sơn Hà';
export const TENANT_CODE = 'son-ha';
export const ROOT = 'ubnd-tinh';
export const BAN_TDKT = 'ban-tdkt';
/** The last day of the districts and the old communes, and the first day of the new communes. */
export const REFORM_END = '2025-06-30';
export const REFORM_START = '2025-07-01';
/** Sở Nông nghiệp và PTNT and Sở Tài nguyên và Môi trường merged into Sở Nông nghiệp và Môi trường. */
export const DEPT_MERGE_END = '2025-02-28';
export const DEPT_MERGE_START = '2025-03-01';
const FOUNDED = '2008-01-01';

type Extra = Partial<
  Pick<DemoOrganisation, 'shortName' | 'adminCode' | 'agencyCode' | 'validFrom' | 'validTo' | 'successorKey' | 'standingAgencyKey'>
>;

function org(
  key: string,
  parentKey: string | null,
  name: string,
  kind: OrganisationKind,
  level: OrganisationLevel,
  extra: Extra = {},
): DemoOrganisation {
  return {
    key,
    parentKey,
    name,
    shortName: extra.shortName ?? null,
    kind,
    level,
    adminCode: extra.adminCode ?? null,
    agencyCode: extra.agencyCode ?? null,
    validFrom: extra.validFrom ?? FOUNDED,
    validTo: extra.validTo ?? null,
    successorKey: extra.successorKey ?? null,
    standingAgencyKey: extra.standingAgencyKey ?? null,
  };
}

/** A provincial agency: parent is the root, its TĐKT work is done by Ban Thi đua – Khen thưởng. */
function agency(key: string, name: string, kind: OrganisationKind, extra: Extra = {}): DemoOrganisation {
  return org(key, ROOT, name, kind, 'province', { standingAgencyKey: BAN_TDKT, ...extra });
}

function sub(key: string, parentKey: string, name: string, level: OrganisationLevel, extra: Extra = {}) {
  return org(key, parentKey, name, 'sub_unit', level, extra);
}

function psu(key: string, parentKey: string, name: string, extra: Extra = {}) {
  return org(key, parentKey, name, 'public_service_unit', 'province', extra);
}

const ended = { validTo: REFORM_END };

interface DistrictSpec {
  key: string;
  name: string;
  adminCode: string;
  agencyCode: string;
  seatSuccessor: string;
  communes: { key: string; name: string; adminCode: string; successor: string }[];
  withEducationOffice: boolean;
}

function district(d: DistrictSpec): DemoOrganisation[] {
  const pnv = `${d.key}-pnv`;
  const out = [
    org(d.key, ROOT, `Ủy ban nhân dân huyện ${d.name}`, 'peoples_committee', 'district', {
      shortName: `UBND huyện ${d.name}`,
      adminCode: d.adminCode,
      agencyCode: d.agencyCode,
      successorKey: d.seatSuccessor,
      standingAgencyKey: pnv,
      ...ended,
    }),
    sub(pnv, d.key, `Phòng Nội vụ huyện ${d.name}`, 'district', { ...ended, successorKey: `${d.seatSuccessor}-vhxh` }),
    sub(`${d.key}-vp`, d.key, `Văn phòng HĐND và UBND huyện ${d.name}`, 'district', {
      ...ended,
      successorKey: `${d.seatSuccessor}-vp`,
    }),
  ];
  if (d.withEducationOffice) {
    out.push(sub(`${d.key}-pgd`, d.key, `Phòng Giáo dục và Đào tạo huyện ${d.name}`, 'district', { ...ended, successorKey: 'sgddt' }));
  }
  for (const c of d.communes) {
    out.push(
      org(c.key, d.key, `Ủy ban nhân dân xã ${c.name}`, 'peoples_committee', 'commune', {
        shortName: `UBND xã ${c.name}`,
        adminCode: c.adminCode,
        successorKey: c.successor,
        standingAgencyKey: pnv,
        ...ended,
      }),
    );
  }
  return out;
}

function newCommune(key: string, name: string, adminCode: string, agencyCode: string): DemoOrganisation[] {
  const from = { validFrom: REFORM_START };
  return [
    org(key, ROOT, `Ủy ban nhân dân xã ${name}`, 'peoples_committee', 'commune', {
      shortName: `UBND xã ${name}`,
      adminCode,
      agencyCode,
      standingAgencyKey: `${key}-vhxh`,
      ...from,
    }),
    sub(`${key}-vp`, key, `Văn phòng HĐND và UBND xã ${name}`, 'commune', from),
    sub(`${key}-kt`, key, `Phòng Kinh tế xã ${name}`, 'commune', from),
    sub(`${key}-vhxh`, key, `Phòng Văn hóa – Xã hội xã ${name}`, 'commune', from),
  ];
}

export function buildOrganisations(): DemoOrganisation[] {
  return [
    org(ROOT, null, `Ủy ban nhân dân tỉnh ${PROVINCE_NAME}`, 'peoples_committee', 'province', {
      shortName: `UBND tỉnh ${PROVINCE_NAME}`,
      adminCode: '97',
      agencyCode: '000.00.00.H97',
      standingAgencyKey: BAN_TDKT,
    }),

    agency('vp-ubnd', 'Văn phòng Ủy ban nhân dân tỉnh', 'department', { shortName: 'Văn phòng UBND tỉnh', agencyCode: '000.00.01.H97' }),
    sub('vp-hctc', 'vp-ubnd', 'Phòng Hành chính – Tổ chức', 'province'),
    sub('vp-th', 'vp-ubnd', 'Phòng Tổng hợp', 'province'),
    sub('vp-kt', 'vp-ubnd', 'Phòng Kinh tế – Ngành', 'province'),
    psu('vp-ttpv', 'vp-ubnd', 'Trung tâm Phục vụ hành chính công tỉnh', { validFrom: '2019-01-01' }),

    agency('snv', 'Sở Nội vụ', 'department', { shortName: 'SNV', agencyCode: '000.00.02.H97' }),
    sub(BAN_TDKT, 'snv', 'Ban Thi đua – Khen thưởng', 'province', { shortName: 'Ban TĐKT', agencyCode: '000.01.02.H97' }),
    sub('snv-vp', 'snv', 'Văn phòng Sở Nội vụ', 'province'),
    sub('snv-xdcq', 'snv', 'Phòng Xây dựng chính quyền và Công tác thanh niên', 'province'),

    agency('sgddt', 'Sở Giáo dục và Đào tạo', 'department', { shortName: 'Sở GD&ĐT', agencyCode: '000.00.06.H97' }),
    sub('sgd-vp', 'sgddt', 'Văn phòng Sở Giáo dục và Đào tạo', 'province'),
    sub('sgd-gdtrh', 'sgddt', 'Phòng Giáo dục Trung học', 'province'),
    psu('sgd-thpt', 'sgddt', 'Trường Trung học phổ thông chuyên Lê Quý Đôn', { shortName: 'Trường THPT chuyên Lê Quý Đôn' }),

    agency('syt', 'Sở Y tế', 'department', { agencyCode: '000.00.07.H97' }),
    sub('syt-nvy', 'syt', 'Phòng Nghiệp vụ Y', 'province'),
    psu('syt-bvdk', 'syt', `Bệnh viện Đa khoa tỉnh ${PROVINCE_NAME}`, { shortName: 'Bệnh viện Đa khoa tỉnh' }),
    psu('syt-ttyt', 'syt', 'Trung tâm Y tế huyện Mường Khoa', { shortName: 'TTYT Mường Khoa' }),

    agency('stc', 'Sở Tài chính', 'department', { agencyCode: '000.00.04.H97' }),
    sub('stc-vp', 'stc', 'Văn phòng Sở Tài chính', 'province'),
    sub('stc-qlns', 'stc', 'Phòng Quản lý ngân sách', 'province'),

    agency('svh', 'Sở Văn hóa, Thể thao và Du lịch', 'department', { shortName: 'Sở VHTTDL', agencyCode: '000.00.10.H97' }),
    sub('svh-qlvh', 'svh', 'Phòng Quản lý văn hóa và Gia đình', 'province'),
    psu('svh-bt', 'svh', `Bảo tàng tỉnh ${PROVINCE_NAME}`),

    agency('snnptnt', 'Sở Nông nghiệp và Phát triển nông thôn', 'department', {
      shortName: 'Sở NN&PTNT',
      validTo: DEPT_MERGE_END,
      successorKey: 'snnmt',
    }),
    agency('stnmt', 'Sở Tài nguyên và Môi trường', 'department', {
      shortName: 'Sở TN&MT',
      validTo: DEPT_MERGE_END,
      successorKey: 'snnmt',
    }),
    agency('snnmt', 'Sở Nông nghiệp và Môi trường', 'department', {
      shortName: 'Sở NN&MT',
      validFrom: DEPT_MERGE_START,
      agencyCode: '000.00.11.H97',
    }),

    agency('ldld', 'Liên đoàn Lao động tỉnh', 'mass_organisation', { shortName: 'LĐLĐ tỉnh' }),
    agency('bchqs', 'Bộ Chỉ huy Quân sự tỉnh', 'armed_forces', { shortName: 'BCHQS tỉnh' }),
    agency('cty-xskt', `Công ty TNHH Một thành viên Xổ số kiến thiết ${PROVINCE_NAME}`, 'enterprise', {
      shortName: 'Công ty Xổ số kiến thiết',
    }),
    agency('cty-capnuoc', `Công ty Cổ phần Cấp nước ${PROVINCE_NAME}`, 'enterprise', { validFrom: '2010-07-01' }),
    agency('htx-che', 'Hợp tác xã Chè Shan tuyết Pá Hốc', 'cooperative', { validFrom: '2012-03-15' }),

    ...district({
      key: 'h-mk',
      name: 'Mường Khoa',
      adminCode: '971',
      agencyCode: '000.00.31.H97',
      seatSuccessor: 'x-mk',
      withEducationOffice: true,
      communes: [
        { key: 'x-ck', name: 'Chiềng Khoa', adminCode: '33010', successor: 'x-mk' },
        { key: 'x-nt', name: 'Nậm Ty', adminCode: '33013', successor: 'x-mk' },
        { key: 'x-ph', name: 'Pá Hốc', adminCode: '33016', successor: 'x-pl' },
      ],
    }),
    org('tdp-napuc', 'x-ck', 'Bản Nà Pục', 'residential_group', 'commune', { ...ended, successorKey: 'tdp-napuc-2' }),

    ...district({
      key: 'h-nl',
      name: 'Ngọc Lâm',
      adminCode: '972',
      agencyCode: '000.00.32.H97',
      seatSuccessor: 'x-nl',
      withEducationOffice: false,
      communes: [
        { key: 'x-nl-cu', name: 'Ngọc Lâm', adminCode: '33040', successor: 'x-nl' },
        { key: 'x-bt', name: 'Bình Thạnh', adminCode: '33043', successor: 'x-nl' },
        { key: 'x-pl-cu', name: 'Phú Lộc', adminCode: '33046', successor: 'x-pl' },
      ],
    }),
    org('tdp-tanlap', 'x-nl-cu', 'Thôn Tân Lập', 'residential_group', 'commune', { ...ended, successorKey: 'tdp-tanlap-2' }),

    ...newCommune('x-mk', 'Mường Khoa', '33101', '000.00.41.H97'),
    org('tdp-napuc-2', 'x-mk', 'Bản Nà Pục', 'residential_group', 'commune', { validFrom: REFORM_START }),
    ...newCommune('x-nl', 'Ngọc Lâm', '33104', '000.00.42.H97'),
    org('tdp-tanlap-2', 'x-nl', 'Thôn Tân Lập', 'residential_group', 'commune', { validFrom: REFORM_START }),
    ...newCommune('x-pl', 'Phú Lộc', '33107', '000.00.43.H97'),
  ];
}

/** Organisations in the highlands (district Mường Khoa and its successors), where most people are of an ethnic minority. */
export const HIGHLAND_ORGS: ReadonlySet<string> = new Set([
  'h-mk', 'h-mk-pnv', 'h-mk-vp', 'h-mk-pgd', 'x-ck', 'x-nt', 'x-ph', 'tdp-napuc', 'tdp-napuc-2',
  'x-mk', 'x-mk-vp', 'x-mk-kt', 'x-mk-vhxh', 'syt-ttyt', 'htx-che',
]);

export function baseStaff(o: DemoOrganisation): string {
  if (o.kind === 'peoples_committee' && o.level === 'commune') return 'Công chức Văn phòng – Thống kê';
  if (o.name.startsWith('Trường')) return 'Giáo viên';
  if (o.name.startsWith('Bệnh viện') || o.name.startsWith('Trung tâm Y tế')) return 'Bác sĩ';
  if (o.kind === 'armed_forces') return 'Trợ lý';
  if (o.kind === 'enterprise') return 'Nhân viên';
  if (o.kind === 'cooperative') return 'Thành viên Hợp tác xã';
  if (o.kind === 'public_service_unit') return 'Viên chức';
  return 'Chuyên viên';
}

export function headTitle(o: DemoOrganisation): string {
  const heads: [string, string][] = [
    ['Văn phòng', 'Chánh Văn phòng'], ['Ban', 'Trưởng ban'], ['Phòng', 'Trưởng phòng'], ['Trung tâm', 'Giám đốc Trung tâm'],
    ['Trường', 'Hiệu trưởng'], ['Bệnh viện', 'Giám đốc Bệnh viện'], ['Bảo tàng', 'Giám đốc Bảo tàng'], ['Sở', 'Giám đốc Sở'],
  ];
  const hit = heads.find(([prefix]) => o.name.startsWith(`${prefix} `));
  if (!hit) throw new Error(`no head title for ${o.name}`);
  return hit[1];
}

/** "Trưởng phòng" + "Phòng Nội vụ huyện X" → "Trưởng phòng Nội vụ huyện X". */
export function titleOf(position: string, o: DemoOrganisation): string {
  const name = o.kind === 'peoples_committee' ? (o.shortName ?? o.name) : o.name;
  const pw = position.split(' ');
  const nw = name.split(' ');
  for (let n = Math.min(3, pw.length, nw.length); n >= 1; n--) {
    if (pw.slice(-n).join(' ').toLowerCase() === nw.slice(0, n).join(' ').toLowerCase()) {
      return [...pw, ...nw.slice(n)].join(' ');
    }
  }
  return `${position} ${name}`;
}
