import type { Role } from '../../platform/db/schema.ts';
import { labelParser, type ColumnSpec } from '../../platform/spreadsheets/columns.ts';
import type { AdministrativeLevel, OrganisationKind } from '../organisations/index.ts';

/**
 * The three onboarding files — units, people with their employments, accounts — as officers see
 * them in Excel: the headers, an example row in Vietnamese, and what each column takes.
 */
export const ONBOARDING_KINDS = ['units', 'people', 'accounts'] as const;
export type OnboardingKind = (typeof ONBOARDING_KINDS)[number];

export type UnitColumn = 'code' | 'name' | 'shortName' | 'kind' | 'level' | 'parentCode' | 'adminCode' | 'agencyCode'
  | 'validFrom' | 'validTo' | 'successorCodes' | 'shareNote';
export type PersonColumn = 'personCode' | 'fullName' | 'gender' | 'birth' | 'ethnicity' | 'unitCode' | 'position' | 'leader'
  | 'directWorker' | 'startDate' | 'endDate';
export type AccountColumn = 'username' | 'displayName' | 'email' | 'role' | 'unitCode' | 'personCode';

/** Labels as the web shows them (src/web/i18n/vi.ts organisations.kinds / levels, roles). */
export const KIND_LABELS: Record<OrganisationKind, string> = {
  peoples_committee: 'Ủy ban nhân dân', party_body: 'Cơ quan Đảng', department: 'Sở, ban, ngành',
  mass_organisation: 'Tổ chức chính trị - xã hội', armed_forces: 'Lực lượng vũ trang', public_service_unit: 'Đơn vị sự nghiệp công lập',
  sub_unit: 'Phòng, ban trực thuộc', enterprise: 'Doanh nghiệp', cooperative: 'Hợp tác xã', residential_group: 'Thôn, tổ dân phố',
  ministry: 'Bộ, cơ quan ngang bộ',
};
export const LEVEL_LABELS: Record<AdministrativeLevel, string> = { central: 'Trung ương', province: 'Tỉnh', district: 'Huyện', commune: 'Xã' };
export const ROLE_LABELS: Record<Role, string> = {
  system_admin: 'Quản trị hệ thống', standing_officer: 'Cán bộ cơ quan thường trực TĐKT', unit_officer: 'Cán bộ TĐKT đơn vị',
  unit_head: 'Thủ trưởng đơn vị', council_member: 'Thành viên Hội đồng TĐKT', individual: 'Cá nhân',
};
export const GENDER_LABELS = { male: 'Nam', female: 'Nữ' } as const;

/** The web's short labels and the everyday names are accepted too. */
export const parseKind = labelParser(KIND_LABELS, {
  UBND: 'peoples_committee', 'Sở, ngành': 'department', Sở: 'department', 'Đoàn thể': 'mass_organisation', LLVT: 'armed_forces',
  ĐVSN: 'public_service_unit', 'Phòng, ban': 'sub_unit', DN: 'enterprise', HTX: 'cooperative', 'Thôn, TDP': 'residential_group',
  'Bộ, ngành': 'ministry', Bộ: 'ministry',
});
export const parseLevel = labelParser(LEVEL_LABELS, { 'Cấp tỉnh': 'province', 'Cấp huyện': 'district', 'Cấp xã': 'commune', 'Phường': 'commune', 'Đặc khu': 'commune', 'Thành phố': 'province' });
export const parseRole = labelParser(ROLE_LABELS, { 'Quản trị': 'system_admin', 'Thường trực': 'standing_officer', 'Thủ trưởng': 'unit_head' });
export const parseGender = labelParser(GENDER_LABELS);

const noteOf = (labels: Record<string, string>) => Object.values(labels).join('; ');

export const UNIT_COLUMNS: ColumnSpec<UnitColumn>[] = [
  { key: 'code', header: 'Mã đơn vị', width: 14, required: true, note: 'Mã do cơ quan tự đặt (chữ, số, dấu . _ -), không trùng; nhập lại cùng mã thì cập nhật đơn vị đã có.' },
  { key: 'name', header: 'Tên đơn vị', width: 40, required: true, note: 'Tên đầy đủ như trên văn bản.' },
  { key: 'shortName', header: 'Tên viết tắt', width: 16 },
  { key: 'kind', header: 'Loại hình', width: 24, required: true, note: noteOf(KIND_LABELS) },
  { key: 'level', header: 'Cấp hành chính', width: 14, required: true, note: noteOf(LEVEL_LABELS) },
  { key: 'parentCode', header: 'Mã đơn vị cấp trên', width: 16, note: 'Để trống: trực thuộc đơn vị gốc của cơ quan. Đơn vị cấp trên có thể ở dòng sau trong tệp.' },
  { key: 'adminCode', header: 'Mã hành chính', width: 14, note: 'Mã đơn vị hành chính (2 chữ số cấp tỉnh, 5 chữ số cấp xã), nếu có.' },
  { key: 'agencyCode', header: 'Mã định danh', width: 18, note: 'Mã định danh điện tử của cơ quan (QCVN 102:2016), ví dụ 000.00.00.H41, nếu có.' },
  { key: 'validFrom', header: 'Hiệu lực từ ngày', width: 16, required: true, date: true, note: 'Ngày thành lập (ngày/tháng/năm).' },
  { key: 'validTo', header: 'Hiệu lực đến ngày', width: 16, date: true, note: 'Ngày giải thể, sáp nhập; để trống nếu đang hoạt động.' },
  { key: 'successorCodes', header: 'Mã đơn vị kế thừa', width: 22, note: 'Mã các đơn vị tiếp nhận, cách nhau bởi dấu chấm phẩy: một huyện chia cho nhiều xã ghi nhiều mã; nhiều xã sáp nhập vào một xã thì mỗi xã cũ ghi mã xã mới. Cần có "Hiệu lực đến ngày".' },
  { key: 'shareNote', header: 'Ghi chú kế thừa', width: 30, note: 'Phần nào chuyển cho đơn vị kế thừa (không bắt buộc).' },
];

