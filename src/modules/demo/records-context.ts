// What every part of the demo record generator needs to know about the province: who worked where at the
// end of each year, which unit confers their titles, who sits in a collective, how a unit writes its
// decision numbers and who signs them. Pure: no clock, no database; the seeded Rng drives every choice.
import { foldVietnamese } from '../../platform/vn/fold.ts';
import type { DisciplineForm, InitiativeLevel, Rating } from '../rules/index.ts';
import type { AwardBasis } from '../records/index.ts';
import { PROVINCE_NAME, ROOT } from './organisations.ts';
import { Rng } from './random.ts';
import type { DemoOrganisation, DemoProvince } from './types.ts';

/** The years the demo records cover: Decree 91/2017 (2017–2023), Decree 98/2023 (2024) and 152/2025 (2025). */
export const FIRST_YEAR = 2017;
export const LAST_YEAR = 2025;
export const YEARS: readonly number[] = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

/** Exactly one of the two keys is set, as in the record tables. */
export interface DemoSubject { personKey: string | null; organisationKey: string | null }
export interface DemoSource { number: string; date: string; issuer: string }

export interface DemoRating extends DemoSubject { year: number; rating: Rating; source: DemoSource }
export interface DemoAward extends DemoSubject {
  awardForm: string; year: number; basis: AwardBasis; reason: string;
  decisionNumber: string; decidedOn: string; decidedBy: string;
}
export interface DemoInitiative extends DemoSubject {
  kind: 'initiative' | 'scientific_work'; title: string; level: InitiativeLevel; year: number;
  recognisedOn: string; effect: string; source: DemoSource;
}
export interface DemoDiscipline extends DemoSubject { form: DisciplineForm; startsOn: string; endsOn: string | null; reason: string; source: DemoSource }

/** What the eligibility engine should answer for a demo subject: `attestation` = every record criterion holds, an officer attests the rest. */
export type Expectation = 'eligible' | 'not_eligible' | 'attestation';
export interface DemoRecordCase extends DemoSubject {
  case: string; awardForm: string; recipient: 'individual' | 'collective'; year: number; expected: Expectation; note: string;
  /** a movement (demo key) whose criterion for this award judges the case, instead of the catalogue */
  criterion: string | null;
}

export const person = (personKey: string): DemoSubject => ({ personKey, organisationKey: null });
export const collective = (organisationKey: string): DemoSubject => ({ personKey: null, organisationKey });

export const RATING_CODES: Record<string, Rating> = { E: 'excellent', G: 'good', C: 'completed', N: 'not_completed' };
export const atLeastGood = (r: Rating | undefined) => r === 'excellent' || r === 'good';

/** Province-level signers and issuers. */
export const PROVINCE_COMMITTEE = `Ủy ban nhân dân tỉnh ${PROVINCE_NAME}`;
export const PROVINCE_CHAIR = `Chủ tịch UBND tỉnh ${PROVINCE_NAME}`;
export const PRIME_MINISTER = 'Thủ tướng Chính phủ';
export const PRESIDENT = 'Chủ tịch nước';

// How units abbreviate themselves in decision numbers (số/QĐ-…) where the initials of the name would not do.
const SYMBOLS: Record<string, string> = {
  'vp-ubnd': 'VPUB', 'sgd-thpt': 'THPTC', 'cty-xskt': 'XSKT', 'cty-capnuoc': 'CNSH', 'htx-che': 'HTX', 'bchqs': 'BCH',
};
// Who signs for a unit, by the first words of its name (the head's title).
const HEADS: readonly (readonly [string, string])[] = [
  ['Văn phòng', 'Chánh'], ['Sở', 'Giám đốc'], ['Trường', 'Hiệu trưởng'], ['Bệnh viện', 'Giám đốc'], ['Trung tâm', 'Giám đốc'],
  ['Bảo tàng', 'Giám đốc'], ['Liên đoàn', 'Chủ tịch'], ['Bộ Chỉ huy', 'Chỉ huy trưởng'], ['Công ty', 'Giám đốc'],
  ['Hợp tác xã', 'Giám đốc'], ['Phòng', 'Trưởng'], ['Ban', 'Trưởng'],
];

export class RecordContext {
  readonly rng: Rng;
  readonly orgs = new Map<string, DemoOrganisation>();
  /** person → year → the organisation they worked in on 31 December, when they are rated that year */
  private readonly employer = new Map<string, Map<number, string>>();
  private readonly decisions = new Map<string, { number: string; date: string }>();
  private readonly used = new Set<string>();

