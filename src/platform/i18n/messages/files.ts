/** Messages of uploads and stored files (platform/storage). */
export const vi = {
  'file.not_pdf': 'Chỉ nhận tệp PDF (bản scan văn bản đã ký). Tệp gửi lên không phải PDF hoặc không khai báo kiểu application/pdf.',
  'file.too_large': 'Tệp quá lớn: chỉ nhận tệp đến {limit}. Hãy scan lại với độ phân giải thấp hơn (200–300 dpi) hoặc nén tệp PDF.',
  'file.empty': 'Tệp gửi lên rỗng (0 byte). Hãy chọn lại tệp PDF.',
  'file.missing': 'Tệp "{name}" đã được ghi nhận nhưng không còn trong kho lưu trữ. Quản trị hệ thống đã được ghi nhật ký; hãy báo họ khôi phục thư mục tệp.',
  'file.empty_image': 'Ảnh gửi lên rỗng (0 byte). Hãy chọn lại ảnh JPEG hoặc PNG.',
  'file.not_image': 'Chỉ nhận ảnh JPEG hoặc PNG. Tệp gửi lên không phải ảnh JPEG/PNG hoặc khai báo sai kiểu tệp.',
  'file.too_large_image': 'Ảnh quá lớn: chỉ nhận ảnh đến {limit}. Hãy thu nhỏ ảnh (ví dụ chiều rộng 1600 điểm ảnh) rồi tải lên lại.',
  entity_file: 'tệp',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'file.not_pdf': 'Only PDF files are accepted (a scan of the signed document). The file sent is not a PDF or was not declared as application/pdf.',
  'file.too_large': 'The file is too large: files up to {limit} are accepted. Scan again at a lower resolution (200–300 dpi) or compress the PDF.',
  'file.empty': 'The file sent is empty (0 bytes). Choose the PDF file again.',
  'file.missing': 'The file "{name}" is recorded but no longer in the file store. It has been logged for the administrator; ask them to restore the files folder.',
  'file.empty_image': 'The picture sent is empty (0 bytes). Choose the JPEG or PNG picture again.',
  'file.not_image': 'Only JPEG or PNG pictures are accepted. The file sent is not a JPEG/PNG picture or was declared as another type.',
  'file.too_large_image': 'The picture is too large: pictures up to {limit} are accepted. Resize it (for example to 1600 pixels wide) and upload it again.',
  entity_file: 'file',
};
