import * as archive from './messages/archive.ts';
import * as certificates from './messages/certificates.ts';
import * as files from './messages/files.ts';
import * as nominations from './messages/nominations.ts';
import * as consultation from './messages/consultation.ts';
import * as council from './messages/council.ts';
import * as decisions from './messages/decisions.ts';
import * as statutoryForms from './messages/statutory-forms.ts';
import * as examples from './messages/examples.ts';
import * as dashboard from './messages/dashboard.ts';
import * as reports from './messages/reports.ts';
import * as clusters from './messages/clusters.ts';
import * as statistics from './messages/statistics.ts';
import * as history from './messages/history.ts';
import * as onboarding from './messages/onboarding.ts';
import * as residents from './messages/residents.ts';

export type Locale = 'vi' | 'en';

/**
 * Server messages, Vietnamese first, English typed from it (a missing key is a compile error). Keys are
 * the error codes clients see; `{name}` is filled by `translate`. Larger areas keep theirs in messages/,
 * each a `vi` and an `en` of the same keys.
 */
const vi = {
  ...archive.vi,
  ...statistics.vi,
  ...history.vi,
  ...onboarding.vi,
  ...residents.vi,
  not_found: 'Không tìm thấy {entity}.',
  forbidden: 'Bạn không có quyền thực hiện thao tác này với dữ liệu ngoài phạm vi được giao.',
  unauthenticated: 'Phiên đăng nhập đã hết hạn hoặc chưa đăng nhập. Vui lòng đăng nhập lại.',
  csrf: 'Yêu cầu bị từ chối vì thiếu hoặc sai mã chống giả mạo (CSRF). Vui lòng tải lại trang.',
  validation: 'Dữ liệu gửi lên không hợp lệ.',
  bad_credentials: 'Tên đăng nhập hoặc mật khẩu không đúng.',
  locked_out: 'Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau {minutes} phút.',
  account_disabled: 'Tài khoản đã bị vô hiệu hóa.',
  rate_limited: 'Quá nhiều yêu cầu. Vui lòng thử lại sau.',
  internal: 'Đã có lỗi hệ thống. Dữ liệu chưa bị thay đổi; vui lòng thử lại hoặc báo quản trị.',
  busy: 'Cơ sở dữ liệu đang bận (chế độ một cơ quan). Vui lòng thử lại sau giây lát.',
  'import.not_spreadsheet': 'Tệp tải lên không phải bảng tính Excel (.xlsx) hoặc CSV (UTF-8). Tệp .xls cũ: hãy mở bằng Excel và lưu lại dạng .xlsx.',
  'import.too_large': 'Tệp quá lớn: chỉ nhận tệp đến {limit}. Hãy chia thành nhiều tệp nhỏ hơn.',
  'import.too_many_rows': 'Tệp có quá nhiều dòng: mỗi lần chỉ nhập tối đa {limit} dòng.',
  'import.bad_headers': 'Tiêu đề cột không đúng mẫu. Cần có các cột: {expected}. Tệp có: {found}.',
  'import.empty': 'Tệp không có dòng dữ liệu nào (dòng 1 là tiêu đề cột).',
  'import.invalid_rows': 'Có {count} lỗi trong tệp; chưa dữ liệu nào được ghi. Hãy sửa các dòng được nêu rồi nhập lại.',
  'import.row.required': 'Không được để trống.',
  'import.row.subject_missing': 'Phải điền Mã cán bộ (cá nhân) hoặc Mã đơn vị (tập thể).',
  'import.row.subject_both': 'Chỉ điền một trong hai: Mã cán bộ (cá nhân) hoặc Mã đơn vị (tập thể).',
  'import.row.unknown_person': 'Không tìm thấy cán bộ có mã "{code}" trong phạm vi được giao.',
  'import.row.unknown_unit': 'Không tìm thấy đơn vị có mã "{code}" trong phạm vi được giao.',
  'import.row.year': 'Năm "{value}" không hợp lệ: phải là số nguyên từ 1975 đến {max}.',
  'import.row.bad_date': 'Ngày "{value}" không hợp lệ: ghi theo dạng ngày/tháng/năm, ví dụ 15/01/2024.',
  'import.row.end_before_start': 'Đến ngày không được trước Từ ngày.',
  'import.row.unknown_value': '"{value}" không có trong danh mục. Giá trị được chấp nhận: {allowed}.',
  'import.row.unknown_award_form': 'Không có danh hiệu, hình thức khen thưởng "{value}" trong danh mục (xem trang Hướng dẫn của tệp mẫu).',
  'import.row.duplicate': 'Trùng với dòng {row} của tệp.',
  'import.row.too_long': 'Quá dài: tối đa {max} ký tự.',
  'organisation.cycle': 'Không thể chọn đơn vị cấp trên là chính đơn vị này hoặc một đơn vị trực thuộc nó.',
  'organisation.parent_required': 'Phải chọn đơn vị cấp trên.',
  'organisation.invalid_period': 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.',
  'organisation.code_taken': 'Mã {field} "{code}" đã được dùng cho đơn vị khác.',
  'organisation.successor_self': 'Đơn vị kế thừa không thể là chính đơn vị này.',
  'employment.overlap': 'Thời gian công tác trùng với quá trình công tác từ {start} đến {end} tại {organisation}.',
  'employment.overlap_open': 'Thời gian công tác trùng với quá trình công tác từ {start} đến nay tại {organisation}.',
  'employment.invalid_period': 'Ngày kết thúc không được trước ngày bắt đầu.',
  'person.code_taken': 'Mã cán bộ "{code}" đã được dùng cho người khác.',
  'user.username_format': 'Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các dấu . _ - (từ 3 đến 60 ký tự).',
  'user.email_format': 'Địa chỉ thư điện tử không hợp lệ (ví dụ: ten@donvi.gov.vn).',
  'password_link.invalid': 'Liên kết đặt mật khẩu không đúng, đã được dùng hoặc đã hết hạn. Hãy yêu cầu một liên kết mới.',
  'user.current_password_required': 'Nhập mật khẩu hiện tại để đổi địa chỉ thư điện tử.',
  'text.invalid_character': 'Văn bản có ký tự không hợp lệ (ký tự rỗng hoặc mã hóa hỏng): hãy gõ hoặc dán lại.',
  'validation.nothing_to_change': 'Không có gì để thay đổi: hãy gửi ít nhất một trường.',
  'date.out_of_range': 'Ngày không hợp lệ: năm phải từ 1000 đến 2999.',
  'sso.disabled': 'Đăng nhập một lần chưa được bật trên hệ thống này.',
  'sso.provider_unavailable': 'Không kết nối được máy chủ đăng nhập một lần. Vui lòng thử lại sau hoặc đăng nhập bằng mật khẩu.',
  'sso.state_invalid': 'Phiên đăng nhập một lần không hợp lệ hoặc đã được dùng (quá hạn, mở từ trình duyệt khác hoặc tải lại trang). Vui lòng quay lại trang đăng nhập và đăng nhập lại.',
  'user.username_taken': 'Tên đăng nhập "{username}" đã tồn tại.',
  'user.weak_password': 'Mật khẩu phải có ít nhất 10 ký tự.',
  'user.current_password_wrong': 'Mật khẩu hiện tại không đúng.',
  'user.same_password': 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  'grant.self_admin_revoke': 'Không thể tự thu hồi quyền quản trị của chính mình.',
  'movement.window_inverted': 'Thời hạn kết thúc phải sau hoặc trùng ngày bắt đầu.',
  'movement.immutable': 'Kế hoạch đã ban hành không được sửa trực tiếp; hãy lập văn bản sửa đổi, bổ sung (có ghi lý do).',
  'movement.transition': 'Không thể {action} kế hoạch đang ở trạng thái "{status}".',
  'movement.parent_not_issued': 'Chỉ có thể triển khai (hưởng ứng) từ kế hoạch đã ban hành.',
  'movement.not_subordinate': 'Đơn vị "{organisation}" không thuộc phạm vi của cơ quan ban hành kế hoạch cấp trên.',
  'movement.unknown_award_form': 'Hình thức khen thưởng "{code}" không có trong danh mục.',
  'movement.quota_loosened': 'Chỉ tiêu khen thưởng của cấp dưới không được vượt chỉ tiêu của kế hoạch cấp trên ({field}: tối đa {limit}).',
  'movement.number_taken': 'Số văn bản {number}/{symbol} năm {year} đã được dùng cho kế hoạch khác.',
  'movement.period_inverted': 'Thời gian kết thúc phong trào phải sau thời gian bắt đầu.',
  'movement.not_responding_unit': 'Đơn vị "{organisation}" không phải đơn vị trực thuộc cơ quan ban hành kế hoạch.',
  entity_movement: 'kế hoạch, phong trào thi đua',
  entity_organisation: 'đơn vị',
  'record.year_out_of_range': 'Năm {year} không hợp lệ: chỉ nhận từ năm 1975 đến năm {max}.',
  'record.unknown_award_form': 'Không có danh hiệu, hình thức khen thưởng "{form}" trong danh mục.',
  'record.award_form_recipient': 'Danh hiệu, hình thức khen thưởng "{form}" không dành cho đối tượng này (cá nhân/tập thể).',
  'record.invalid_period': 'Ngày kết thúc không được trước ngày bắt đầu.',
  'record.duplicate': 'Hồ sơ này đã có (trùng nội dung đã nhập).',
  'record.one_subject': 'Chọn đúng một đối tượng: một cá nhân hoặc một tập thể.',
  'rule.years_inverted': 'Năm kết thúc phải sau hoặc trùng năm bắt đầu.',
  'rule.members_titled_empty': 'Phải nêu tỷ lệ hoặc số thành viên tối thiểu.',
  'eligibility.no_rule': 'Chưa có tiêu chuẩn của "{form}" cho {recipient} áp dụng năm {year}.',
  'eligibility.criterion_without_rule': 'Tiêu chuẩn này của phong trào chưa được viết thành điều kiện hệ thống kiểm tra được.',
  'eligibility.criterion_recipient': 'Chỉ xét được tiêu chuẩn dành cho cá nhân hoặc tập thể.',
  'eligibility.award_or_criterion': 'Chọn một danh hiệu, hình thức khen thưởng hoặc một tiêu chuẩn của phong trào.',
  entity_criterion: 'tiêu chuẩn',
  'eligibility.no_legal_basis': 'Không có văn bản pháp luật về thi đua, khen thưởng có hiệu lực vào ngày {date}.',
  'eligibility.no_base_salary': 'Chưa có mức lương cơ sở áp dụng vào ngày {date}.',
  'catalogue.base_salary_exists': 'Đã có mức lương cơ sở áp dụng từ ngày {date}.',
  'catalogue.no_cap': 'Danh hiệu "{form}" không có giới hạn tỷ lệ để điều chỉnh.',
  entity_record: 'hồ sơ',
  entity_person: 'cá nhân',
  entity_employment: 'quá trình công tác',
  entity_user: 'tài khoản',
  entity_grant: 'quyền',
  entity_route: 'đường dẫn',
  ...nominations.vi,
  ...files.vi,
  ...certificates.vi,
  ...consultation.vi,
  ...council.vi,
  ...decisions.vi,
  ...statutoryForms.vi,
  ...examples.vi,
  ...dashboard.vi,
  ...reports.vi,
  ...clusters.vi,
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
  ...archive.en,
  ...statistics.en,
  ...history.en,
  ...onboarding.en,
  ...residents.en,
  not_found: 'The {entity} was not found.',
  forbidden: 'You are not allowed to do this with data outside the scope you were granted.',
  unauthenticated: 'Your session has expired or you are not signed in. Please sign in again.',
  csrf: 'The request was refused: the anti-forgery (CSRF) token is missing or wrong. Please reload the page.',
  validation: 'The data sent is not valid.',
  bad_credentials: 'Wrong username or password.',
  locked_out: 'The account is locked after repeated failed sign-ins. Try again in {minutes} minutes.',
  account_disabled: 'The account has been disabled.',
  rate_limited: 'Too many requests. Please try again later.',
  internal: 'A system error occurred. Nothing was changed; please try again or tell an administrator.',
  busy: 'The database is busy (single-office mode). Please try again in a moment.',
  'import.not_spreadsheet': 'The uploaded file is not an Excel workbook (.xlsx) or a CSV file (UTF-8). For an old .xls file, open it in Excel and save it as .xlsx.',
  'import.too_large': 'The file is too large: files up to {limit} are accepted. Split it into smaller files.',
  'import.too_many_rows': 'The file has too many rows: at most {limit} rows per import.',
  'import.bad_headers': 'The column headers do not match the template. Expected: {expected}. Found: {found}.',
  'import.empty': 'The file has no data rows (row 1 holds the column headers).',
  'import.invalid_rows': 'The file has {count} errors; nothing was saved. Correct the rows listed and import again.',
  'import.row.required': 'Must not be empty.',
  'import.row.subject_missing': 'Fill in either the HR code (a person) or the unit code (a collective).',
  'import.row.subject_both': 'Fill in only one of the HR code (a person) or the unit code (a collective).',
  'import.row.unknown_person': 'No person with HR code "{code}" in your scope.',
  'import.row.unknown_unit': 'No unit with code "{code}" in your scope.',
  'import.row.year': 'Year "{value}" is not valid: it must be a whole number from 1975 to {max}.',
  'import.row.bad_date': 'Date "{value}" is not valid: write day/month/year, e.g. 15/01/2024.',
  'import.row.end_before_start': 'The end date must not be before the start date.',
  'import.row.unknown_value': '"{value}" is not in the list. Accepted values: {allowed}.',
  'import.row.unknown_award_form': 'There is no title or award form "{value}" in the catalogue (see the template\'s Hướng dẫn sheet).',
  'import.row.duplicate': 'Same record as row {row} of the file.',
  'import.row.too_long': 'Too long: at most {max} characters.',
  'organisation.cycle': 'An organisation cannot be placed under itself or one of its own sub-units.',
  'organisation.parent_required': 'A parent organisation is required.',
  'organisation.invalid_period': 'The end of validity must not be before its start.',
  'organisation.code_taken': 'The {field} code "{code}" is already used by another organisation.',
  'organisation.successor_self': 'An organisation cannot be its own successor.',
  'employment.overlap': 'This period overlaps the employment from {start} to {end} at {organisation}.',
  'employment.overlap_open': 'This period overlaps the employment from {start} (still current) at {organisation}.',
  'employment.invalid_period': 'The end date must not be before the start date.',
  'person.code_taken': 'The HR code "{code}" is already used for another person.',
  'user.username_format': 'A username has only unaccented letters, digits and . _ - (3 to 60 characters).',
  'user.email_format': 'This is not an e-mail address (for example name@unit.gov.vn).',
  'password_link.invalid': 'This password link is wrong, already used or expired. Ask for a new one.',
  'user.current_password_required': 'Type your current password to change the e-mail address.',
  'text.invalid_character': 'The text has an invalid character (a NUL or broken encoding): type or paste it again.',
  'validation.nothing_to_change': 'Nothing to change: send at least one field.',
  'date.out_of_range': 'Not a valid date: the year must be between 1000 and 2999.',
  'sso.disabled': 'Single sign-on is not enabled on this system.',
  'sso.provider_unavailable': 'The single sign-on server cannot be reached. Please try again later or sign in with your password.',
  'sso.state_invalid': 'This single sign-on attempt is not valid or was already used (expired, started in another browser, or the page was reloaded). Please go back to the sign-in page and sign in again.',
  'user.username_taken': 'The username "{username}" already exists.',
  'user.weak_password': 'The password must have at least 10 characters.',
  'user.current_password_wrong': 'The current password is wrong.',
  'user.same_password': 'The new password must differ from the current one.',
  'grant.self_admin_revoke': 'You cannot revoke your own administrator role.',
  'movement.window_inverted': 'The end must be on or after the start.',
  'movement.immutable': 'An issued plan cannot be edited directly; record an amendment, with its reason.',
  'movement.transition': 'Cannot {action} a plan whose status is "{status}".',
  'movement.parent_not_issued': 'A plan can only be cascaded from an issued plan.',
  'movement.not_subordinate': '"{organisation}" is not under the organisation that issued the parent plan.',
  'movement.unknown_award_form': 'The award form "{code}" is not in the catalogue.',
  'movement.quota_loosened': 'A subordinate plan cannot exceed the parent plan\'s quota ({field}: at most {limit}).',
  'movement.number_taken': 'Document number {number}/{symbol} of {year} is already used by another plan.',
  'movement.period_inverted': 'The movement must end after it starts.',
  'movement.not_responding_unit': '"{organisation}" is not directly under the organisation that issued the plan.',
  entity_movement: 'movement plan',
  entity_organisation: 'organisation',
  'record.year_out_of_range': 'Year {year} is not allowed: only 1975 to {max}.',
  'record.unknown_award_form': 'There is no title or award form "{form}" in the catalogue.',
  'record.award_form_recipient': '"{form}" is not conferred on this kind of recipient (individual/collective).',
  'record.invalid_period': 'The end date must not be before the start date.',
  'record.duplicate': 'This record already exists.',
  'record.one_subject': 'Choose exactly one subject: a person or a collective.',
  'rule.years_inverted': 'The last year must be on or after the first.',
  'rule.members_titled_empty': 'Give a share or a minimum number of members.',
  'eligibility.no_rule': 'There are no criteria for "{form}" for {recipient} in force in {year}.',
  'eligibility.criterion_without_rule': 'This criterion of the movement has not been written as a condition the system can check.',
  'eligibility.criterion_recipient': 'Only criteria for individuals or collectives can be checked.',
  'eligibility.award_or_criterion': 'Choose a title or award form, or a criterion of a movement.',
  entity_criterion: 'criterion',
  'eligibility.no_legal_basis': 'No law on emulation and commendation was in force on {date}.',
  'eligibility.no_base_salary': 'No statutory base salary is set for {date}.',
  'catalogue.base_salary_exists': 'A base salary from {date} already exists.',
  'catalogue.no_cap': '"{form}" has no share cap to set.',
  entity_record: 'record',
  entity_person: 'person',
  entity_employment: 'employment',
  entity_user: 'account',
  entity_grant: 'role grant',
  entity_route: 'path',
  ...nominations.en,
  ...files.en,
  ...certificates.en,
  ...consultation.en,
  ...council.en,
  ...decisions.en,
  ...statutoryForms.en,
  ...examples.en,
  ...dashboard.en,
  ...reports.en,
  ...clusters.en,
};

const catalogues: Record<Locale, Record<MessageKey, string>> = { vi, en };

export function isMessageKey(key: string): key is MessageKey {
  return key in vi;
}

export function translate(key: MessageKey, locale: Locale, params: Record<string, string | number> = {}): string {
  const template = catalogues[locale][key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    // entity names are themselves message keys ('person' → 'cá nhân')
    const entityKey = `entity_${value}`;
    return name === 'entity' && isMessageKey(entityKey) ? catalogues[locale][entityKey] : String(value);
  });
}

/** Picks the user's language from Accept-Language; Vietnamese unless English is asked for first. */
export function localeFrom(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'vi';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'vi';
}
