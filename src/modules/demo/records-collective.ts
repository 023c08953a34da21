// Collectives: every unit's year-end rating (by the agency above it) and the collective titles its members'
// records earn — Tập thể lao động tiên tiến, Tập thể lao động xuất sắc — plus a few Bằng khen and Giấy khen,
// and exactly the awards of the scripted collectives (records-scripts.ts).
import type { Rating } from '../rules/index.ts';
import { ROOT } from './organisations.ts';
import { YEARS, atLeastGood, collective, person, type RecordBook, type RecordContext } from './records-context.ts';
import { scriptedRating } from './records-people.ts';
import type { CollectiveScript } from './records-scripts.ts';
import { CSTDCS, LDTT, confer } from './records-titles.ts';

const TTLDTT = 'tap_the_lao_dong_tien_tien';
const TTLDXS = 'tap_the_lao_dong_xuat_sac';
const BKT = 'bang_khen_tinh';

/** Units that are rated as collectives: not the province itself, not villages. */
export function ratedUnits(ctx: RecordContext) {
  return ctx.province.organisations.filter((o) => o.key !== ROOT && o.kind !== 'residential_group');
}

/** The people who count as a unit's members in a year: those working in it or under it on 31 December. */
export function membersOf(ctx: RecordContext, orgKey: string, year: number): string[] {
  return ctx.province.people.filter((p) => {
    const at = ctx.employerAt(p.key, year);
    return at !== null && ctx.isUnder(at, orgKey);
  }).map((p) => p.key);
}

function drawRating(ctx: RecordContext, book: RecordBook, members: string[], year: number): Rating {
  const excellent = members.filter((k) => book.ratingOf(person(k), year) === 'excellent').length;
  const strong = members.length > 0 && excellent / members.length >= 0.3;
  return ctx.rng.weighted(strong
    ? [['excellent', 60], ['good', 37], ['completed', 3]]
    : [['excellent', 22], ['good', 68], ['completed', 9], ['not_completed', 1]]);
}

export function rateCollectives(ctx: RecordContext, book: RecordBook, scripts: Map<string, CollectiveScript>): void {
  for (const o of ratedUnits(ctx)) {
    for (const year of YEARS) {
      if (!ctx.validAtYearEnd(o, year)) continue;
      const script = scripts.get(o.key);
      const rating = (script && scriptedRating(script, year)) ?? drawRating(ctx, book, membersOf(ctx, o.key, year), year);
      const issuer = ctx.superiorOf(o.key);
      const { number, date } = ctx.decision(issuer, year, 'ratings');
      book.addRating({ ...collective(o.key), year, rating, source: { number, date, issuer: ctx.issuerName(issuer) } });
    }
  }
}

/**
 * Law 2022 art. 27–28: TTLĐTT for a unit rated good with more than half its members LĐTT; TTLĐXS for one rated
 * excellent whose members all completed their tasks, 70% of them LĐTT and one CSTĐ cơ sở; neither with a member
 * under a warning or graver.
 */
export function awardCollectives(ctx: RecordContext, book: RecordBook, scripts: Map<string, CollectiveScript>): void {
  for (const o of ratedUnits(ctx)) {
    const s = collective(o.key);
    const script = scripts.get(o.key);
    for (const year of YEARS) {
      const rating = book.ratingOf(s, year);
      const members = membersOf(ctx, o.key, year);
      if (!rating || members.length === 0) continue;
      const superior = ctx.superiorOf(o.key);
      const ldtt = members.filter((k) => book.holds(person(k), LDTT, year)).length / members.length;
      const warned = members.some((k) => book.disciplinedIn(k, year, 'warning'));
      if (atLeastGood(rating) && ldtt > 0.5 && !warned) confer(ctx, book, s, TTLDTT, year, superior);
      const excellent = rating === 'excellent' && ldtt >= 0.7 && !warned
        && members.every((k) => book.ratingOf(person(k), year) !== 'not_completed')
        && members.some((k) => book.holds(person(k), CSTDCS, year));
      const model = script?.modelYears?.includes(year) ?? false;
      if (excellent && (model || ctx.rng.chance(0.5))) confer(ctx, book, s, TTLDXS, year, superior);
      if (model && !excellent) throw new Error(`${script?.case}: ${o.key} does not qualify for TTLĐXS in ${year}`);
      if (script) continue;
      const excellentTwice = rating === 'excellent' && book.ratingOf(s, year - 1) === 'excellent';
      if (excellentTwice && !warned && !book.holds(s, BKT, year - 1) && ctx.rng.chance(year >= 2018 && year <= 2020 ? 0.3 : 0.1)) {
        confer(ctx, book, s, BKT, year, superior);
      } else if (atLeastGood(rating) && ctx.rng.chance(0.1)) {
        confer(ctx, book, s, 'giay_khen', year, superior);
      }
    }
    for (const [form, year, basis] of script?.awards ?? []) confer(ctx, book, s, form, year, ctx.superiorOf(o.key), basis ?? 'merit');
  }
}
