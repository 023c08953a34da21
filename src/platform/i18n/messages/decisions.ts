/** Server messages of award decisions (quyết định khen thưởng), Vietnamese first. */
export const vi = {
  'decision.not_decidable': '{name} chưa được thẩm định chấp nhận (trạng thái "{status}"): chưa thể đưa vào quyết định khen thưởng.',
  'decision.vote_required': '{name}: {form} phải được Hội đồng Thi đua - Khen thưởng bỏ phiếu thông qua trước khi quyết định.',
  'decision.already_on_decision': '{name} đã có trong quyết định số {number}: không thể đưa vào quyết định khác.',
  'decision.household_unsupported': '{name} là hộ gia đình: quyết định khen thưởng hộ gia đình chưa được hỗ trợ (sổ khen thưởng chưa ghi nhận hộ gia đình). Hãy bỏ trường hợp này khỏi quyết định.',
  'decision.mixed_candidates': 'Một quyết định chỉ tặng một hình thức khen thưởng, cho thành tích cùng năm, cùng loại và do cùng một cấp quyết định: {name} khác các trường hợp còn lại.',
  'decision.number_taken': 'Số quyết định {number} năm {year} đã được dùng cho văn bản khác của cơ quan này. Số tiếp theo còn trống: {next}.',
  'decision.not_draft': 'Quyết định đã ban hành: không thể sửa hoặc xóa.',
  'decision.key_reused': 'Mã chống gửi trùng (Idempotency-Key) này đã được dùng cho một quyết định khác.',
  'decision.duplicate_candidate': 'Danh sách chọn có trường hợp bị lặp lại.',
  'decision.batch_not_accepted': 'Đợt đề nghị "{title}" chưa kết thúc thẩm định: chưa thể quyết định khen thưởng.',
  'decision.signed_year': 'Ngày ký phải từ năm {min} đến năm {max}.',
  entity_award_decision: 'quyết định khen thưởng',
};

export const en: Record<keyof typeof vi, string> = {
  'decision.not_decidable': '{name} has not been accepted in appraisal (status "{status}"): not yet on a decision.',
  'decision.vote_required': '{name}: {form} must first pass the Emulation and Commendation Council\'s vote.',
  'decision.already_on_decision': '{name} is already on decision no. {number}: cannot be put on another.',
  'decision.household_unsupported': '{name} is a household: award decisions for households are not supported yet (the award register has no households). Remove it from the decision.',
  'decision.mixed_candidates': 'A decision confers one award form, for achievements of one year and kind, decided by one level: {name} differs from the others.',
  'decision.number_taken': 'Decision number {number} of {year} is already used by another document of this authority. The next free number is {next}.',
  'decision.not_draft': 'The decision is issued: it can no longer be changed or deleted.',
  'decision.key_reused': 'This Idempotency-Key was already used for another decision.',
  'decision.duplicate_candidate': 'A candidate is chosen twice.',
  'decision.batch_not_accepted': 'The appraisal of batch "{title}" is not finished: no award can be decided yet.',
  'decision.signed_year': 'The signing date must lie between {min} and {max}.',
  entity_award_decision: 'award decision',
};
