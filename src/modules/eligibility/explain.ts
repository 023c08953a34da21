import type { Locale } from '../../platform/i18n/messages.ts';
import { formatDate } from '../../platform/vn/dates.ts';
import { AWARD_BASIS_LABELS, DISCIPLINE_LABELS, INITIATIVE_LEVEL_LABELS, RATING_LABELS } from '../records/index.ts';
import { spanOf, type Rule } from '../rules/index.ts';
import type { Finding, Note } from './evaluate.ts';

/**
 * Words a rule and its findings in the officer's language: what the criterion asks ("Xếp loại từ Hoàn
 * thành tốt nhiệm vụ trở lên mỗi năm 2023–2025"), the facts used and what is missing.
 */
const EN_RATING: Record<string, string> = { excellent: 'excellent', good: 'good', completed: 'completed', not_completed: 'not completed' };
const EN_LEVEL: Record<string, string> = { base: 'base level', province: 'provincial level', national: 'national level' };
const EN_DISCIPLINE: Record<string, string> = {
  reprimand: 'reprimand', warning: 'warning', salary_reduction: 'salary step reduction', demotion: 'demotion', removal: 'removal from post', dismissal: 'dismissal',
};
const EN_BASIS: Record<string, string> = { merit: 'merit', thematic: 'thematic', one_off: 'one-off', long_service: 'long service' };

export interface Words {
  locale: Locale;
  formName: (code: string) => string;
}

const span = (from: number, to: number) => (from === to ? `${from}` : `${from}–${to}`);
const lc = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function labels(w: Words) {
  const vi = w.locale === 'vi';
  return {
    rating: (r: string) => (vi ? RATING_LABELS[r as keyof typeof RATING_LABELS] : EN_RATING[r]) ?? r,
    level: (l: string) => (vi ? INITIATIVE_LEVEL_LABELS[l as keyof typeof INITIATIVE_LEVEL_LABELS] : EN_LEVEL[l]) ?? l,
    discipline: (d: string) => (vi ? DISCIPLINE_LABELS[d as keyof typeof DISCIPLINE_LABELS] : EN_DISCIPLINE[d]) ?? d,
    basis: (b: string) => (vi ? AWARD_BASIS_LABELS[b as keyof typeof AWARD_BASIS_LABELS] : EN_BASIS[b]) ?? b,
  };
}

