import { translate, type Locale, type MessageKey } from '../../../platform/i18n/messages.ts';
import { foldVietnamese } from '../../../platform/vn/fold.ts';
import {
  AWARD_BASIS_LABELS, DISCIPLINE_LABELS, INITIATIVE_KIND_LABELS, INITIATIVE_LEVEL_LABELS, RATING_LABELS, parseAwardBasis,
  parseDisciplineForm, parseInitiativeKind, parseInitiativeLevel, parseRating, yearInRange, type RecordKind,
} from '../model.ts';
import { COLUMNS, NATURAL_KEYS, type ColumnKey } from './columns.ts';
import { cellDate, cellText, cellYear, detachedText, type RowError } from '../../../platform/spreadsheets/columns.ts';
import type { Cell, SheetRow } from '../../../platform/spreadsheets/sheet.ts';

/**
 * Every row of a file checked before anything is written (pure: the lookups come in). Each bad cell
 * becomes one error with its spreadsheet row number and column header, in the user's language.
 */
export type ColumnValue = string | number | null;
export interface ImportRecord { row: number; personId: string | null; organisationId: string | null; values: Record<string, ColumnValue> }

export interface Lookups {
  /** code → id, only for people and units in the actor's scope (an unknown code and an out-of-scope one read the same) */
  people: ReadonlyMap<string, string>;
  units: ReadonlyMap<string, string>;
  /** folded name or code → award form code */
  awardForms: ReadonlyMap<string, string>;
  currentYear: number;
  locale: Locale;
}

const MAX_TEXT = 1000;

const allowed = (labels: Record<string, string>) => Object.values(labels).join('; ');

/** Subjects numbered below this; a record's number is its key's number times this plus its subject's. */
const SUBJECTS = 2 ** 26;

/**
 * The records of a file read so far, by natural key, each remembered as one small number (the subject's
 * number and the number of its other key values, such as the year), with the row it was on: a million
 * rows hold some 40 bytes each here, not the key's text (about 180 bytes a row as "p:<uuid>\0<year>").
 * Subjects and key values are numbered as first seen; both are at most the rows, far below 2^26.
 */
export class SeenRecords {
  // (subject ids come from the database, not from the file)
  private readonly people = new Map<string, number>();
  private readonly units = new Map<string, number>();
  private readonly keys = new Map<string, number>();
  private readonly rows = new Map<number, number>();

  /** The row that held this record first, or undefined when it is new (it is then remembered at `row`). */
  earlier(personId: string | null, organisationId: string | null, key: string, row: number): number | undefined {
    const subjects = personId !== null ? this.people : this.units;
    const id = (personId ?? organisationId)!;
    let subject = subjects.get(id);
    if (subject === undefined) { subject = this.people.size + this.units.size; subjects.set(id, subject); }
    let value = this.keys.get(key);
    if (value === undefined) { value = this.keys.size; this.keys.set(detachedText(key), value); }
    if (subject >= SUBJECTS) throw new Error('more subjects than an import can have');
    const record = value * SUBJECTS + subject;
    const first = this.rows.get(record);
    if (first === undefined) this.rows.set(record, row);
    return first;
  }
}

/**
 * Reads the rows of one kind; returns the records to write, or every error found. `seen` carries over
 * from one batch of a file to the next, so a record repeated far below is still found.
 */
