/** Vietnamese text helpers for the browser (the server has its own, authoritative, folding). */

/** Lower-case, no diacritics, đ→d: "Nguyễn Văn Hòa" → "nguyen van hoa". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .trim();
}

/** For any sorting done in the browser (lists normally arrive sorted by the server). */
export const viCollator = new Intl.Collator('vi');
