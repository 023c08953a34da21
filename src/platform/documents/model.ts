/**
 * A Vietnamese administrative document (văn bản hành chính) in the format of
 * Decree 30/2020/NĐ-CP: a pure description plus the pure helpers that turn it
 * into the lines every renderer (docx.ts, pdf.ts) prints the same way.
 *
 * Text fields may carry light inline markup: **bold**, *italic*, ***both***
 * (a literal asterisk is written \*). Header fields may contain '\n' to force
 * a line break (e.g. 'ỦY BAN NHÂN DÂN\nHUYỆN AN BIÊN').
 */
import { formatLongDate, type IsoDate } from '../vn/dates.ts';

/** Document kinds by their number-symbol abbreviation (Decree 30, Appendix III). */
export const DOCUMENT_KINDS = {
  KH: 'KẾ HOẠCH',
  QD: 'QUYẾT ĐỊNH',
  TTr: 'TỜ TRÌNH',
  BC: 'BÁO CÁO',
  BB: 'BIÊN BẢN',
  HD: 'HƯỚNG DẪN',
  TB: 'THÔNG BÁO',
  CT: 'CHỈ THỊ',
} as const;

export type DocumentKindCode = keyof typeof DOCUMENT_KINDS;

/**
 * A ruled table in the body (a list of nominees, of votes, of past awards): a bold, centred heading row,
 * then the rows. Widths are relative weights of the text width. Cells take the inline markup.
 */
export interface DocumentTable {
  columns: { title: string; width: number; align?: 'left' | 'center' }[];
  rows: string[][];
}

/** What the body holds in order: a paragraph of text, or a table. */
export type BodyItem = string | DocumentTable;

export const isTable = (item: BodyItem): item is DocumentTable => typeof item !== 'string';

/** One numbered part of the body: I. → 1. → a) (deeper levels print as '-'). */
export interface DocumentSection {
  /** Heading after the label, e.g. 'MỤC ĐÍCH, YÊU CẦU'; may be empty for a bare item. */
  title: string;
  /** Paragraphs (justified, first-line indent) and tables printed under the heading. */
  paragraphs?: BodyItem[];
  children?: DocumentSection[];
}

export type SignatureAuthority = 'TM.' | 'KT.' | 'TL.' | 'Q.';

export interface DocumentSignature {
  /** TM. (on behalf of a collective), KT. (deputy for the head), TL., Q.; null when the head signs. */
  authority: SignatureAuthority | null;
  /** Printed after the authority: 'ỦY BAN NHÂN DÂN' for TM., 'CHỦ TỊCH' for KT. */
  authorityBody: string;
  /** The signer's title: 'CHỦ TỊCH', 'PHÓ CHỦ TỊCH'. */
  title: string;
  /** Printed in italics under the title: '(Ký, đóng dấu)', '(Ký, ghi rõ họ tên)'. */
  note?: string;
  name: string;
}

export interface OfficialDocument {
  /** Cơ quan chủ quản, e.g. 'UBND TỈNH KIÊN GIANG'; '' when there is none. */
  parentBody: string;
  /** Cơ quan ban hành, e.g. 'ỦY BAN NHÂN DÂN\nHUYỆN AN BIÊN'. */
  issuingBody: string;
  /**
   * Printed instead of the kind's name (DOCUMENT_KINDS), e.g. 'BÁO CÁO THÀNH TÍCH' for an achievement
   * report, whose template has no number either (symbol '').
   */
  title?: string;
  /** Sequence number; null while the document is a draft (not yet numbered). */
  number: number | null;
  /** Ký hiệu, e.g. 'KH-UBND'; '' for a form without a number line (an achievement report). */
  symbol: string;
  /** Place name for the date line, e.g. 'An Biên'. */
  place: string;
  /** Date of issue; null for a draft (blanks are printed). */
  date: IsoDate | null;
  kind: DocumentKindCode;
  /** Trích yếu nội dung, printed bold under the kind. */
  subject: string;
  /** 'Kính gửi: …', centred under the subject (a proposal letter is addressed to the authority). */
  addressee?: string;
  /** Căn cứ …: each printed in italics, ';' after each but the last, '.' after the last. */
  legalBases: string[];
  /** Paragraphs after the legal bases and before the numbered sections. */
  preamble: BodyItem[];
  sections: DocumentSection[];
  /** Closing paragraphs after the sections ('Trên đây là …/.'). */
  closing?: BodyItem[];
  signature: DocumentSignature;
  /**
   * A second signature, printed on the left instead of 'Nơi nhận' (minutes: the secretary beside the
   * chair; an achievement report: the head who confirms beside the reporter).
   */
  cosignature?: DocumentSignature;
  /** Nơi nhận, without the dash and the final ';' (e.g. 'Thường trực Huyện ủy'). */
  recipients: string[];
  /** Archive line 'Lưu: VT, …': the entries after 'VT' (e.g. ['NV']); VT is always first. */
  archive?: string[];
  /** A list attached after the signature, on a page of its own ('có danh sách kèm theo'). */
  annex?: DocumentAnnex;
}

