import {
  disciplinesAtLeast, levelsAtLeast, ratingsAtLeast, spanOf,
  type DisciplineForm, type InitiativeLevel, type Rating, type Rule,
} from '../rules/index.ts';

/**
 * Judges one subject against a rule, for one year, from its record alone (no I/O), and says why: the
 * facts each criterion used and what is missing. sql.ts answers the same question for a whole subtree
 * at once; `status` here and the SQL's number are the same scale (met 2, attest 1, unmet 0), and a test
 * holds the two to the same answers on the demo data.
 */
export type Status = 'met' | 'attest' | 'unmet';
export const STATUS_RANK: Record<Status, number> = { unmet: 0, attest: 1, met: 2 };
const BY_RANK: Status[] = ['unmet', 'attest', 'met'];

export interface Facts {
  ratings: { year: number; rating: Rating; source?: string | undefined }[];
  awards: { awardForm: string; year: number; basis: string; revoked: boolean; decisionNumber: string }[];
  initiatives: { title: string; level: InitiativeLevel; year: number }[];
  disciplines: { form: DisciplineForm; startsOn: string; endsOn: string | null }[];
}

/** A collective's members in the year judged, with what the member rules read. */
export interface Member {
  personId: string;
  name: string;
  rating: Rating | null;
  titles: string[];
  disciplines: { form: DisciplineForm; startsOn: string; endsOn: string | null }[];
}

export interface Subject extends Facts {
  recipient: 'individual' | 'collective';
  members?: Member[] | undefined;
}

/** A fact or a gap, as a message key and its parameters (explain.ts words them in vi/en). */
export interface Note { key: string; params: Record<string, string | number> }

export interface Finding {
  rule: Rule;
  status: Status;
  /** the span of years the criterion looked at, resolved against the year judged */
  span?: { from: number; to: number } | undefined;
  facts: Note[];
  missing: Note[];
  children: Finding[];
}

export interface Judgement {
  year: number;
  /** the rule in force for another award form, same recipient and legal basis (for `qualifies`) */
  resolve: (awardForm: string) => Rule | null;
}

const note = (key: string, params: Record<string, string | number> = {}): Note => ({ key, params });

function leaf(rule: Rule, met: boolean, facts: Note[], missing: Note[], span?: { from: number; to: number }): Finding {
  return { rule, status: met ? 'met' : 'unmet', span, facts, missing: met ? [] : missing, children: [] };
}

function yearsOf(span: { from: number; to: number }): number[] {
  const out: number[] = [];
  for (let y = span.from; y <= span.to; y++) out.push(y);
  return out;
}

/** The first and last day a span of years covers. */
const spanDays = (span: { from: number; to: number }) => ({ first: `${span.from}-01-01`, last: `${span.to}-12-31` });
const inEffect = (d: { startsOn: string; endsOn: string | null }, first: string, last: string) =>
  d.startsOn <= last && (d.endsOn === null || d.endsOn >= first);

export function evaluate(rule: Rule, subject: Subject, judgement: Judgement, depth = 0): Finding {
  const Y = judgement.year;
  switch (rule.type) {
    case 'all':
    case 'any': {
      const children = rule.rules.map((r) => evaluate(r, subject, judgement, depth));
      const ranks = children.map((c) => STATUS_RANK[c.status]);
      const rank = rule.type === 'all' ? Math.min(...ranks) : Math.max(...ranks);
      return { rule, status: BY_RANK[rank]!, facts: [], missing: [], children };
    }
    case 'rating': {
      const span = spanOf(rule.years, Y);
      const accepted = ratingsAtLeast(rule.atLeast);
      const inSpan = subject.ratings.filter((r) => r.year >= span.from && r.year <= span.to);
      const ok = inSpan.filter((r) => accepted.includes(r.rating));
      const facts = inSpan.map((r) => note('fact.rating', { year: r.year, rating: r.rating }));
      if (rule.min === undefined) {
        const missing = yearsOf(span).filter((y) => !ok.some((r) => r.year === y)).map((y) => {
          const had = inSpan.find((r) => r.year === y);
          return had ? note('gap.rating_below', { year: y, rating: had.rating, atLeast: rule.atLeast })
            : note('gap.rating_missing', { year: y, atLeast: rule.atLeast });
        });
        return leaf(rule, missing.length === 0, facts, missing, span);
      }
      const needed = rule.min - ok.length;
      return leaf(rule, needed <= 0, facts, [note('gap.rating_more', { count: needed, atLeast: rule.atLeast, ...span })], span);
    }
    case 'title': {
      const span = spanOf(rule.years, Y, 1945);
      const held = new Set(subject.awards.filter((a) => a.awardForm === rule.awardForm && !a.revoked
        && a.year >= span.from && a.year <= span.to).map((a) => a.year));
      const facts = [...held].sort().map((year) => note('fact.title', { year, form: rule.awardForm }));
      if (rule.min === undefined) {
        const missing = yearsOf(span).filter((y) => !held.has(y)).map((year) => note('gap.title_missing', { year, form: rule.awardForm }));
        return leaf(rule, missing.length === 0, facts, missing, span);
      }
      const needed = rule.min - held.size;
      return leaf(rule, needed <= 0, facts, [note('gap.title_more', { count: needed, form: rule.awardForm, ...span })], span);
    }
    case 'initiative': {
      const span = spanOf(rule.years, Y);
      const levels = levelsAtLeast(rule.atLeast);
      const counted = subject.initiatives.filter((i) => levels.includes(i.level) && i.year >= span.from && i.year <= span.to);
      const needed = (rule.min ?? 1) - counted.length;
      const facts = counted.map((i) => note('fact.initiative', { year: i.year, level: i.level, title: i.title }));
      return leaf(rule, needed <= 0, facts, [note('gap.initiative_more', { count: needed, level: rule.atLeast, ...span })], span);
    }
    case 'award': {
      const span = spanOf(rule.years, Y);
      const ofForm = subject.awards.filter((a) => a.awardForm === rule.awardForm && !a.revoked && a.year >= span.from && a.year <= span.to);
      const counted = ofForm.filter((a) => a.basis === 'merit');
      const facts = [
        ...counted.map((a) => note('fact.award', { year: a.year, form: a.awardForm, decision: a.decisionNumber })),
        ...ofForm.filter((a) => a.basis !== 'merit').map((a) => note('fact.award_not_counted', { year: a.year, form: a.awardForm, basis: a.basis })),
      ];
      const needed = (rule.min ?? 1) - counted.length;
      return leaf(rule, needed <= 0, facts, [note('gap.award_missing', { count: needed, form: rule.awardForm, ...span })], span);
    }
    case 'not_awarded': {
      const span = spanOf(rule.years, Y);
      const found = subject.awards.filter((a) => !a.revoked && a.year >= span.from && a.year <= span.to
        && (rule.awardForm === undefined || a.awardForm === rule.awardForm));
      const missing = found.map((a) => note('gap.already_awarded', { year: a.year, form: a.awardForm, decision: a.decisionNumber }));
      return leaf(rule, found.length === 0, [], missing, span);
    }
    case 'no_discipline': {
      const span = spanOf(rule.years, Y);
      const { first, last } = spanDays(span);
      const forms = disciplinesAtLeast(rule.atLeast ?? 'reprimand');
      const found = subject.disciplines.filter((d) => forms.includes(d.form) && inEffect(d, first, last));
      const missing = found.map((d) => note('gap.disciplined', { form: d.form, from: d.startsOn, to: d.endsOn ?? '' }));
      return leaf(rule, found.length === 0, [], missing, span);
    }
    case 'qualifies': {
      const inner = depth < 5 ? judgement.resolve(rule.awardForm) : null;
      if (!inner) return leaf(rule, false, [], [note('gap.no_rule', { form: rule.awardForm })]);
      const child = evaluate(inner, subject, judgement, depth + 1);
      return { rule, status: child.status, facts: [], missing: [], children: [child] };
    }
    case 'members_rated':
    case 'members_titled':
    case 'members_no_discipline':
      return members(rule, subject, Y);
    case 'attestation':
      return { rule, status: 'attest', facts: [], missing: [note('gap.attestation', { text: rule.text })], children: [] };
  }
}

