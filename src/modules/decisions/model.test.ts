import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import {
  assertDecisionStep, decidedBy, DECISION_TRANSITIONS, decisionNumber, decisionScope, formatMoney, lineOrder, type CandidateFacts,
} from './model.ts';

const candidate = (over: Partial<CandidateFacts> = {}): CandidateFacts => ({
  id: 'c1', name: 'Nguyễn Thị Hằng', status: 'accepted', household: false, awardForm: 'giay_khen', awardFormName: 'Giấy khen',
  kind: 'merit', year: 2025, authorityPath: '/a/b/', councilVote: false, onDecision: null, ...over,
});
const code = (fn: () => unknown) => {
  try { fn(); } catch (e) { return (e as AppError).code; }
  return null;
};

describe('the decision model', () => {
  it('writes numbers as Decree 30 does and money with Vietnamese thousands separators', () => {
    expect(decisionNumber(125, 'QĐ-VP')).toBe('125/QĐ-VP');
    expect(decisionNumber(5, 'QĐ-UBND')).toBe('05/QĐ-UBND');
    expect(formatMoney(2_700_000)).toBe('2.700.000');
    expect(formatMoney(760_000)).toBe('760.000');
    expect(formatMoney(0)).toBe('0');
    expect(decidedBy({ title: 'Chánh Văn phòng UBND tỉnh', name: 'Nguyễn Văn A' })).toBe('Chánh Văn phòng UBND tỉnh Nguyễn Văn A');
  });

  it('one decision: one form, year, kind and authority; accepted, voted where the council votes; no household; no second decision', () => {
    expect(decisionScope([candidate(), candidate({ id: 'c2' })])).toMatchObject({ awardForm: 'giay_khen', basis: 'merit', year: 2025 });
    expect(code(() => decisionScope([candidate({ councilVote: true })]))).toBe('decision.vote_required');
    expect(decisionScope([candidate({ councilVote: true, status: 'voted' })]).awardForm).toBe('giay_khen');
    expect(code(() => decisionScope([candidate({ status: 'submitted' })]))).toBe('decision.not_decidable');
    expect(code(() => decisionScope([candidate({ household: true })]))).toBe('decision.household_unsupported');
    expect(code(() => decisionScope([candidate({ onDecision: '12/QĐ-VP' })]))).toBe('decision.already_on_decision');
    expect(code(() => decisionScope([candidate(), candidate({ id: 'c2', year: 2024 })]))).toBe('decision.mixed_candidates');
    expect(code(() => decisionScope([candidate(), candidate({ id: 'c2', authorityPath: '/a/' })]))).toBe('decision.mixed_candidates');
    expect(code(() => decisionScope([candidate(), candidate()]))).toBe('decision.duplicate_candidate');
  });

  it('lists collectives first, then individuals by sort key', () => {
    const lines = [
      { recipient: 'individual' as const, sort_key: 'hang' }, { recipient: 'collective' as const, sort_key: 'phong' },
      { recipient: 'individual' as const, sort_key: 'dung' },
    ];
    expect(lineOrder(lines).map((l) => l.sort_key)).toEqual(['phong', 'dung', 'hang']);
  });
});

describe('a decision\'s lifecycle, as the table says', () => {
  it('a draft is edited, deleted or issued by the deciding authority; an issued decision never moves', () => {
    expect(DECISION_TRANSITIONS.map((t) => [t.action, t.from.join('|'), t.to])).toEqual([
      ['edit', 'draft', 'draft'], ['delete', 'draft', null], ['issue', 'draft', 'issued'],
    ]);
    expect(DECISION_TRANSITIONS.every((t) => t.permission === 'decision.issue' && t.where === 'authority')).toBe(true);
    for (const t of DECISION_TRANSITIONS) {
      expect(assertDecisionStep('draft', t.action)).toBe(t);
      expect(code(() => assertDecisionStep('issued', t.action))).toBe('decision.not_draft');
      // deleted by someone else meanwhile: no draft either
      expect(code(() => assertDecisionStep(undefined, t.action))).toBe('decision.not_draft');
    }
  });
});
