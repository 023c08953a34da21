/** Server messages of the award archive (src/modules/archive). */
export const vi = {
  'archive.year_range': 'Khoảng năm không hợp lệ: từ năm {from} phải không sau đến năm {to}.',
  'archive.bad_cursor': 'Trang kết quả không hợp lệ hoặc đã cũ. Hãy tìm kiếm lại từ trang đầu.',
  'archive.public_tenant': 'Không xác định được cơ quan có cơ sở dữ liệu khen thưởng cần tra cứu. Hãy dùng đường dẫn do cơ quan đó công bố.',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'archive.year_range': 'Invalid year range: the first year {from} must not be after the last year {to}.',
  'archive.bad_cursor': 'The results page is invalid or out of date. Search again from the first page.',
  'archive.public_tenant': 'It is not clear whose awards archive to search. Use the address the agency published.',
};
