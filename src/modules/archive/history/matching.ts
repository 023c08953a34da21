import { foldVietnamese } from '../../../platform/vn/fold.ts';
import type { IsoDate } from '../../../platform/vn/dates.ts';
import type { HistoryRow } from './model.ts';

/**
 * Who a past award went to (pure). The rules, strict on purpose — a wrong match puts an award on the
 * wrong person's record, where eligibility reads it; a missed one only waits in the "match later" list:
 *
 *  - A unit (the "Đơn vị" column, or a collective's own name) is found in the organisations of the
 *    import's subtree by code, or by folded name or short name ("UBND" and "Ủy ban nhân dân" alike).
 *    A unit abolished before the decision date leads to its successor (the 2025 reorganisation);
 *    of several found, the one valid on the decision date is taken; still several: not found.
 *  - A person is matched by folded full name among the people employed in the subtree, and must have
 *    worked in the written unit's subtree at some time from 1 January of the award's year to the
 *    decision date ("unit at the time"), with the same birth year when the file gives one (a person
 *    with no birth year on file is not excluded by it). Exactly one such person: matched. A unit
 *    written but not found: not matched (the name alone is too common). No unit written: matched only
 *    on name and birth year, both equal, exactly one.
 *  - A collective is matched when its name finds exactly one organisation (under the written unit
 *    when that is found).
 *  - Otherwise the award is kept as written and counts under the written unit when it was found,
 *    else under the organisation the file was imported for.
 */
export interface OrgEntry {
  id: string; path: string; name: string; shortName: string | null; code: string | null;
  validFrom: IsoDate; validTo: IsoDate | null; successorId: string | null;
}
export interface PersonCandidate {
  id: string; fullName: string; birthYear: number | null;
  employments: { path: string; start: IsoDate; end: IsoDate | null }[];
}

export type Unmatched = 'not_found' | 'ambiguous' | 'unit_unknown';
/** `path`: where the award counts while it has no person or organisation (a matched person's fallback when no employment is on file). */
export type Match =
  | { kind: 'person'; id: string; name: string; path: string }
  | { kind: 'organisation'; id: string; name: string; path: string }
  | { kind: 'unmatched'; reason: Unmatched; path: string };

/** An organisation's name as lists write it: folded, "Ủy ban nhân dân" as "ubnd". */
export function unitKey(text: string): string {
  return ` ${foldVietnamese(text)} `.replace(/ uy ban nhan dan /g, ' ubnd ').replace(/\s+/g, ' ').trim();
}

export class OrgIndex {
  private readonly byKey = new Map<string, OrgEntry[]>();
  private readonly byId = new Map<string, OrgEntry>();

  constructor(orgs: readonly OrgEntry[]) {
    for (const o of orgs) {
      this.byId.set(o.id, o);
      const keys = new Set([unitKey(o.name), ...(o.shortName ? [unitKey(o.shortName)] : []), ...(o.code ? [o.code.trim().toUpperCase()] : [])]);
      for (const k of keys) this.byKey.set(k, [...(this.byKey.get(k) ?? []), o]);
    }
  }

  /** The organisation a text names on a date, following successors; null when none or several. */
  resolve(text: string, date: IsoDate, under?: string): OrgEntry | null {
    if (text.trim() === '') return null;
    const found = [...(this.byKey.get(text.trim().toUpperCase()) ?? []), ...(this.byKey.get(unitKey(text)) ?? [])]
      .filter((o) => !under || o.path.startsWith(under));
    const followed = new Map<string, OrgEntry>();
    for (let o of found) {
      // abolished before the decision: the organisation that took over its work (a chain at most a few long)
      for (let hops = 0; o.validTo !== null && o.validTo < date && o.successorId && hops < 10; hops++) {
        const next = this.byId.get(o.successorId);
        if (!next) break;
        o = next;
      }
      followed.set(o.id, o);
    }
    const all = [...followed.values()];
    if (all.length === 1) return all[0]!;
    const valid = all.filter((o) => o.validFrom <= date && (o.validTo === null || o.validTo >= date));
    return valid.length === 1 ? valid[0]! : null;
  }
}

const overlaps = (e: PersonCandidate['employments'][number], from: IsoDate, to: IsoDate) => e.start <= to && (e.end === null || e.end >= from);

/** Matches one row; `people` are the candidates with the row's folded name, `fallback` the import's organisation path. */
export function matchRow(row: HistoryRow, orgs: OrgIndex, people: readonly PersonCandidate[], fallback: string): Match {
  const unit = orgs.resolve(row.unit, row.decidedOn);
  const path = unit?.path ?? fallback;
  if (row.kind === 'collective') {
    const org = orgs.resolve(row.name, row.decidedOn, unit?.path) ?? (unit ? orgs.resolve(row.name, row.decidedOn) : null);
    return org ? { kind: 'organisation', id: org.id, name: org.name, path: org.path } : { kind: 'unmatched', reason: 'not_found', path };
  }
  if (row.unit !== '' && !unit) return { kind: 'unmatched', reason: 'unit_unknown', path };
  const from = `${Math.min(row.year, Number(row.decidedOn.slice(0, 4)))}-01-01`;
  const candidates = people.filter((p) => {
    if (row.birthYear !== null && (unit ? p.birthYear !== null && p.birthYear !== row.birthYear : p.birthYear !== row.birthYear)) return false;
    if (!unit) return row.birthYear !== null;
    return p.employments.some((e) => e.path.startsWith(unit.path) && overlaps(e, from, row.decidedOn));
  });
  if (candidates.length === 1) return { kind: 'person', id: candidates[0]!.id, name: candidates[0]!.fullName, path };
  return { kind: 'unmatched', reason: candidates.length === 0 ? 'not_found' : 'ambiguous', path };
}