/** What a criterion asks, for the year judged. */
export function describeRule(rule: Rule, year: number, w: Words): string {
  const vi = w.locale === 'vi';
  const L = labels(w);
  const years = (y: Parameters<typeof spanOf>[0]) => {
    const s = spanOf(y, year);
    if (!('from' in y) && y.last === undefined) return vi ? `đến năm ${s.to}` : `up to ${s.to}`;
    return vi ? (s.from === s.to ? `năm ${s.from}` : `các năm ${span(s.from, s.to)}`) : (s.from === s.to ? `in ${s.from}` : `in ${span(s.from, s.to)}`);
  };
  switch (rule.type) {
    case 'all': return vi ? 'Đáp ứng tất cả các tiêu chuẩn sau' : 'Meets all of the following';
    case 'any': return vi ? 'Đáp ứng ít nhất một trong các tiêu chuẩn sau' : 'Meets at least one of the following';
    case 'rating': {
      const r = L.rating(rule.atLeast);
      const better = rule.atLeast === 'excellent' ? '' : (vi ? ' trở lên' : ' or better');
      if (rule.min === undefined) return vi ? `Xếp loại ${lc(r)}${better} mỗi năm, ${years(rule.years)}` : `Rated ${r}${better} every year ${years(rule.years)}`;
      return vi ? `Ít nhất ${rule.min} năm xếp loại ${lc(r)}${better}, ${years(rule.years)}` : `At least ${rule.min} year(s) rated ${r}${better} ${years(rule.years)}`;
    }
    case 'title': {
      const f = w.formName(rule.awardForm);
      if (rule.min === undefined) {
        const s = spanOf(rule.years, year);
        const n = s.to - s.from + 1;
        return vi ? (n > 1 ? `${n} năm liên tục đạt danh hiệu "${f}", ${years(rule.years)}` : `Đạt danh hiệu "${f}" ${years(rule.years)}`)
          : (n > 1 ? `Held "${f}" ${n} years running, ${years(rule.years)}` : `Held "${f}" ${years(rule.years)}`);
      }
      return vi ? `Ít nhất ${rule.min} lần đạt danh hiệu "${f}", ${years(rule.years)}` : `Held "${f}" at least ${rule.min} time(s) ${years(rule.years)}`;
    }
    case 'initiative': {
      const min = rule.min ?? 1;
      const lvl = L.level(rule.atLeast);
      return vi ? `Có ${min > 1 ? `${min} ` : ''}sáng kiến, đề tài được công nhận ${lc(lvl)}${rule.atLeast === 'national' ? '' : ' trở lên'}, ${years(rule.years)}`
        : `${min > 1 ? `${min} initiatives` : 'An initiative'} or scientific work recognised at ${lvl}${rule.atLeast === 'national' ? '' : ' or higher'} ${years(rule.years)}`;
    }
    case 'award': {
      const f = w.formName(rule.awardForm);
      return vi ? `Đã được tặng "${f}" (khen thưởng công trạng), ${years(rule.years)}` : `Received "${f}" for sustained merit ${years(rule.years)}`;
    }
    case 'not_awarded': {
      const f = rule.awardForm ? `"${w.formName(rule.awardForm)}"` : (vi ? 'hình thức khen thưởng nào' : 'any award');
      return vi ? `Chưa được tặng ${f} ${years(rule.years)}` : `Not yet awarded ${f} ${years(rule.years)}`;
    }
    case 'no_discipline': {
      const grave = rule.atLeast && rule.atLeast !== 'reprimand' ? (vi ? ` từ hình thức ${lc(L.discipline(rule.atLeast))} trở lên` : ` of ${L.discipline(rule.atLeast)} or graver`) : '';
      return vi ? `Không bị kỷ luật${grave} ${years(rule.years)}` : `No disciplinary measure${grave} ${years(rule.years)}`;
    }
    case 'qualifies':
      return vi ? `Đạt tiêu chuẩn danh hiệu "${w.formName(rule.awardForm)}" năm ${year}` : `Meets the criteria of "${w.formName(rule.awardForm)}" for ${year}`;
    case 'members_rated': {
      const r = L.rating(rule.atLeast);
      const share = rule.percent === 100 ? (vi ? '100%' : 'all') : `${rule.strict ? (vi ? 'trên ' : 'more than ') : (vi ? 'ít nhất ' : 'at least ')}${rule.percent}%`;
      return vi ? `${share} thành viên xếp loại ${lc(r)} trở lên năm ${year}` : `${share} of members rated ${r} or better in ${year}`;
    }
    case 'members_titled': {
      const f = w.formName(rule.awardForm);
      const parts: string[] = [];
      if (rule.percent !== undefined) parts.push(vi ? `${rule.strict ? 'trên' : 'ít nhất'} ${rule.percent}% thành viên` : `${rule.strict ? 'more than' : 'at least'} ${rule.percent}% of members`);
      if (rule.min !== undefined) parts.push(vi ? `ít nhất ${rule.min} thành viên` : `at least ${rule.min} member(s)`);
      return vi ? `Có ${parts.join(' và ')} đạt danh hiệu "${f}" năm ${year}` : `${parts.join(' and ')} held "${f}" in ${year}`;
    }
    case 'members_no_discipline':
      return vi ? `Không có thành viên bị kỷ luật từ hình thức ${lc(L.discipline(rule.atLeast))} trở lên năm ${year}`
        : `No member under a ${L.discipline(rule.atLeast)} or graver in ${year}`;
    case 'attestation':
      return vi ? `${rule.text} (cán bộ xác nhận)` : `${rule.text} (attested by an officer)`;
  }
}