  constructor(readonly province: DemoProvince, seed: number) {
    this.rng = new Rng(seed);
    for (const o of province.organisations) this.orgs.set(o.key, o);
    const firstStart = new Map<string, string>();
    for (const e of province.employments) {
      const known = firstStart.get(e.personKey);
      if (!known || e.startDate < known) firstStart.set(e.personKey, e.startDate);
    }
    for (const p of province.people) {
      const years = new Map<number, string>();
      const since = firstStart.get(p.key);
      for (const year of YEARS) {
        // Decree 90/2020/NĐ-CP art. 2: whoever worked less than six months of the year is not rated.
        if (!since || since > `${year}-07-01`) continue;
        const end = `${year}-12-31`;
        const job = province.employments.find((e) => e.personKey === p.key && e.startDate <= end && (e.endDate === null || e.endDate >= end));
        if (job) years.set(year, job.organisationKey);
      }
      this.employer.set(p.key, years);
    }
  }

  org(key: string): DemoOrganisation {
    const o = this.orgs.get(key);
    if (!o) throw new Error(`unknown organisation ${key}`);
    return o;
  }

  /** Where the person worked at the end of `year`, if they are rated for it. */
  employerAt(personKey: string, year: number): string | null {
    return this.employer.get(personKey)?.get(year) ?? null;
  }

  isUnder(orgKey: string, rootKey: string): boolean {
    for (let k: string | null = orgKey; k; k = this.org(k).parentKey) if (k === rootKey) return true;
    return false;
  }

  /**
   * The unit whose head confers base titles (LĐTT, CSTĐ cơ sở) and rates its staff: the organisation itself,
   * or for a sub-unit (phòng, ban) or a village the agency it belongs to. The 15% cap of CSTĐ cơ sở is counted here.
   */
  agencyOf(orgKey: string): string {
    let o = this.org(orgKey);
    while ((o.kind === 'sub_unit' || o.kind === 'residential_group') && o.parentKey) o = this.org(o.parentKey);
    return o.key;
  }

  /** Who decides on a collective: the agency above it (the province for departments, districts and new communes). */
  superiorOf(orgKey: string): string {
    const parent = this.org(orgKey).parentKey;
    return parent ? this.agencyOf(parent) : ROOT;
  }

  validAtYearEnd(o: DemoOrganisation, year: number): boolean {
    const end = `${year}-12-31`;
    return o.validFrom <= end && (o.validTo === null || o.validTo >= end);
  }

  /** "Sở Giáo dục và Đào tạo" → SGDĐT: initials up to the place name, as decision numbers write them. */
  symbolOf(orgKey: string): string {
    const o = this.org(orgKey);
    if (o.kind === 'peoples_committee') return 'UBND';
    const fixed = SYMBOLS[o.key];
    if (fixed) return fixed;
    const words: string[] = [];
    for (const w of o.name.replace(/,/g, '').split(' ')) {
      if (['tỉnh', 'huyện', 'xã'].includes(w)) break;
      if (w !== 'và' && w !== '–') words.push(w);
    }
    return words.map((w) => (/^[Đđ]/.test(w) ? 'Đ' : foldVietnamese(w.slice(0, 1)).toUpperCase())).join('');
  }

  issuerName(orgKey: string): string {
    return this.org(orgKey).name;
  }

  /** The head who signs the unit's decisions: "Giám đốc Sở Y tế", "Chủ tịch UBND xã Mường Khoa". */
  signerOf(orgKey: string): string {
    const o = this.org(orgKey);
    if (o.kind === 'peoples_committee') return `Chủ tịch ${o.shortName ?? o.name}`;
    const head = HEADS.find(([prefix]) => o.name.startsWith(`${prefix} `));
    return head ? `${head[1]} ${o.name}` : `Thủ trưởng ${o.name}`;
  }

