import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.ts';
import { assertStageChange, decodeCursor, encodeCursor, excerpt, EXAMPLE_STAGES, nextStages, searchText, STAGE_TRANSITIONS } from './model.ts';

describe('the four steps of building an example', () => {
  it('each step leads to the next, and back one step with a reason; nothing skips', () => {
    expect(EXAMPLE_STAGES.map((s) => nextStages(s))).toEqual([['nurture'], ['summarise', 'discover'], ['replicate', 'nurture'], ['summarise']]);
    for (const from of EXAMPLE_STAGES) {
      for (const to of EXAMPLE_STAGES) {
        const t = STAGE_TRANSITIONS.find((x) => x.from.includes(from) && x.to === to);
        const attempt = () => assertStageChange(from, to, 'vì lý do');
        if (t) expect(attempt).not.toThrow();
        else expect(attempt).toThrow(AppError);
      }
    }
    expect(() => assertStageChange('summarise', 'nurture', ' ')).toThrow(expect.objectContaining({ code: 'example.stage_note_required', status: 400 }));
    expect(() => assertStageChange('discover', 'replicate', '')).toThrow(expect.objectContaining({ code: 'example.stage_transition', status: 409 }));
  });
});

describe('what the board and the search read', () => {
  it('folds title, subject and story for unaccented search', () => {
    expect(searchText({ title: 'Trả lại ví', subjectName: 'Sùng A Dế', subjectDetail: 'xã Mường Khoa', story: 'Đồng bào' })).toBe('tra lai vi sung a de xa muong khoa dong bao');
  });

  it('cuts a long story at a word, and keeps a short one whole', () => {
    expect(excerpt('Ngắn gọn.\n\nHai đoạn.')).toBe('Ngắn gọn. Hai đoạn.');
    const long = excerpt('một '.repeat(200));
    expect(long.length).toBeLessThanOrEqual(281);
    expect(long.endsWith('một…')).toBe(true);
  });

  it('a cursor survives the round trip; garbage is a 400', () => {
    const at = new Date('2026-11-20T02:00:00.123Z');
    expect(decodeCursor(encodeCursor(at, '019a0000-0000-7000-8000-000000000001'))).toEqual({ publishedAt: at, id: '019a0000-0000-7000-8000-000000000001' });
    expect(() => decodeCursor('rac')).toThrow(expect.objectContaining({ code: 'example.bad_cursor' }));
  });
});
