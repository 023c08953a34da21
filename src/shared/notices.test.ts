import { describe, expect, it } from 'vitest';
import { NOTICE_TOPICS, noticePath, noticeText } from './notices.ts';

describe('what a notice says, in the bell and in e-mail', () => {
  it('has every topic in Vietnamese and English with the same parameters', () => {
    const params = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const topic of Object.keys(NOTICE_TOPICS.vi) as (keyof typeof NOTICE_TOPICS.vi)[]) {
      expect(params(NOTICE_TOPICS.en[topic]), topic).toEqual(params(NOTICE_TOPICS.vi[topic]));
    }
  });

  it('fills parameters, reads calendar dates as dd/mm/yyyy, leaves a missing one empty and an unknown topic generic', () => {
    expect(noticeText('vi', { topic: 'council_voting_open', params: { council: 'Hội đồng TĐKT tỉnh', date: '2026-12-10' } }))
      .toBe('Mời bỏ phiếu: Hội đồng TĐKT tỉnh, phiên họp ngày 10/12/2026');
    expect(noticeText('vi', { topic: 'batch_returned', params: {} })).toBe('Hồ sơ bị trả lại bổ sung: ');
    expect(noticeText('en', { topic: 'toString', params: {} })).toBe('New notification');
  });

  it('gives a path an e-mail can link to, with ids escaped', () => {
    expect(noticePath({ topic: 'batch_returned', entityType: 'nomination_batch', entityId: 'a/b', params: {} })).toBe('/de-nghi/a%2Fb');
    expect(noticePath({ topic: 'x', entityType: 'unknown', entityId: null, params: {} })).toBeNull();
  });
});
