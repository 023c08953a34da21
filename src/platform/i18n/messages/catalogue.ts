/** Server messages of the tenant's award catalogue and rule editor (src/modules/eligibility, forms-*.ts). */
export const vi = {
  'catalogue.form_retired': 'Danh hiệu, hình thức khen thưởng "{form}" đã ngừng áp dụng: không nhận đề nghị mới.',
  'catalogue.code_taken': 'Mã "{code}" đã được dùng cho một danh hiệu, hình thức khen thưởng khác trong danh mục.',
  'catalogue.stale': 'Danh hiệu "{form}" vừa được người khác sửa (phiên bản {current}, bạn đang sửa phiên bản {yours}). Hãy tải lại để xem bản mới rồi sửa lại.',
  'catalogue.rule_stale': 'Tiêu chuẩn này vừa có phiên bản mới ({current}) sau phiên bản bạn đang sửa ({yours}). Hãy tải lại để xem bản mới rồi sửa lại.',
  'catalogue.shared_form': '"{form}" thuộc danh mục dùng chung theo quy định của Nhà nước: không sửa hay xóa được; đơn vị có thể ngừng áp dụng, đặt quy trình xét và tiêu chuẩn riêng.',
  'catalogue.form_in_use': '"{form}" đã được dùng trong {count} khen thưởng, đề nghị hoặc kế hoạch: không xóa được, chỉ có thể ngừng áp dụng.',
  'catalogue.not_retired': '"{form}" đang được áp dụng.',
  'catalogue.unknown_form_in_rule': 'Tiêu chuẩn nhắc đến danh hiệu, hình thức "{code}" không có trong danh mục của đơn vị.',
  'catalogue.rule_recipient': '"{form}" không xét cho {recipient}.',
  'catalogue.members_rule_individual': 'Tiêu chí về thành viên của tập thể không dùng được trong tiêu chuẩn cho cá nhân.',
  'catalogue.valid_from_outside_basis': 'Ngày áp dụng {date} nằm ngoài thời gian hiệu lực của căn cứ "{basis}".',
  'catalogue.unknown_legal_basis': 'Không có căn cứ pháp lý "{basis}".',
  'catalogue.code_format': 'Mã gồm chữ thường không dấu, chữ số và dấu gạch dưới, bắt đầu bằng chữ (ví dụ bang_khen_bo_truong).',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'catalogue.form_retired': '"{form}" has been retired: it takes no new nominations.',
  'catalogue.code_taken': 'The code "{code}" is already used by another title or award form in the catalogue.',
  'catalogue.stale': '"{form}" was just changed by someone else (version {current}; you were editing version {yours}). Reload to see it, then edit again.',
  'catalogue.rule_stale': 'This rule has a newer version ({current}) than the one you were editing ({yours}). Reload to see it, then edit again.',
  'catalogue.shared_form': '"{form}" belongs to the shared statutory catalogue: it cannot be changed or deleted; retire it here, or set your own procedure and rules.',
  'catalogue.form_in_use': '"{form}" is used by {count} awards, nominations or plans: it cannot be deleted, only retired.',
  'catalogue.not_retired': '"{form}" is in use.',
  'catalogue.unknown_form_in_rule': 'The rule names the title or award form "{code}", which is not in this catalogue.',
  'catalogue.rule_recipient': '"{form}" is not conferred on {recipient}.',
  'catalogue.members_rule_individual': 'Criteria about a collective\'s members cannot be used in a rule for individuals.',
  'catalogue.valid_from_outside_basis': 'The date {date} is outside the period of "{basis}".',
  'catalogue.unknown_legal_basis': 'There is no legal basis "{basis}".',
  'catalogue.code_format': 'A code is lower-case letters without diacritics, digits and underscores, starting with a letter (e.g. bang_khen_bo_truong).',
};
