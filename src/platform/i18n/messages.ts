/** Server messages, Vietnamese first. Keys are the error codes clients see. */
export type Locale = 'vi' | 'en';

const vi = {
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
  'organisation.cycle': 'Không thể chọn đơn vị cấp trên là chính đơn vị này hoặc một đơn vị trực thuộc nó.',
  'organisation.parent_required': 'Phải chọn đơn vị cấp trên.',
  'organisation.invalid_period': 'Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực.',
  'organisation.code_taken': 'Mã {field} "{code}" đã được dùng cho đơn vị khác.',
  'organisation.successor_self': 'Đơn vị kế thừa không thể là chính đơn vị này.',
  'employment.overlap': 'Thời gian công tác trùng với quá trình công tác từ {start} đến {end} tại {organisation}.',
  'employment.overlap_open': 'Thời gian công tác trùng với quá trình công tác từ {start} đến nay tại {organisation}.',
  'employment.invalid_period': 'Ngày kết thúc không được trước ngày bắt đầu.',
  'user.username_format': 'Tên đăng nhập chỉ gồm chữ không dấu, chữ số và các dấu . _ - (từ 3 đến 60 ký tự).',
  'user.username_taken': 'Tên đăng nhập "{username}" đã tồn tại.',
  'user.weak_password': 'Mật khẩu phải có ít nhất 10 ký tự.',
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
  entity_person: 'cá nhân',
  entity_employment: 'quá trình công tác',
  entity_user: 'tài khoản',
  entity_grant: 'quyền',
  entity_route: 'đường dẫn',
} as const;

export type MessageKey = keyof typeof vi;

const en: Record<MessageKey, string> = {
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
  'organisation.cycle': 'An organisation cannot be placed under itself or one of its own sub-units.',
  'organisation.parent_required': 'A parent organisation is required.',
  'organisation.invalid_period': 'The end of validity must not be before its start.',
  'organisation.code_taken': 'The {field} code "{code}" is already used by another organisation.',
  'organisation.successor_self': 'An organisation cannot be its own successor.',
  'employment.overlap': 'This period overlaps the employment from {start} to {end} at {organisation}.',
  'employment.overlap_open': 'This period overlaps the employment from {start} (still current) at {organisation}.',
  'employment.invalid_period': 'The end date must not be before the start date.',
  'user.username_format': 'A username has only unaccented letters, digits and . _ - (3 to 60 characters).',
  'user.username_taken': 'The username "{username}" already exists.',
  'user.weak_password': 'The password must have at least 10 characters.',
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
  entity_person: 'person',
  entity_employment: 'employment',
  entity_user: 'account',
  entity_grant: 'role grant',
  entity_route: 'path',
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
