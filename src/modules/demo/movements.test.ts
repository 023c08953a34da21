import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffAgainstParent, loosenedQuotas } from '../movements/index.ts';
import { PLAN_LISTS, planSchema } from '../movements/index.ts';
import { phaseInput } from '../movements/index.ts';
import { buildDemoProvince } from './demo-data.ts';
import {
  AN_BIEN, CAMPAIGN_1948, CAMPAIGN_1948_RESPONSE, COUNCIL_PLAN, DEMO_REGISTRATIONS, OFFICE_CULTURE, OFFICE_REVIEW, buildDemoMovements,
  type DemoMovement,
} from './movements.ts';

const demo = buildDemoProvince();
const orgKeys = new Set(demo.organisations.map((o) => o.key));
const names = new Map(demo.people.map((p) => [p.key, p.fullName]));
const uuid = (n: number) => `00000000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;

function build() {
  let n = 0;
  const orgIds = new Map<string, string>();
  const orgId = (key: string) => {
    if (!orgKeys.has(key)) throw new Error(`unknown organisation ${key}`);
    if (!orgIds.has(key)) orgIds.set(key, uuid(0x1_0000_0000 + orgIds.size));
    return orgIds.get(key)!;
  };
  return { movements: buildDemoMovements(orgId, (key) => names.get(key), () => uuid(++n)), orgId };
}

const { movements, orgId } = build();
const byKey = new Map(movements.map((m) => [m.key, m]));
const get = (key: string): DemoMovement => {
  const m = byKey.get(key);
  if (!m) throw new Error(`no movement ${key}`);
  return m;
};
/** Every item with an id in a plan, nested ones (points, quotas, priorities…) included. */
function ids(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) ids(v, out);
  else if (value && typeof value === 'object') {
    if ('id' in value && typeof value.id === 'string') out.add(value.id);
    for (const v of Object.values(value)) ids(v, out);
  }
  return out;
}

describe('the demo movements', () => {
  it('are deterministic given the id source', () => {
    expect(JSON.stringify(build().movements)).toBe(JSON.stringify(movements));
  });

  it('are the five seeds and one response, parents first, with unique ids', () => {
    expect(movements.map((m) => m.key)).toEqual([OFFICE_CULTURE, AN_BIEN, OFFICE_REVIEW, COUNCIL_PLAN, CAMPAIGN_1948, CAMPAIGN_1948_RESPONSE]);
    const seen = new Set<string>();
    for (const m of movements) {
      if (m.parentKey) expect(seen.has(m.parentKey), m.key).toBe(true);
      seen.add(m.key);
      expect(orgKeys.has(m.organisationKey)).toBe(true);
    }
    const all = movements.flatMap((m) => [m.id, ...m.phases.map((p) => p.id), ...ids(m.plan)]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('hold plans and phases that the API would accept, with award forms from the catalogue', () => {
    const catalogue = new Set([...readFileSync(new URL('../../../migrations/0002_movements.sql', import.meta.url), 'utf8').matchAll(/\('([a-z_]+)', '/g)].map((m) => m[1]));
    expect(catalogue.has('bang_khen_tinh')).toBe(true);
    for (const m of movements) {
      expect(planSchema.parse(m.plan)).toEqual(m.plan);
      for (const p of m.phases) phaseInput.parse(p);
      for (const code of [...m.plan.awards.map((a) => a.awardForm), ...m.plan.criteria.map((c) => c.awardForm)]) {
        expect(catalogue.has(code), `${m.key}: ${code}`).toBe(true);
      }
      expect(m.periodEnd >= m.periodStart).toBe(true);
      expect(m.plan.signer.name, m.key).not.toBe('');
    }
  });

  it('adapt the seeds to Sơn Hà: no seed place name is left in any plan', () => {
    const text = JSON.stringify(movements);
    for (const place of ['Kon Tum', 'Quảng Ngãi', 'An Biên', 'Kiên Giang', 'Cao Bằng', 'Sơn La']) expect(text).not.toContain(place);
  });

  it('link every cascaded item and phase to an item of the parent, and loosen no quota', () => {
    for (const m of movements.filter((x) => x.parentKey)) {
      const parent = get(m.parentKey!);
      const parentIds = ids(parent.plan);
      for (const list of PLAN_LISTS) {
        for (const item of m.plan[list]) if (item.inheritedFrom) expect(parentIds.has(item.inheritedFrom), `${m.key} ${list}`).toBe(true);
      }
      const parentPhases = new Set(parent.phases.map((p) => p.id));
      for (const p of m.phases) if (p.inheritedFrom) expect(parentPhases.has(p.inheritedFrom)).toBe(true);
      expect(m.plan.legalBases[0]!.movementId).toBe(parent.id);
      expect(loosenedQuotas(m.plan, parent.plan)).toEqual([]);
    }
  });

  it('the district cascade adds its three local contents and keeps the province’s five and seven', () => {
    const child = get(AN_BIEN);
    const changes = diffAgainstParent(child.plan, get(OFFICE_CULTURE).plan);
    const added = changes.filter((c) => c.list === 'contents' && c.kind === 'added')
      .map((c) => child.plan.contents.find((x) => x.id === c.id)!.text);
    expect(added).toEqual([
      'đ) Không có khói thuốc lá tại công sở và nơi công cộng.',
      'e) Không có rác thải nhựa tại công sở và ngoài cộng đồng.',
      'g) Đảm bảo vệ sinh môi trường biển, không có rác thải nhất là rác thải nhựa.',
    ]);
    expect(changes.filter((c) => c.list === 'contents' && c.kind === 'removed')).toEqual([]);
    expect(get(OFFICE_CULTURE).plan.contents.map((c) => c.participantKind).join(','))
      .toBe('collective,collective,collective,collective,collective,individual,individual,individual,individual,individual,individual,individual');
    expect(child.plan.tasks.find((t) => t.ownerOrganisationId === orgId('h-mk-pnv'))?.text).toMatch(/^Thẩm định hồ sơ/);
  });

  it('the Office review is the mid-term phase of the Office’s cascade, with rules, quotas, exclusions and deadlines', () => {
    const office = get(OFFICE_REVIEW);
    const review = office.phases.find((p) => p.kind === 'mid_term_review' && p.outline)!;
    expect(review).toMatchObject({ dueOn: '2022-05-25' });
    expect(review.outline!.map((s) => s.points.length)).toEqual([2, 2, 5]);
    expect(office.phases.find((p) => p.kind === 'nomination')?.dueOn).toBe('2022-05-20');
    const rule = (awardForm: string, kind: string) => office.plan.criteria.find((c) => c.awardForm === awardForm && c.participantKind === kind && c.rule)?.rule;
    expect(rule('bang_khen_tinh', 'individual')).toEqual({ type: 'all', rules: [
      { type: 'rating', atLeast: 'good', years: { from: 2019, to: 2021 } },
      { type: 'rating', atLeast: 'excellent', years: { from: 2019, to: 2021 }, min: 1 },
      { type: 'initiative', atLeast: 'base', years: { from: 2019, to: 2021 } },
    ] });
    expect(rule('giay_khen', 'individual')).toEqual({ type: 'all', rules: [
      { type: 'rating', atLeast: 'good', years: { from: 2019, to: 2021 } }, { type: 'initiative', atLeast: 'base', years: { from: 2019, to: 2021 } },
    ] });
    const award = (form: string) => office.plan.awards.find((a) => a.phase === 'mid_term_review' && a.awardForm === form)!;
    expect(award('bang_khen_tinh').quotas[0]).toMatchObject({ collectives: 1, individuals: 1, appliesTo: { organisationIds: [orgId('vp-ubnd')] } });
    expect(award('giay_khen').quotas[0]).toMatchObject({ collectives: 2, individuals: 5 });
    expect(award('giay_khen').exclusions[0]!.text).toContain('năm 2022');
    expect(award('bang_khen_tinh').priorities.map((p) => p.text).join(' ')).toContain('không giữ chức vụ lãnh đạo');
  });

  it('the campaign has per-unit quotas, a two-day online window and a report outline due 10/7/2023', () => {
    const campaign = get(CAMPAIGN_1948);
    expect(campaign.plan.participants.map((p) => p.kind)).toEqual(['collective', 'enterprise', 'cooperative', 'individual', 'household', 'citizen']);
    const bk = campaign.plan.awards.find((a) => a.awardForm === 'bang_khen_tinh')!;
    expect(bk.window).toEqual({ opens: '2023-07-03', closes: '2023-07-04' });
    expect(bk.quotas.map((q) => q.total)).toEqual([1, 2]);
    expect(bk.quotas[1]!.appliesTo.organisationIds).toEqual(['h-mk', 'h-nl', 'sgddt', 'syt'].map(orgId));
    expect(bk.quotas[0]!.appliesTo.organisationIds).not.toContain(orgId('sgddt'));
    const report = campaign.phases.find((p) => p.outline)!;
    expect(report).toMatchObject({ dueOn: '2023-07-10' });
    expect(report.outline!.map((s) => s.title)).toEqual(['I. Kết quả thực hiện đợt thi đua', 'II. Đánh giá chung', 'III. Bài học kinh nghiệm', 'IV. Đề xuất, kiến nghị']);
    expect(get(CAMPAIGN_1948_RESPONSE)).toMatchObject({ organisationKey: 'h-mk', parentKey: CAMPAIGN_1948, status: 'issued' });
    expect(movements.some((m) => m.parentKey === CAMPAIGN_1948 && m.organisationKey === 'h-nl')).toBe(false);
  });

  it('registrations point at demo movements and organisations', () => {
    for (const r of DEMO_REGISTRATIONS) {
      expect(byKey.has(r.movementKey)).toBe(true);
      expect(orgKeys.has(r.organisationKey)).toBe(true);
      if (r.username) expect(demo.accounts.some((a) => a.username === r.username)).toBe(true);
    }
  });
});