export const PERSON_COLUMNS: ColumnSpec<PersonColumn>[] = [
  { key: 'personCode', header: 'Mã cán bộ', width: 14, required: true, note: 'Mã cán bộ do cơ quan quản lý, không trùng; một người có nhiều quá trình công tác thì ghi nhiều dòng cùng mã.' },
  { key: 'fullName', header: 'Họ và tên', width: 28, required: true },
  { key: 'gender', header: 'Giới tính', width: 10, required: true, note: 'Nam; Nữ' },
  { key: 'birth', header: 'Ngày sinh (hoặc năm sinh)', width: 16, note: 'Ngày/tháng/năm hoặc chỉ năm sinh.' },
  { key: 'ethnicity', header: 'Dân tộc', width: 12, note: 'Để trống: Kinh.' },
  { key: 'unitCode', header: 'Mã đơn vị', width: 14, required: true, note: 'Mã đơn vị công tác (đã có hoặc vừa nhập ở tệp đơn vị).' },
  { key: 'position', header: 'Chức vụ', width: 24, required: true },
  { key: 'leader', header: 'Lãnh đạo (Có/Không)', width: 12, note: 'Có; Không. Để trống: Không.' },
  { key: 'directWorker', header: 'Trực tiếp lao động (Có/Không)', width: 14, note: 'Có; Không. Để trống: hệ thống xác định theo chức vụ (công nhân, nông dân, giáo viên, bác sĩ…; lãnh đạo thì không).' },
  { key: 'startDate', header: 'Từ ngày', width: 14, required: true, date: true },
  { key: 'endDate', header: 'Đến ngày', width: 14, date: true, note: 'Để trống nếu đang công tác. Các quá trình công tác của một người không được chồng lấn.' },
];

export const ACCOUNT_COLUMNS: ColumnSpec<AccountColumn>[] = [
  { key: 'username', header: 'Tên đăng nhập', width: 20, required: true, note: '3–60 ký tự: chữ không dấu, số, dấu . _ -; không trùng với tài khoản đã có.' },
  { key: 'displayName', header: 'Họ và tên', width: 28, required: true },
  { key: 'email', header: 'Thư điện tử', width: 28, required: true, note: 'Liên kết đặt mật khẩu (dùng một lần, trong 72 giờ) được gửi tới địa chỉ này.' },
  { key: 'role', header: 'Vai trò', width: 28, required: true, note: noteOf(ROLE_LABELS) },
  { key: 'unitCode', header: 'Mã đơn vị', width: 14, required: true, note: 'Đơn vị nơi giữ vai trò; vai trò có hiệu lực với đơn vị đó và các đơn vị trực thuộc.' },
  { key: 'personCode', header: 'Mã cán bộ', width: 14, note: 'Nếu tài khoản là của một cán bộ đã có (để xem hồ sơ của mình, bỏ phiếu Hội đồng).' },
];

export const COLUMNS = { units: UNIT_COLUMNS, people: PERSON_COLUMNS, accounts: ACCOUNT_COLUMNS } as const;

/** The file names of templates: ASCII, so every browser and mail client keeps them. */
export const KIND_SLUGS: Record<OnboardingKind, string> = { units: 'don-vi', people: 'can-bo', accounts: 'tai-khoan' };
export const KIND_NAMES: Record<OnboardingKind, string> = { units: 'Đơn vị', people: 'Cán bộ', accounts: 'Tài khoản' };

/** The example row of each template, in the template's column order. */
export const EXAMPLES: Record<OnboardingKind, (string | Date | null)[]> = {
  units: ['SNV', 'Sở Nội vụ', 'SNV', 'Sở, ban, ngành', 'Tỉnh', '', '', '000.00.00.H41', new Date(Date.UTC(2008, 0, 1)), null, '', ''],
  people: ['CB0001', 'Nguyễn Thị Hoa', 'Nữ', '1985', 'Kinh', 'SNV', 'Chuyên viên', 'Không', '', new Date(Date.UTC(2015, 0, 1)), null],
  accounts: ['hoa.nt', 'Nguyễn Thị Hoa', 'hoa.nt@example.gov.vn', 'Cán bộ TĐKT đơn vị', 'SNV', 'CB0001'],
};
