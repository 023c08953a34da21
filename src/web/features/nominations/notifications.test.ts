import { describe, expect, it } from 'vitest';
import { notificationTarget, notificationText } from './notifications.ts';
import type { Notification } from './types.ts';

const notice = (topic: string, entityType: string, params: Record<string, string | number> = {}, entityId: string | null = 'e1'): Notification =>
  ({ id: 'n1', topic, entityType, entityId, params, createdAt: '2026-11-20T03:00:00Z', read: false } as Notification);

/** Every topic the server sends (grep "topic:" in src/modules), with the parameters it sends. */
const SENT: [topic: string, entityType: string, params: Record<string, string | number>][] = [
  ['batch_submitted', 'nomination_batch', { title: 'Đề nghị Bằng khen năm 2025', unit: 'Sở Y tế', receipt: '12/2025' }],
  ['council_voting_open', 'council_meeting', { council: 'Hội đồng Thi đua – Khen thưởng tỉnh', date: '2026-11-20' }],
  ['council_result_ready', 'council_meeting', { council: 'Hội đồng Thi đua – Khen thưởng tỉnh', date: '2026-11-20', passed: 3, failed: 1 }],
  ['decision_issued', 'award_decision', { number: '125/QĐ-UBND', form: 'Bằng khen của Chủ tịch UBND tỉnh', count: 4 }],
  ['consultation_comment', 'consultation', { title: 'Lấy ý kiến nhân dân về danh sách đề nghị Chiến sĩ thi đua tỉnh' }],
  ['report_submitted', 'unit_report', { phaseId: 'p1', organisationId: 'o1', unit: 'UBND xã Chiềng Khoa', phase: 'Báo cáo sơ kết' }],
  ['report_submitted_late', 'unit_report', { phaseId: 'p1', organisationId: 'o1', unit: 'UBND xã Chiềng Khoa', phase: 'Báo cáo sơ kết' }],
  ['report_returned', 'unit_report', { phaseId: 'p1', organisationId: 'o1', phase: 'Báo cáo sơ kết', reason: 'Bổ sung số liệu' }],
  ['movement_reminder', 'movement', { movement: 'Phong trào thi đua "Dạy tốt, học tốt"', message: 'Đề nghị gửi kế hoạch trước 15/12.' }],
];

describe('the notifications bell', () => {
  it('words every topic the server sends, in Vietnamese and English, with its parameters filled and dates as dd/mm/yyyy', () => {
    for (const lng of ['vi', 'en'] as const) {
      const generic = notificationText(lng, notice('something_new', 'x'));
      for (const [topic, entityType, params] of SENT) {
        const text = notificationText(lng, notice(topic, entityType, params));
        expect(text, `${lng} ${topic}`).not.toBe(generic);
        expect(text, `${lng} ${topic}`).not.toMatch(/\{\{|\}\}/);
        if (params.date) expect(text).toContain('20/11/2026');
      }
    }
    expect(notificationText('vi', notice('report_returned', 'unit_report', SENT[7]![2])))
      .toBe('Báo cáo bị trả lại: Báo cáo sơ kết. Lý do: Bổ sung số liệu');
  });

  it('leads to what it is about, as the person notified can open it', () => {
    expect(notificationTarget(notice('batch_submitted', 'nomination_batch'))).toEqual({ to: '/de-nghi/$batchId', params: { batchId: 'e1' } });
    expect(notificationTarget(notice('council_voting_open', 'council_meeting'))).toEqual({ to: '/hoi-dong/bo-phieu' });
    expect(notificationTarget(notice('council_result_ready', 'council_meeting'))).toEqual({ to: '/hoi-dong/phien-hop/$meetingId', params: { meetingId: 'e1' } });
    expect(notificationTarget(notice('decision_issued', 'award_decision'))).toEqual({ to: '/tra-cuu-khen-thuong' });
    expect(notificationTarget(notice('consultation_comment', 'consultation'))).toEqual({ to: '/lay-y-kien/$consultationId', params: { consultationId: 'e1' } });
    expect(notificationTarget(notice('report_returned', 'unit_report', { phaseId: 'p1', organisationId: 'o1' })))
      .toEqual({ to: '/bao-cao/$phaseId/$organisationId', params: { phaseId: 'p1', organisationId: 'o1' } });
    expect(notificationTarget(notice('report_returned', 'unit_report', {}))).toBeNull();
    expect(notificationTarget(notice('movement_reminder', 'movement'))).toEqual({ to: '/phong-trao/$id', params: { id: 'e1' } });
    expect(notificationTarget(notice('something_new', 'x'))).toBeNull();
  });
});
