import { AppError } from '../../platform/errors.ts';
import { COLLECTIVE_ONLY, type Rule } from '../rules/index.ts';

/**
 * The tenant's own award catalogue (migration 0031), pure rules. A ministry adds "Bằng khen của Bộ
 * trưởng", "Kỷ niệm chương Vì sự nghiệp …", "Cờ thi đua của Bộ"; a commune "Gia đình văn hóa" and
 * "Thôn, tổ dân phố văn hóa" (Law on Emulation and Commendation 2022, art. 7–8 list the kinds; Decree
 * 152/2025/NĐ-CP the coefficients, docs/legal/money.md). Shared forms are the platform's and read-only here.
 */

export const RECIPIENT_KINDS = ['individual', 'collective', 'household', 'community'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const FORM_LEVELS = ['state', 'government', 'ministry', 'province', 'commune', 'base'] as const;
export type FormLevel = (typeof FORM_LEVELS)[number];

export const FORM_GROUPS = ['emulation_title', 'emulation_flag', 'certificate', 'order', 'medal', 'honour_title', 'commemorative_medal', 'other'] as const;
export type FormGroup = (typeof FORM_GROUPS)[number];

/** Emulation titles and flags are titles (danh hiệu); the rest are forms of commendation (hình thức khen thưởng). */
export const categoryOf = (group: FormGroup): 'title' | 'award' => (group === 'emulation_title' || group === 'emulation_flag' ? 'title' : 'award');

/** The one-word summary older readers of award_forms.recipient use. */
export function recipientSummary(kinds: readonly RecipientKind[]): 'individual' | 'collective' | 'both' | 'household' | 'community' {
  const set = new Set(kinds);
  if (set.has('individual') && (set.has('collective') || set.has('community'))) return 'both';
  if (set.has('individual')) return 'individual';
  if (set.has('collective')) return 'collective';
  if (set.has('household')) return 'household';
  return 'community';
}

/** The recipient kinds that eligibility rules judge (ratings and records exist for people and organisations). */
export function judgedRecipients(kinds: readonly RecipientKind[]): ('individual' | 'collective')[] {
  return (['individual', 'collective'] as const).filter((k) => kinds.includes(k) || (k === 'collective' && kinds.includes('community')));
}

/** A stale edit: someone saved after the editor loaded the form. */
export function assertFresh(current: number, yours: number, form: string): void {
  if (current !== yours) throw new AppError('catalogue.stale', 409, { form, current, yours });
}

/** The code a person types, normalised: lower case, digits and underscores (bang_khen_bo_truong). */
export const CODE_PATTERN = /^[a-z][a-z0-9_]{1,59}$/;

/**
 * A rule must name only forms this tenant sees, and a rule for individuals no criteria about members.
 * Errors name the field (rule.rules.1.awardForm) like the schema's own.
 */
export function checkRule(rule: Rule, recipient: 'individual' | 'collective', known: ReadonlySet<string>): void {
  const walk = (r: Rule, path: string): void => {
    if (r.type === 'all' || r.type === 'any') {
      r.rules.forEach((c, i) => walk(c, `${path}.rules.${i}`));
      return;
    }
    if (recipient === 'individual' && COLLECTIVE_ONLY.includes(r.type)) {
      throw new AppError('catalogue.members_rule_individual', 400, {}, { issues: [{ path: `${path}.type`, message: r.type }] });
    }
    const code = 'awardForm' in r ? r.awardForm : undefined;
    if (code !== undefined && !known.has(code)) {
      throw new AppError('catalogue.unknown_form_in_rule', 400, { code }, { issues: [{ path: `${path}.awardForm`, message: code }] });
    }
  };
  walk(rule, 'rule');
}
