/** Messages of uploads and stored files (platform/storage). */
export const vi = {
  'file.not_pdf': 'Chỉ nhận tệp PDF (bản scan văn bản đã ký). Tệp gửi lên không phải PDF hoặc không khai báo kiểu application/pdf.',
  'file.too_large': 'Tệp quá lớn: chỉ nhận tệp đến {limit}. Hãy scan lại với độ phân giải thấp hơn (200–300 dpi) hoặc nén tệp PDF.',
  'file.empty': 'Tệp gửi lên rỗng (0 byte). Hãy chọn lại tệp PDF.',
  entity_file: 'tệp',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'file.not_pdf': 'Only PDF files are accepted (a scan of the signed document). The file sent is not a PDF or was not declared as application/pdf.',
  'file.too_large': 'The file is too large: files up to {limit} are accepted. Scan again at a lower resolution (200–300 dpi) or compress the PDF.',
  'file.empty': 'The file sent is empty (0 bytes). Choose the PDF file again.',
  entity_file: 'file',
};