/** The annex's table: header cells bold and centred, widths in millimetres, cells with inline markup. */
export interface AnnexTable {
  columns: { header: string; widthMm: number; align?: 'left' | 'center' | 'right' }[];
  rows: string[][];
}

/** The attached list: its title (bold, centred), centred lines under it, then the table. */
export interface DocumentAnnex {
  title: string;
  /** e.g. '(Kèm theo Quyết định số 125/QĐ-VP ngày 05/8/2026 của …)'; inline markup allowed */
  subtitle: string[];
  table: AnnexTable;
}

// ---- header lines -------------------------------------------------------------------------

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** The blank left in drafts where the number or day/month are written by hand. */
export const BLANK = '      ';

/** 'Số: 118/KH-UBND'; numbers below 10 take a leading zero; unnumbered: 'Số:      /KH-UBND'; no symbol: ''. */
export function numberLine(doc: Pick<OfficialDocument, 'number' | 'symbol'>): string {
  if (doc.symbol === '') return '';
  if (doc.number === null) return `Số:${BLANK}/${doc.symbol}`;
  if (!Number.isInteger(doc.number) || doc.number < 1) {
    throw new RangeError(`Document number must be a positive integer, got ${doc.number}`);
  }
  return `Số: ${pad2(doc.number)}/${doc.symbol}`;
}

/** 'An Biên, ngày 17 tháng 9 năm 2019'; a draft prints blanks for day, month and year digits. */
export function placeDateLine(doc: Pick<OfficialDocument, 'place' | 'date'>): string {
  if (doc.date !== null) return formatLongDate(doc.date, doc.place);
  const body = `ngày${BLANK}tháng${BLANK}năm 20…`;
  const where = doc.place.trim().replace(/\s+/gu, ' ');
  return where.length > 0 ? `${where}, ${body}` : body;
}

export function kindTitle(doc: Pick<OfficialDocument, 'kind' | 'title'>): string {
  return doc.title ?? DOCUMENT_KINDS[doc.kind];
}

/** Lines of a header field: explicit '\n' breaks; 'ỦY BAN NHÂN DÂN X' breaks after DÂN. */
export function headerLines(text: string): string[] {
  const t = text.trim();
  if (t.length === 0) return [];
  if (t.includes('\n')) return t.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const m = /^(ỦY BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)\s+(.+)$/u.exec(t);
  return m ? [m[1] as string, m[2] as string] : [t];
}

export const NATIONAL_TITLE = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

// ---- body -------------------------------------------------------------------------------

/** Legal bases with the Decree 30 punctuation: ';' after each, '.' after the last. */
export function legalBasisLines(bases: readonly string[]): string[] {
  const cleaned = bases.map((b) => b.trim().replace(/[\s.;,]+$/u, '')).filter((b) => b.length > 0);
  return cleaned.map((b, i) => `${b}${i === cleaned.length - 1 ? '.' : ';'}`);
}

/** The Vietnamese alphabet as used for list items: no f, j, w, z; đ after d. */
export const VIETNAMESE_ITEM_LETTERS = [
  'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm',
  'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y',
] as const;

/** 0 → 'a', 4 → 'đ', 22 → 'y', then 'aa', 'ab', … (bijective base 23). */
export function itemLetter(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`Bad item index ${index}`);
  const n = VIETNAMESE_ITEM_LETTERS.length;
  let i = index + 1;
  let out = '';
  while (i > 0) {
    const r = (i - 1) % n;
    out = VIETNAMESE_ITEM_LETTERS[r] + out;
    i = Math.floor((i - 1) / n);
  }
  return out;
}

const ROMAN: readonly [number, string][] = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → 'I', 4 → 'IV', 14 → 'XIV'. */
export function romanNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`Bad roman numeral ${n}`);
  let rest = n;
  let out = '';
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits;
      rest -= value;
    }
  }
  return out;
}

