import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { checkRule, judgedRecipients, recipientSummary } from './forms-model.ts';
import type { Rule } from '../rules/index.ts';

describe('the tenant catalogue\'s pure rules', () => {
  it('sums up recipient kinds for the readers that know one word', () => {
    expect(recipientSummary(['individual', 'collective'])).toBe('both');
    expect(recipientSummary(['household'])).toBe('household');
    expect(recipientSummary(['community'])).toBe('community');
    expect(recipientSummary(['collective', 'household'])).toBe('collective');
  });

  it('judges rules only for individuals and collectives (a village counts as a collective)', () => {
    expect(judgedRecipients(['household'])).toEqual([]);
    expect(judgedRecipients(['individual', 'community'])).toEqual(['individual', 'collective']);
  });

  it('names the field of a rule that cites a form the tenant does not see, or a members criterion for individuals', () => {
    const unknown: Rule = { type: 'all', rules: [{ type: 'rating', atLeast: 'good', years: { last: 1 } }, { type: 'title', awardForm: 'cua_tinh_khac', years: { last: 3 } }] };
    const error = (() => { try { checkRule(unknown, 'individual', new Set(['lao_dong_tien_tien'])); } catch (e) { return e as AppError; } return null; })();
    expect(error?.code).toBe('catalogue.unknown_form_in_rule');
    expect(error?.details).toEqual({ issues: [{ path: 'rule.rules.1.awardForm', message: 'cua_tinh_khac' }] });
    const members: Rule = { type: 'members_no_discipline', atLeast: 'warning' };
    expect(() => checkRule(members, 'individual', new Set())).toThrow(AppError);
    expect(() => checkRule(members, 'collective', new Set())).not.toThrow();
  });
});
