import { translate, type Locale, type MessageKey } from '../../../platform/i18n/messages.ts';
import type { IsoDate } from '../../../platform/vn/dates.ts';
import { foldVietnamese } from '../../../platform/vn/fold.ts';
import { splitVietnameseName } from '../../../platform/vn/names.ts';
import { personSortKey, textSortKey } from '../../../platform/vn/sort.ts';
import { cellLine, cellLooseDate, cellYear, type RowError } from '../../../platform/spreadsheets/columns.ts';
import type { Cell, SheetRow } from '../../../platform/spreadsheets/sheet.ts';
import type { HistoryColumnKey } from './columns.ts';

/**
 * Past award decisions read from a spreadsheet (pure: the catalogue and "today" come in). Every bad
 * cell becomes one error naming its row and column; nothing is matched or written until none is left.
 */
export type { RowError };
export type RecipientKind = 'individual' | 'collective';

export interface HistoryRow {
  row: number;
  decisionNumber: string; decidedOn: IsoDate; decidedBy: string;
  awardForm: string; awardFormName: string; year: number;
  name: string; kind: RecipientKind; birthYear: number | null; unit: string;
  reason: string; amount: number | null;
  /** decision number, date, form, name and unit as written, folded: the row's natural key */
  key: string;
}

export interface AwardFormEntry { code: string; name: string; recipient: 'individual' | 'collective' | 'both' | 'household' }

/**
 * How award forms are written in old lists, besides their catalogue names and codes: the usual
 * abbreviations and the names of the forms before Law 2022 ("Bằng khen của UBND tỉnh"). Keys are
 * compared after formKey.
 */
const FORM_VARIANTS: Record<string, string[]> = {
  lao_dong_tien_tien: ['LĐTT', 'Danh hiệu Lao động tiên tiến'],
  chien_si_thi_dua_co_so: ['CSTĐCS', 'CSTĐ cơ sở', 'Chiến sỹ thi đua cơ sở'],
  chien_si_thi_dua_tinh: ['CSTĐ cấp tỉnh', 'CSTĐ tỉnh', 'Chiến sĩ thi đua tỉnh'],
  chien_si_thi_dua_toan_quoc: ['CSTĐ toàn quốc', 'CSTĐTQ'],
  tap_the_lao_dong_tien_tien: ['TTLĐTT'],
  tap_the_lao_dong_xuat_sac: ['TTLĐXS'],
  co_thi_dua_tinh: ['Cờ thi đua tỉnh', 'Cờ thi đua cấp tỉnh'],
  co_thi_dua_chinh_phu: ['Cờ thi đua Chính phủ'],
  giay_khen: ['GK'],
  bang_khen_tinh: ['Bằng khen tỉnh', 'Bằng khen cấp tỉnh', 'BK UBND tỉnh', 'BKUBND'],
  bang_khen_thu_tuong: ['Bằng khen Thủ tướng', 'BKTTg', 'BK TTCP'],
  huan_chuong_lao_dong_hang_ba: ['HCLĐ hạng Ba'],
  huan_chuong_lao_dong_hang_nhi: ['HCLĐ hạng Nhì'],
  huan_chuong_lao_dong_hang_nhat: ['HCLĐ hạng Nhất'],
};

/**
 * A form's name folded, with the words that vary between lists taken out: "danh hiệu", "của",
 * "cấp", "Chủ tịch", "Ủy ban nhân dân" written out or as UBND, "sỹ" for "sĩ". So "Bằng khen của Chủ tịch
 * Ủy ban nhân dân tỉnh", "Bằng khen UBND tỉnh" and "bang khen cua ubnd tinh" are one form.
 */
export function formKey(text: string): string {
  return ` ${foldVietnamese(text)} `
    .replace(/ uy ban nhan dan /g, ' ubnd ').replace(/ chien sy /g, ' chien si ')
    .replace(/ (danh hieu|cua|cap|chu tich) /g, ' ').replace(/ (danh hieu|cua|cap|chu tich) /g, ' ')
    .replace(/\s+/g, ' ').trim();
}

/** Form key → form, from the catalogue (names and codes) and the usual variants. */
export function awardFormIndex(forms: readonly AwardFormEntry[]): Map<string, AwardFormEntry> {
  const index = new Map<string, AwardFormEntry>();
  for (const f of forms) {
    for (const text of [f.name, f.code, ...(FORM_VARIANTS[f.code] ?? [])]) index.set(formKey(text), f);
  }
  return index;
}

// ── cells ──────────────────────────────────────────────────────────────────────────────────────

/**
 * Money in đồng: a number, or text with Vietnamese (1.490.000) or English (1,490,000) thousands
 * separators, optionally followed by "đ"/"đồng"/"VNĐ". Negative or fractional amounts are refused.
 * Undefined: not a valid amount.
 */
export function parseMoney(cell: Cell): number | null | undefined {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isSafeInteger(cell) && cell >= 0 ? cell : undefined;
  const text = cellLine(cell).replace(/\s*(đồng|đ|vnđ|vnd)$/i, '').replace(/\s/g, '');
  if (text === '') return null;
  if (/^\d{1,3}([.,]\d{3})+$/.test(text) && !/^\d{1,3}[.,]\d{3}[.,]\d{1,2}$/.test(text)) {
    const separators = new Set(text.replace(/\d/g, ''));
    if (separators.size === 1) return Number(text.replace(/[.,]/g, ''));
  }
  return /^\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
}

