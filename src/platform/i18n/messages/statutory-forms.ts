/** Server messages of the statutory statistical forms (src/modules/statutory-forms). */
export const vi = {
  'statutory_forms.unknown_form': 'Không có biểu mẫu này: chỉ có các biểu 0601, 0602, 0603, 0604 và 0605 (Thông tư 02/2023/TT-BNV).',
  'statutory_forms.year': 'Năm báo cáo không hợp lệ: phải là số nguyên từ 1975 đến 2100.',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'statutory_forms.unknown_form': 'There is no such form: the forms are 0601, 0602, 0603, 0604 and 0605 (Circular 02/2023/TT-BNV).',
  'statutory_forms.year': 'Invalid reporting year: it must be a whole number from 1975 to 2100.',
};