  /**
   * One decision per issuer, year and purpose, numbered in the issuer's register: the year-end ratings in
   * December (or the first days of January), initiatives recognised in November–December, the year's
   * titles and certificates of merit after the ratings, in the second half of January; a campaign's or a
   * one-off certificate during the year.
   */
  decision(issuerKey: string, year: number, purpose: 'ratings' | 'initiatives' | 'titles' | 'campaign', symbol = this.symbolOf(issuerKey)): { number: string; date: string } {
    const id = `${issuerKey}|${year}|${purpose}|${symbol}`;
    const known = this.decisions.get(id);
    if (known) return known;
    let number = '';
    for (let n = this.rng.int(12, 480); !number || this.used.has(`${year}|${number}`); n += 1) number = `${n}/QĐ-${symbol}`;
    this.used.add(`${year}|${number}`);
    const day = (lo: number, hi: number) => String(this.rng.int(lo, hi)).padStart(2, '0');
    const date = purpose === 'titles' ? `${year + 1}-01-${day(15, 31)}`
      : purpose === 'initiatives' ? `${year}-${this.rng.chance(0.5) ? '11' : '12'}-${day(10, 20)}`
      : purpose === 'campaign' ? `${year}-${day(6, 11)}-${day(2, 28)}`
      : this.rng.chance(0.35) ? `${year + 1}-01-${day(3, 12)}` : `${year}-12-${day(5, 28)}`;
    const made = { number, date };
    this.decisions.set(id, made);
    return made;
  }

  /** A decision of a higher authority some months after the year (provincial and state awards). */
  laterDecision(year: number, symbol: string, purpose: string, fromMonth: number, toMonth: number): { number: string; date: string } {
    const id = `${symbol}|${year}|${purpose}`;
    const known = this.decisions.get(id);
    if (known) return known;
    const number = `${this.rng.int(100, 2900)}/QĐ-${symbol}`;
    const date = `${year + 1}-${String(this.rng.int(fromMonth, toMonth)).padStart(2, '0')}-${String(this.rng.int(2, 28)).padStart(2, '0')}`;
    const made = { number, date };
    this.decisions.set(id, made);
    return made;
  }
}

const subjectKey = (s: DemoSubject) => s.personKey ?? `org:${s.organisationKey}`;
const DISCIPLINE_ORDER: readonly DisciplineForm[] = ['reprimand', 'warning', 'salary_reduction', 'demotion', 'removal', 'dismissal'];

/** The records being built, with the look-ups the later steps need (a title depends on the year's rating…). */
export class RecordBook {
  readonly ratings: DemoRating[] = [];
  readonly awards: DemoAward[] = [];
  readonly initiatives: DemoInitiative[] = [];
  readonly disciplines: DemoDiscipline[] = [];
  readonly cases: DemoRecordCase[] = [];
  private readonly ratingBy = new Map<string, Rating>();
  private readonly awardBy = new Set<string>();
  private readonly initiativesBy = new Map<string, InitiativeLevel[]>();

  addRating(r: DemoRating): void {
    const key = `${subjectKey(r)}|${r.year}`;
    if (this.ratingBy.has(key)) throw new Error(`two ratings for ${key}`);
    this.ratingBy.set(key, r.rating);
    this.ratings.push(r);
  }
  addAward(a: DemoAward): void {
    this.awardBy.add(`${subjectKey(a)}|${a.awardForm}|${a.year}`);
    this.awards.push(a);
  }
  addInitiative(i: DemoInitiative): void {
    const key = `${subjectKey(i)}|${i.year}`;
    this.initiativesBy.set(key, [...(this.initiativesBy.get(key) ?? []), i.level]);
    this.initiatives.push(i);
  }
  addDiscipline(d: DemoDiscipline): void {
    this.disciplines.push(d);
  }

  ratingOf(s: DemoSubject, year: number): Rating | undefined {
    return this.ratingBy.get(`${subjectKey(s)}|${year}`);
  }
  holds(s: DemoSubject, awardForm: string, year: number): boolean {
    return this.awardBy.has(`${subjectKey(s)}|${awardForm}|${year}`);
  }
  initiativesIn(s: DemoSubject, year: number): InitiativeLevel[] {
    return this.initiativesBy.get(`${subjectKey(s)}|${year}`) ?? [];
  }
  /** A measure of `atLeast` or graver in effect on any day of the year. */
  disciplinedIn(personKey: string, year: number, atLeast: DisciplineForm = 'reprimand'): boolean {
    const from = `${year}-01-01`;
    const to = `${year}-12-31`;
    return this.disciplines.some((d) => d.personKey === personKey && d.startsOn <= to && (d.endsOn === null || d.endsOn >= from)
      && DISCIPLINE_ORDER.indexOf(d.form) >= DISCIPLINE_ORDER.indexOf(atLeast));
  }
}