/** The label of the item at `index` (0-based) on `depth` (0 = top): 'I.', '1.', 'a)', '-'. */
export function sectionLabel(depth: number, index: number): string {
  if (depth === 0) return `${romanNumeral(index + 1)}.`;
  if (depth === 1) return `${index + 1}.`;
  if (depth === 2) return `${itemLetter(index)})`;
  return '-';
}

export interface NumberedSection {
  depth: number;
  label: string;
  /** Label and title joined: 'I. MỤC ĐÍCH, YÊU CẦU', 'a) Cụ thể hóa …'. */
  heading: string;
  paragraphs: BodyItem[];
}

/** The section tree flattened in reading order, each with its automatic label. */
export function sectionNumbers(sections: readonly DocumentSection[], depth = 0): NumberedSection[] {
  const out: NumberedSection[] = [];
  sections.forEach((s, i) => {
    const label = sectionLabel(depth, i);
    const title = s.title.trim();
    out.push({
      depth,
      label,
      heading: title.length > 0 ? `${label} ${title}` : label,
      paragraphs: s.paragraphs ?? [],
    });
    out.push(...sectionNumbers(s.children ?? [], depth + 1));
  });
  return out;
}

// ---- signature and recipients -----------------------------------------------------------

/** ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']; without an authority just the title (the note is printed apart). */
export function signatureLines(sig: DocumentSignature): string[] {
  const lines: string[] = [];
  if (sig.authority !== null) lines.push(`${sig.authority} ${sig.authorityBody.trim()}`.trim());
  if (sig.title.trim().length > 0) lines.push(sig.title.trim());
  return lines;
}

/** '- Thường trực Huyện ủy;' … '- Lưu: VT, NV.' */
export function recipientLines(doc: Pick<OfficialDocument, 'recipients' | 'archive'>): string[] {
  const items = doc.recipients
    .map((r) => r.trim().replace(/^[-–]\s*/u, '').replace(/[\s.;,]+$/u, ''))
    .filter((r) => r.length > 0)
    .map((r) => `- ${r};`);
  const archive = ['VT', ...(doc.archive ?? []).map((a) => a.trim()).filter((a) => a && a !== 'VT')];
  return [...items, `- Lưu: ${archive.join(', ')}.`];
}

// ---- inline markup ----------------------------------------------------------------------

export interface TextRunSpec {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** '**Căn cứ** *Luật*' → runs with bold/italic flags; '\*' is a literal asterisk. */
export function parseInline(text: string): TextRunSpec[] {
  const runs: TextRunSpec[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const flush = (): void => {
    if (buf.length === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.italic === italic) last.text += buf;
    else runs.push({ text: buf, bold, italic });
    buf = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '*') {
      buf += '*';
      i++;
    } else if (c === '*' && text[i + 1] === '*') {
      flush();
      bold = !bold;
      i++;
    } else if (c === '*') {
      flush();
      italic = !italic;
    } else {
      buf += c;
    }
  }
  flush();
  return runs;
}

/** Inline markup removed: what a reader sees. */
export function plainText(text: string): string {
  return parseInline(text).map((r) => r.text).join('');
}

/** One paragraph of the body, in reading order, with the emphasis every renderer applies the same way. */
export interface BodyLine { text: string; italic?: boolean; bold?: boolean }

/** A paragraph, or a table, of the body. */
export type BodyBlock = BodyLine | { table: DocumentTable };

const block = (item: BodyItem): BodyBlock => (isTable(item) ? { table: item } : { text: item });

/** Legal bases (italic), preamble, numbered sections (I. and 1. headings bold), closing. */
export function bodyLines(doc: Pick<OfficialDocument, 'legalBases' | 'preamble' | 'sections' | 'closing'>): BodyBlock[] {
  const out: BodyBlock[] = legalBasisLines(doc.legalBases).map((text) => ({ text, italic: true }));
  for (const item of doc.preamble) out.push(block(item));
  for (const s of sectionNumbers(doc.sections)) {
    // I. and 1. headings are bold; a) items and deeper are plain text with their label
    out.push({ text: s.heading, bold: s.depth <= 1 });
    for (const item of s.paragraphs) out.push(block(item));
  }
  for (const item of doc.closing ?? []) out.push(block(item));
  return out;
}

/** Column widths as fractions of the whole (the weights normalised). */
export function tableWidths(table: DocumentTable): number[] {
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  return table.columns.map((c) => c.width / total);
}
