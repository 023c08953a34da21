/**
 * A document's number as Decree 30/2020 (Appendix I, II.3) writes it: "245/KH-UBND", "05/QĐ-SGDĐT". The number is the
 * issuer's sequence in the year (Arabic digits, a leading 0 below 10); the symbol is the kind's abbreviation, a dash and
 * the issuer's (capital letters with Đ, digits, "&" as in "SGD&ĐT"). Administrative documents carry no year in the
 * number (that is for legal normative ones, "05/2023/TT-BNV"), so plans and decisions never do. Server and browser
 * read numbers with these same rules.
 */
export const MAX_DOCUMENT_NUMBER = 999_999;
export const MAX_SYMBOL_LENGTH = 50;
export const SYMBOL_PATTERN = /^[\p{Lu}\d&]+(?:-[\p{Lu}\d&]+)*$/u;
const NUMBER_PATTERN = /^\d{1,6}$/;

/** 5 → "05/QĐ-UBND", 245 → "245/KH-UBND". */
export function formatDocumentNumber(number: number, symbol: string): string {
  const n = number < 10 ? `0${number}` : String(number);
  return symbol ? `${n}/${symbol}` : n;
}

/** What an officer typed for a symbol, as it is written: capitals (Vietnamese ones too), no spaces. */
export function normaliseSymbol(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, '').toLocaleUpperCase('vi-VN');
}

export const isDocumentSymbol = (symbol: string) => symbol.length <= MAX_SYMBOL_LENGTH && SYMBOL_PATTERN.test(symbol);

/** "512" → 512; anything else (a sign, a decimal, letters, 0, too long) → null: text is never bent into a number. */
export function parseSequenceNumber(text: string): number | null {
  const trimmed = text.trim();
  if (!NUMBER_PATTERN.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && n <= MAX_DOCUMENT_NUMBER ? n : null;
}

/**
 * A whole number as typed or pasted, "512/QĐ-SGDĐT" (spaces around the slash tolerated, "Số" before it too), split into
 * its parts; null when it is not one.
 */
export function parseDocumentNumber(text: string): { number: number; symbol: string } | null {
  const match = /^\s*(?:số\s*)?(\d+)\s*\/\s*(\S.*)$/iu.exec(text.normalize('NFC'));
  if (!match) return null;
  const number = parseSequenceNumber(match[1]!);
  const symbol = normaliseSymbol(match[2]!);
  return number !== null && isDocumentSymbol(symbol) ? { number, symbol } : null;
}