export function parseKind(text: string): RecipientKind | null | undefined {
  const folded = foldVietnamese(text);
  if (folded === '') return null;
  if (['ca nhan', 'cn', 'individual'].includes(folded)) return 'individual';
  if (['tap the', 'tt', 'collective', 'don vi'].includes(folded)) return 'collective';
  return undefined;
}

// ── rows ───────────────────────────────────────────────────────────────────────────────────────

export interface Lookups {
  forms: ReadonlyMap<string, AwardFormEntry>;
  today: IsoDate;
  locale: Locale;
}

const MAX_TEXT = 1000;

/** Reads every row; returns the rows to match, or every error found (then nothing is written). */
export function readHistoryRows(rows: SheetRow[], positions: ReadonlyMap<HistoryColumnKey, number>,
  headers: ReadonlyMap<HistoryColumnKey, string>, lookups: Lookups): { rows: HistoryRow[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const out: HistoryRow[] = [];
  const seen = new Map<string, number>();
  const thisYear = Number(lookups.today.slice(0, 4));
  for (const { row, cells } of rows) {
    const before = errors.length;
    const fail = (key: HistoryColumnKey, code: MessageKey, params: Record<string, string | number> = {}) => {
      errors.push({ row, column: headers.get(key) ?? key, message: translate(code, lookups.locale, params) });
    };
    const raw = (key: HistoryColumnKey): Cell => (positions.has(key) ? cells[positions.get(key)!] ?? null : null);
    const text = (key: HistoryColumnKey, required = false) => {
      const value = cellLine(raw(key));
      if (required && value === '') fail(key, 'import.row.required');
      if (value.length > MAX_TEXT) fail(key, 'import.row.too_long', { max: MAX_TEXT });
      return value;
    };

    const decisionNumber = text('number', true);
    let decidedOn: IsoDate | null = null;
    if (cellLine(raw('date')) === '') fail('date', 'import.row.required');
    else {
      decidedOn = cellLooseDate(raw('date'));
      if (!decidedOn || decidedOn < '1945-01-01' || decidedOn > lookups.today) {
        fail('date', 'history.row.date', { value: cellLine(raw('date')) });
        decidedOn = null;
      }
    }
    const formText = text('form', true);
    const form = formText === '' ? undefined : lookups.forms.get(formKey(formText));
    if (formText !== '' && !form) fail('form', 'import.row.unknown_award_form', { value: formText });

    let year = decidedOn ? Number(decidedOn.slice(0, 4)) : null;
    if (cellLine(raw('year')) !== '') {
      const y = cellYear(raw('year'));
      if (y === null || y < 1945 || y > thisYear) fail('year', 'history.row.year', { value: cellLine(raw('year')), max: thisYear });
      else year = y;
    }
    const name = text('name', true);
    const unit = text('unit');
    let birthYear: number | null = null;
    if (cellLine(raw('birthYear')) !== '') {
      birthYear = cellYear(raw('birthYear'));
      if (birthYear === null || birthYear < 1900 || birthYear > thisYear) {
        fail('birthYear', 'history.row.birth_year', { value: cellLine(raw('birthYear')), max: thisYear });
      }
    }
    const kindText = text('kind');
    let kind = parseKind(kindText);
    if (kind === undefined) fail('kind', 'history.row.kind', { value: kindText });
    if (form && kind !== undefined) {
      const only = form.recipient === 'individual' || form.recipient === 'collective' ? form.recipient : null;
      if (kind === null && only) kind = only;
      else if (kind === null) fail('kind', 'history.row.kind_needed', { form: form.name });
      else if (only && kind !== only) {
        fail('form', 'history.row.kind_mismatch', {
          form: form.name, allowed: translate(`history.kind.${only}`, lookups.locale), kind: translate(`history.kind.${kind}`, lookups.locale),
        });
      }
    }
    const amount = parseMoney(raw('money'));
    if (amount === undefined) fail('money', 'history.row.money', { value: cellLine(raw('money')) });
    const decidedBy = text('authority');
    const reason = text('reason');
    if (errors.length > before || !decidedOn || !form || !kind || year === null || amount === undefined) continue;

    const key = [decisionNumber, decidedOn, form.code, name, unit].map((v) => foldVietnamese(v)).join('|');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      fail('name', 'import.row.duplicate', { row: earlier });
      continue;
    }
    seen.set(key, row);
    out.push({
      row, decisionNumber, decidedOn, decidedBy, awardForm: form.code, awardFormName: form.name, year, name, kind, birthYear, unit,
      reason, amount, key,
    });
  }
  return { rows: out, errors };
}

/** The written name's folded form and sort key, as people and organisations have theirs. */
export function writtenNameColumns(name: string, kind: RecipientKind) {
  return {
    written_name_fold: foldVietnamese(name),
    written_sort_key: kind === 'individual' ? personSortKey(splitVietnameseName(name)) : textSortKey(name),
  };
}