export function validateRows(kind: RecordKind, rows: SheetRow[], positions: ReadonlyMap<ColumnKey, number>,
  headers: ReadonlyMap<ColumnKey, string>, lookups: Lookups, seen = new SeenRecords()): { records: ImportRecord[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const records: ImportRecord[] = [];
  const columns = COLUMNS[kind];
  const naturalKeys = NATURAL_KEYS[kind];
  // the helpers read the current row (made once per call, not per row: a file may have a million rows)
  let row = 0;
  let cells: Cell[] = [];
  const fail = (key: ColumnKey, code: MessageKey, params: Record<string, string | number> = {}) => {
    errors.push({ row, column: headers.get(key) ?? key, message: translate(code, lookups.locale, params) });
  };
  const raw = (key: ColumnKey): Cell => cells[positions.get(key)!] ?? null;
  const text = (key: ColumnKey) => {
    const value = cellText(raw(key));
    if (value.length > MAX_TEXT) fail(key, 'import.row.too_long', { max: MAX_TEXT });
    return value;
  };
  const filled = (key: ColumnKey) => cellText(raw(key)) !== '';
  const date = (key: ColumnKey) => {
    const value = cellDate(raw(key));
    if (value === undefined) fail(key, 'import.row.bad_date', { value: cellText(raw(key)) });
    return value ?? null;
  };
  const year = (key: ColumnKey) => {
    if (!filled(key)) return null;
    const value = cellYear(raw(key));
    if (value === null || !yearInRange(value, lookups.currentYear)) {
      fail(key, 'import.row.year', { value: cellText(raw(key)), max: lookups.currentYear });
    }
    return value;
  };
  function choice<T extends string>(key: ColumnKey, parse: (t: string) => T | null, labels: Record<T, string>, fallback?: T): T | null {
    const value = text(key);
    if (value === '') return fallback ?? null;
    const parsed = parse(value);
    if (parsed === null) fail(key, 'import.row.unknown_value', { value, allowed: allowed(labels) });
    return parsed;
  }
  const source = () => ({ source_number: text('number'), source_date: date('date'), source_issuer: text('issuer') });

  for (const sheetRow of rows) {
    row = sheetRow.row;
    cells = sheetRow.cells;
    const errorsBefore = errors.length;
    for (const column of columns) {
      if (column.required && !filled(column.key)) fail(column.key, 'import.row.required');
    }

    // the subject: a person by HR code, or a unit (a collective) by unit code
    const personCode = text('personCode');
    const unitCode = text('unitCode');
    let personId: string | null = null;
    let organisationId: string | null = null;
    if (personCode && unitCode) fail('personCode', 'import.row.subject_both');
    else if (!personCode && !unitCode) fail('personCode', 'import.row.subject_missing');
    else if (personCode) {
      personId = lookups.people.get(personCode) ?? null;
      if (!personId) fail('personCode', 'import.row.unknown_person', { code: personCode });
    } else {
      organisationId = lookups.units.get(unitCode) ?? null;
      if (!organisationId) fail('unitCode', 'import.row.unknown_unit', { code: unitCode });
    }

    let values: Record<string, ColumnValue>;
    if (kind === 'ratings') {
      values = { year: year('year'), rating: choice('rating', parseRating, RATING_LABELS), ...source() };
    } else if (kind === 'awards') {
      const formText = text('awardForm');
      const awardForm = formText === '' ? null : lookups.awardForms.get(foldVietnamese(formText)) ?? null;
      if (formText !== '' && !awardForm) fail('awardForm', 'import.row.unknown_award_form', { value: formText });
      values = {
        award_form: awardForm, year: year('year'), basis: choice('basis', parseAwardBasis, AWARD_BASIS_LABELS, 'merit'),
        reason: text('reason'), decision_number: text('number'), decided_on: date('date'), decided_by: text('issuer'),
      };
    } else if (kind === 'initiatives') {
      const title = text('title');
      values = {
        kind: choice('kind', parseInitiativeKind, INITIATIVE_KIND_LABELS, 'initiative'), title, title_fold: foldVietnamese(title),
        level: choice('level', parseInitiativeLevel, INITIATIVE_LEVEL_LABELS), year: year('year'),
        recognised_on: date('recognisedOn'), effect: text('effect'), ...source(),
      };
    } else {
      const startsOn = date('startsOn');
      const endsOn = date('endsOn');
      if (startsOn && !yearInRange(Number(startsOn.slice(0, 4)), lookups.currentYear)) {
        fail('startsOn', 'import.row.year', { value: startsOn.slice(0, 4), max: lookups.currentYear });
      }
      if (startsOn && endsOn && endsOn < startsOn) fail('endsOn', 'import.row.end_before_start');
      values = {
        form: choice('form', parseDisciplineForm, DISCIPLINE_LABELS), starts_on: startsOn, ends_on: endsOn,
        reason: text('reason'), ...source(),
      };
    }
    if (errors.length > errorsBefore) continue;

    // the same record twice in one file: the later row is the error, naming the earlier one
    const key = naturalKeys.length === 1 ? String(values[naturalKeys[0]!]) : naturalKeys.map((k) => String(values[k])).join('\u0000');
    const earlier = seen.earlier(personId, organisationId, key, row);
    if (earlier !== undefined) {
      fail(personId ? 'personCode' : 'unitCode', 'import.row.duplicate', { row: earlier });
      continue;
    }
    records.push({ row, personId, organisationId, values });
  }
  return { records, errors };
}
