import { describe, expect, it } from 'vitest';
import { auditTexts } from './text.ts';
import { viNominations } from '../nominations/messages.ts';
import { actionLabel, documentReason, type ActionWords } from './labels.ts';

const words: ActionWords = {
  exact: auditTexts.vi.actions, subjects: auditTexts.vi.subjects, verbs: auditTexts.vi.verbs, nominationSteps: viNominations.history.actions,
  join: (subject, verb) => `${subject}: ${verb}`, other: auditTexts.vi.otherAction,
};

describe('audit actions in words', () => {
  it('names each action in Vietnamese, never by its code', () => {
    expect(actionLabel('nomination.open_appraisal', words)).toBe('Bắt đầu thẩm định');
    expect(actionLabel('auth.login', words)).toBe('Đăng nhập');
    expect(actionLabel('record.award.delete', words)).toBe('Khen thưởng: xóa');
    expect(actionLabel('decision.issue', words)).toBe('Quyết định khen thưởng: ban hành');
    expect(actionLabel('cluster.sheet_open', words)).toBe('Cụm, khối thi đua: mở');
    expect(actionLabel('council.open_voting', words)).toMatch(/^Hội đồng thi đua, khen thưởng: /);
    for (const code of ['something.new', 'nomination.unheard_of', 'x']) expect(actionLabel(code, words)).not.toMatch(/[a-z]+[._][a-z]+/);
  });

  it('names a dossier document by its kind in words, not its code', () => {
    expect(documentReason('proposal_letter: totrinh.pdf', viNominations.dossier.kinds)).toBe('Tờ trình đề nghị: totrinh.pdf');
    expect(documentReason('Thiếu biên bản: bổ sung', viNominations.dossier.kinds)).toBe('Thiếu biên bản: bổ sung');
  });
});
