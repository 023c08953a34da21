/**
 * What a notification says and where it leads, for the bell in the browser and for e-mail from the
 * server alike: the server sends a topic, an entity and parameters; both sides word them from here.
 * Pure: no I/O, no Node or DOM APIs.
 */
export type NoticeLocale = 'vi' | 'en';

const vi = {
  batch_submitted: 'Có hồ sơ đề nghị mới: {{title}} ({{unit}}, số tiếp nhận {{receipt}})',
  batch_awaiting_head: 'Đợt đề nghị chờ duyệt: {{title}}',
  batch_sent_back: 'Đợt đề nghị bị trả lại cán bộ: {{title}}',
  batch_returned: 'Hồ sơ bị trả lại bổ sung: {{title}}',
  batch_accepted: 'Hồ sơ đã được thẩm định: {{title}}',
  batch_recalled: '{{unit}} đã thu hồi hồ sơ (số tiếp nhận {{receipt}}): {{title}}. Lý do: {{reason}}',
  council_voting_open: 'Mời bỏ phiếu: {{council}}, phiên họp ngày {{date}}',
  council_result_ready: 'Đã có kết quả bỏ phiếu: {{council}}, phiên họp ngày {{date}}',
  decision_issued: 'Đã ban hành Quyết định số {{number}}: {{form}} cho {{count}} đối tượng',
  consultation_comment: 'Có góp ý mới của nhân dân: {{title}}',
  report_submitted: '{{unit}} đã gửi báo cáo: {{phase}}',
  report_submitted_late: '{{unit}} đã gửi báo cáo (quá hạn): {{phase}}',
  report_returned: 'Báo cáo bị trả lại: {{phase}}. Lý do: {{reason}}',
  movement_reminder: 'Nhắc việc: {{movement}}. {{message}}',
  registration_awaiting_head: 'Bản đăng ký thi đua chờ thủ trưởng duyệt: {{unit}} – {{movement}}',
  deadline_reminder: 'Sắp đến hạn {{date}}: {{title}} – {{movement}} ({{unit}})',
  other: 'Có thông báo mới',
};

const en: Record<keyof typeof vi, string> = {
  batch_submitted: 'New nomination dossier: {{title}} ({{unit}}, receipt {{receipt}})',
  batch_awaiting_head: 'A batch awaits approval: {{title}}',
  batch_sent_back: 'A batch was sent back to the officer: {{title}}',
  batch_returned: 'Dossier returned for supplement: {{title}}',
  batch_accepted: 'Dossier appraised: {{title}}',
  batch_recalled: '{{unit}} recalled its dossier (receipt {{receipt}}): {{title}}. Reason: {{reason}}',
  council_voting_open: 'Please vote: {{council}}, meeting of {{date}}',
  council_result_ready: 'Vote results ready: {{council}}, meeting of {{date}}',
  decision_issued: 'Decision No. {{number}} issued: {{form}} for {{count}} recipients',
  consultation_comment: 'New public comment: {{title}}',
  report_submitted: '{{unit}} sent its report: {{phase}}',
  report_submitted_late: '{{unit}} sent its report (late): {{phase}}',
  report_returned: 'Report returned: {{phase}}. Reason: {{reason}}',
  movement_reminder: 'Reminder: {{movement}}. {{message}}',
  registration_awaiting_head: 'An emulation registration awaits the head: {{unit}} – {{movement}}',
  deadline_reminder: 'Due on {{date}}: {{title}} – {{movement}} ({{unit}})',
  other: 'New notification',
};

export type NoticeTopic = keyof typeof vi;
export const NOTICE_TOPICS: Readonly<Record<NoticeLocale, Readonly<Record<NoticeTopic, string>>>> = { vi, en };

export interface NoticeSubject {
  topic: string;
  entityType: string;
  entityId: string | null;
  params: Readonly<Record<string, string | number>>;
}

function isTopic(topic: string): topic is NoticeTopic {
  return Object.hasOwn(vi, topic);
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy'; anything else as it is. */
function calendarDate(value: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value;
}

/** The notice in words, its {{parameters}} filled (a missing one stays empty, never "undefined"). */
export function noticeText(locale: NoticeLocale, notice: Pick<NoticeSubject, 'topic' | 'params'>): string {
  const template = NOTICE_TOPICS[locale][isTopic(notice.topic) ? notice.topic : 'other'];
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = notice.params[key];
    if (value === undefined) return '';
    return key === 'date' ? calendarDate(String(value)) : String(value);
  });
}

/** A page of the web app: a route with `$name` placeholders and their values. */
export interface NoticeTarget { to: string; params?: Record<string, string> }

/** Where a notice leads: the thing it is about, as the person notified can open it. */
export function noticeTarget(n: NoticeSubject): NoticeTarget | null {
  const id = n.entityId;
  const param = (k: string) => (typeof n.params[k] === 'string' ? n.params[k] : null);
  switch (n.entityType) {
    case 'nomination_batch': return id ? { to: '/de-nghi/$batchId', params: { batchId: id } } : null;
    // a member votes on the ballot page; the standing officer reads the result on the meeting's
    case 'council_meeting':
      return n.topic === 'council_voting_open' ? { to: '/hoi-dong/bo-phieu' } : id ? { to: '/hoi-dong/phien-hop/$meetingId', params: { meetingId: id } } : null;
    // the units told of a decision may not read the decision itself: their new awards are in the archive
    case 'award_decision': return { to: '/tra-cuu-khen-thuong' };
    case 'consultation': return id ? { to: '/lay-y-kien/$consultationId', params: { consultationId: id } } : null;
    case 'unit_report': {
      const phaseId = param('phaseId');
      const organisationId = param('organisationId');
      return phaseId && organisationId ? { to: '/bao-cao/$phaseId/$organisationId', params: { phaseId, organisationId } } : null;
    }
    // a registration awaiting its head opens on the plan's registrations tab
    case 'movement': return id ? { to: '/phong-trao/$id', params: { id } } : null;
    default: return null;
  }
}

/** The target as a path ('/de-nghi/0190…'), for a link in an e-mail. */
export function noticePath(n: NoticeSubject): string | null {
  const target = noticeTarget(n);
  if (!target) return null;
  return target.to.replace(/\$(\w+)/g, (_, name: string) => encodeURIComponent(target.params?.[name] ?? ''));
}
