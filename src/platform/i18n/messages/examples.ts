/** Server messages of typical examples, good deeds and the public honour board (src/modules/examples). */
export const vi = {
  'example.stage_transition': 'Không thể chuyển bước này: chỉ chuyển sang bước kế tiếp (Phát hiện → Bồi dưỡng → Tổng kết → Nhân rộng) hoặc lùi lại một bước.',
  'example.stage_note_required': 'Lùi lại một bước cần ghi rõ lý do.',
  'example.already_published': 'Gương điển hình này đã được công bố trên trang tôn vinh.',
  'example.not_published': 'Gương điển hình này chưa được công bố nên không thể gỡ xuống.',
  'example.too_many_photos': 'Mỗi gương điển hình có tối đa {max} ảnh. Hãy xóa bớt ảnh trước khi tải thêm.',
  'example.bad_cursor': 'Trang kết quả không hợp lệ hoặc đã cũ. Hãy tải lại trang từ đầu.',
  entity_example: 'gương điển hình, người tốt việc tốt',
  entity_example_photo: 'ảnh',
} as const;

export const en: Record<keyof typeof vi, string> = {
  'example.stage_transition': 'This step change is not allowed: a record moves to the next step (Discover → Nurture → Summarise → Replicate) or one step back.',
  'example.stage_note_required': 'Going one step back needs a reason.',
  'example.already_published': 'This example is already published on the honour board.',
  'example.not_published': 'This example is not published, so it cannot be taken off the board.',
  'example.too_many_photos': 'An example has at most {max} photos. Remove some before adding more.',
  'example.bad_cursor': 'The results page is invalid or out of date. Reload the page from the start.',
  entity_example: 'typical example or good deed',
  entity_example_photo: 'photo',
};