/** Whether k of n reaches the share: at least `percent` %, or more than it when `strict`. */
export function reachesShare(k: number, n: number, percent: number, strict = false): boolean {
  if (n === 0) return false;
  return strict ? k * 100 > percent * n : k * 100 >= percent * n;
}

/** The fewest more members needed to reach the share. */
function shortOfShare(k: number, n: number, percent: number, strict = false): number {
  const target = strict ? Math.floor((percent * n) / 100) + 1 : Math.ceil((percent * n) / 100);
  return Math.max(0, target - k);
}

function members(rule: Extract<Rule, { type: 'members_rated' | 'members_titled' | 'members_no_discipline' }>, subject: Subject, Y: number): Finding {
  if (subject.recipient !== 'collective') return leaf(rule, false, [], [note('gap.collective_only')]);
  const list = subject.members ?? [];
  const n = list.length;
  if (rule.type === 'members_rated') {
    const accepted = ratingsAtLeast(rule.atLeast);
    const k = list.filter((m) => m.rating !== null && accepted.includes(m.rating)).length;
    const met = reachesShare(k, n, rule.percent, rule.strict);
    return leaf(rule, met, [note('fact.members_rated', { count: k, total: n, atLeast: rule.atLeast, year: Y })],
      [note('gap.members_more', { count: n === 0 ? 1 : shortOfShare(k, n, rule.percent, rule.strict), atLeast: rule.atLeast })]);
  }
  if (rule.type === 'members_titled') {
    const k = list.filter((m) => m.titles.includes(rule.awardForm)).length;
    const byShare = rule.percent === undefined || reachesShare(k, n, rule.percent, rule.strict);
    const byCount = rule.min === undefined || k >= rule.min;
    const short = Math.max(rule.percent === undefined ? 0 : (n === 0 ? 1 : shortOfShare(k, n, rule.percent, rule.strict)),
      rule.min === undefined ? 0 : rule.min - k);
    return leaf(rule, byShare && byCount, [note('fact.members_titled', { count: k, total: n, form: rule.awardForm, year: Y })],
      [note('gap.members_titled_more', { count: short, form: rule.awardForm })]);
  }
  const forms = disciplinesAtLeast(rule.atLeast);
  const { first, last } = spanDays({ from: Y, to: Y });
  const found = list.filter((m) => m.disciplines.some((d) => forms.includes(d.form) && inEffect(d, first, last)));
  return leaf(rule, found.length === 0, [], found.map((m) => note('gap.member_disciplined', { name: m.name, year: Y })));
}

/** The leaves that decided a "no" (or a "needs attestation"): what the officer reads first. */
export function reasons(finding: Finding): Note[] {
  if (finding.status === 'met') return [];
  if (finding.children.length === 0) return finding.missing;
  const blocking = finding.rule.type === 'any'
    ? finding.children.filter((c) => c.status === finding.status)
    : finding.children.filter((c) => STATUS_RANK[c.status] === STATUS_RANK[finding.status]);
  return blocking.flatMap(reasons);
}
