/** Server messages of the award statistics (src/modules/statistics). */
export const vi = {
  'statistics.year_range': 'Khoảng năm không hợp lệ: từ năm {from} phải không sau đến năm {to}.',
  'statistics.span': 'Khoảng thời gian quá dài: mỗi lần thống kê tối đa {max} năm.',
  'statistics.unknown_award_form': 'Không có danh hiệu, hình thức khen thưởng "{form}" trong danh mục.',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'statistics.year_range': 'Invalid year range: the first year {from} must not be after the last year {to}.',
  'statistics.span': 'The period is too long: statistics cover at most {max} years at a time.',
  'statistics.unknown_award_form': 'There is no title or award form "{form}" in the catalogue.',
};