/** One fact used or one gap found, in words. */
export function describeNote(n: Note, w: Words): string {
  const vi = w.locale === 'vi';
  const L = labels(w);
  const p = n.params;
  const form = () => w.formName(String(p.form));
  const s = () => span(Number(p.from), Number(p.to));
  switch (n.key) {
    case 'fact.rating': return `${p.year}: ${L.rating(String(p.rating))}`;
    case 'fact.title': return vi ? `${p.year}: đạt "${form()}"` : `${p.year}: held "${form()}"`;
    case 'fact.initiative': return vi ? `${p.year}: sáng kiến "${p.title}" (${lc(L.level(String(p.level)))})` : `${p.year}: initiative "${p.title}" (${L.level(String(p.level))})`;
    case 'fact.award': return vi ? `${p.year}: "${form()}"${p.decision ? `, QĐ số ${p.decision}` : ''}` : `${p.year}: "${form()}"${p.decision ? `, decision ${p.decision}` : ''}`;
    case 'fact.award_not_counted': return vi ? `${p.year}: "${form()}" (khen thưởng ${lc(L.basis(String(p.basis)))}, không tính)` : `${p.year}: "${form()}" (${L.basis(String(p.basis))}, does not count)`;
    case 'fact.members_rated': return vi ? `${p.count}/${p.total} thành viên xếp loại ${lc(L.rating(String(p.atLeast)))} trở lên năm ${p.year}` : `${p.count} of ${p.total} members rated ${L.rating(String(p.atLeast))} or better in ${p.year}`;
    case 'fact.members_titled': return vi ? `${p.count}/${p.total} thành viên đạt "${form()}" năm ${p.year}` : `${p.count} of ${p.total} members held "${form()}" in ${p.year}`;
    case 'gap.rating_missing': return vi ? `Năm ${p.year}: chưa có kết quả xếp loại` : `${p.year}: no rating recorded`;
    case 'gap.rating_below': return vi ? `Năm ${p.year}: xếp loại ${lc(L.rating(String(p.rating)))}, chưa đạt ${lc(L.rating(String(p.atLeast)))}` : `${p.year}: rated ${L.rating(String(p.rating))}, below ${L.rating(String(p.atLeast))}`;
    case 'gap.rating_more': return vi ? `Cần thêm ${p.count} năm xếp loại ${lc(L.rating(String(p.atLeast)))}${p.atLeast === 'excellent' ? '' : ' trở lên'} trong ${s()}` : `Needs ${p.count} more year(s) rated ${L.rating(String(p.atLeast))}${p.atLeast === 'excellent' ? '' : ' or better'} in ${s()}`;
    case 'gap.title_missing': return vi ? `Năm ${p.year}: chưa đạt "${form()}"` : `${p.year}: did not hold "${form()}"`;
    case 'gap.title_more': return vi ? `Cần thêm ${p.count} lần đạt "${form()}" trong ${s()}` : `Needs "${form()}" ${p.count} more time(s) in ${s()}`;
    case 'gap.initiative_more': return vi ? `Thiếu ${Number(p.count) > 1 ? `${p.count} ` : ''}sáng kiến được công nhận ${lc(L.level(String(p.level)))}${p.level === 'national' ? '' : ' trở lên'} trong ${s()}` : `Missing ${p.count} initiative(s) recognised at ${L.level(String(p.level))} or higher in ${s()}`;
    case 'gap.award_missing': return vi ? `Chưa được tặng "${form()}" (khen thưởng công trạng) ${Number(p.from) <= 1945 ? `đến năm ${p.to}` : `trong ${s()}`}` : `Has not received "${form()}" for merit ${Number(p.from) <= 1945 ? `up to ${p.to}` : `in ${s()}`}`;
    case 'gap.already_awarded': return vi ? `Đã được tặng "${form()}" năm ${p.year}${p.decision ? ` (QĐ số ${p.decision})` : ''}` : `Already awarded "${form()}" in ${p.year}${p.decision ? ` (decision ${p.decision})` : ''}`;
    case 'gap.disciplined': return vi ? `Bị kỷ luật ${lc(L.discipline(String(p.form)))} từ ${formatDate(String(p.from))}${p.to ? ` đến ${formatDate(String(p.to))}` : ''}` : `Under a ${L.discipline(String(p.form))} from ${formatDate(String(p.from))}${p.to ? ` to ${formatDate(String(p.to))}` : ''}`;
    case 'gap.member_disciplined': return vi ? `Thành viên ${p.name} bị kỷ luật trong năm ${p.year}` : `Member ${p.name} was disciplined in ${p.year}`;
    case 'gap.members_more': return vi ? `Cần thêm ${p.count} thành viên xếp loại ${lc(L.rating(String(p.atLeast)))} trở lên` : `Needs ${p.count} more member(s) rated ${L.rating(String(p.atLeast))} or better`;
    case 'gap.members_titled_more': return vi ? `Cần thêm ${p.count} thành viên đạt "${form()}"` : `Needs ${p.count} more member(s) holding "${form()}"`;
    case 'gap.attestation': return vi ? `Cần cán bộ xác nhận: ${p.text}` : `Needs an officer's attestation: ${p.text}`;
    case 'gap.no_rule': return vi ? `Chưa có tiêu chuẩn "${form()}" trong danh mục` : `No criteria for "${form()}" in the catalogue`;
    case 'gap.collective_only': return vi ? 'Tiêu chuẩn chỉ áp dụng cho tập thể' : 'This criterion applies to collectives only';
    default: return n.key;
  }
}

export interface ExplainedFinding {
  status: Finding['status'];
  text: string;
  facts: string[];
  missing: string[];
  children: ExplainedFinding[];
}

export function explain(finding: Finding, year: number, w: Words): ExplainedFinding {
  return {
    status: finding.status,
    text: describeRule(finding.rule, year, w),
    facts: finding.facts.map((n) => describeNote(n, w)),
    missing: finding.missing.map((n) => describeNote(n, w)),
    children: finding.children.map((c) => explain(c, year, w)),
  };
}
