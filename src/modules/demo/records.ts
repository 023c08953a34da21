// The demo province's records for 2017–2025 (issue 4: records and eligibility): HR and unit codes, annual
// ratings of people and collectives, titles and awards, initiatives and disciplinary measures. Pure and
// deterministic: the same province always gives the same records, keyed by the demo keys (person and
// organisation keys) that the loader maps to ids. Every rule of the catalogue has demo subjects on both
// sides of it; the scripted ones are listed in `cases` with what the eligibility engine should answer.
import type { DemoProvince } from './types.ts';
import {
  RecordBook, RecordContext, collective, person,
  type DemoAward, type DemoDiscipline, type DemoInitiative, type DemoRating, type DemoRecordCase,
} from './records-context.ts';
import { awardCollectives, rateCollectives } from './records-collective.ts';
import { pickScriptedPeople, ratePeople, recordDisciplines, recordInitiatives } from './records-people.ts';
import { COLLECTIVE_SCRIPTS, PERSON_SCRIPTS, type CollectiveScript, type ScriptCase } from './records-scripts.ts';
import { awardPeople } from './records-titles.ts';

export type {
  DemoAward, DemoDiscipline, DemoInitiative, DemoRating, DemoRecordCase, DemoSource, DemoSubject, Expectation,
} from './records-context.ts';
export { FIRST_YEAR, LAST_YEAR, YEARS } from './records-context.ts';
export { CSTDCS_SHARE } from './records-titles.ts';

export interface DemoRecords {
  /** person key → HR code (mã cán bộ), e.g. SH00042 */
  personCodes: Map<string, string>;
  /** organisation key → unit code (mã đơn vị), e.g. SGDDT, SGDDT-VP */
  organisationCodes: Map<string, string>;
  ratings: DemoRating[];
  awards: DemoAward[];
  initiatives: DemoInitiative[];
  disciplines: DemoDiscipline[];
  /** the scripted subjects and what the eligibility engine should answer for them */
  cases: DemoRecordCase[];
}

const SEED = 0x52_45_43_34; // "REC4"

/** HR codes in the province's order of people: stable as long as the demo people are. */
export function personCodes(province: DemoProvince): Map<string, string> {
  return new Map(province.people.map((p, i) => [p.key, `SH${String(i + 1).padStart(5, '0')}`]));
}

/**
 * Unit codes from the keys: a unit under the province is its key (SGDDT, VP-UBND, H-MK); a unit under another
 * its parent's code and its own last part (sgd-vp under sgddt → SGDDT-VP; x-mk-vp under x-mk → X-MK-VP).
 */
export function organisationCodes(province: DemoProvince): Map<string, string> {
  const byKey = new Map(province.organisations.map((o) => [o.key, o]));
  const codes = new Map<string, string>();
  const used = new Set<string>();
  const codeOf = (key: string): string => {
    const known = codes.get(key);
    if (known) return known;
    const o = byKey.get(key)!;
    const parent = o.parentKey ? byKey.get(o.parentKey)! : null;
    let code: string;
    if (!parent || !parent.parentKey) code = key.toUpperCase();
    else {
      const own = key.startsWith(`${parent.key}-`) ? key.slice(parent.key.length + 1) : key.split('-').slice(1).join('-');
      code = `${codeOf(parent.key)}-${own.toUpperCase()}`;
    }
    for (let n = 2; used.has(code); n++) code = `${code.replace(/-\d+$/, '')}-${n}`;
    used.add(code);
    codes.set(key, code);
    return code;
  };
  for (const o of province.organisations) codeOf(o.key);
  return codes;
}

function casesOf(subject: ReturnType<typeof person>, scriptCase: string, note: string, recipient: 'individual' | 'collective', list: readonly ScriptCase[]): DemoRecordCase[] {
  return list.map(([awardForm, year, expected, criterion]) => ({
    ...subject, case: scriptCase, awardForm, recipient, year, expected, criterion: criterion ?? null,
    note: criterion ? `${note} (criterion of movement ${criterion})` : note,
  }));
}

export function buildDemoRecords(province: DemoProvince): DemoRecords {
  const ctx = new RecordContext(province, SEED);
  const book = new RecordBook();
  const scriptedPeople = pickScriptedPeople(ctx, PERSON_SCRIPTS);
  const scriptedUnits = new Map<string, CollectiveScript>(COLLECTIVE_SCRIPTS.map((s) => [s.organisation, s]));
  const modelYears = new Map(COLLECTIVE_SCRIPTS.filter((s) => s.modelYears).map((s) => [s.organisation, [...s.modelYears!]]));

  ratePeople(ctx, book, scriptedPeople, modelYears);
  recordDisciplines(ctx, book, scriptedPeople);
  recordInitiatives(ctx, book, scriptedPeople);
  awardPeople(ctx, book, scriptedPeople);
  rateCollectives(ctx, book, scriptedUnits);
  awardCollectives(ctx, book, scriptedUnits);

  for (const [key, s] of scriptedPeople) book.cases.push(...casesOf(person(key), s.case, s.note, 'individual', s.expect));
  for (const s of COLLECTIVE_SCRIPTS) book.cases.push(...casesOf(collective(s.organisation), s.case, s.note, 'collective', s.expect));

  return {
    personCodes: personCodes(province), organisationCodes: organisationCodes(province),
    ratings: book.ratings, awards: book.awards, initiatives: book.initiatives, disciplines: book.disciplines, cases: book.cases,
  };
}
