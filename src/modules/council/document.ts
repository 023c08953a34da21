import type { DocumentSection, OfficialDocument } from '../../platform/documents/model.ts';
import { formatDate } from '../../platform/vn/dates.ts';
import type { AgendaOutcome, RecusalReason } from '../../platform/db/schema.ts';
import { votesNeeded, yesPercent } from './model.ts';

/**
 * The minutes of a council meeting (BIÊN BẢN họp Hội đồng Thi đua – Khen thưởng) as an OfficialDocument
 * (Decree 30/2020 layout): time and place, members present and absent, the agenda, each candidate's
 * tally and result, the recusals. Pure. Tallies are printed only once the ballot is closed.
 */
export interface MinutesInput {
  organisation: { name: string };
  councilName: string;
  date: string;
  startsAt: string;
  location: string;
  place: string;
  closed: boolean;
  /** the results were counted on paper and copied from the counting minutes (issue 17.4) */
  paperBallot?: boolean;
  members: { name: string; role: string; present: boolean }[];
  items: {
    name: string; position: string; unit: string; awardFormName: string; secretBallot: boolean | null;
    thresholdPercent: number | null; thresholdOf: 'members' | 'present' | null;
    yes: number; no: number; abstain: number; outcome: AgendaOutcome; base: { members: number; present: number };
  }[];
  recusals: { member: string; candidate: string; reason: RecusalReason; detail: string }[];
}

const ROLE_NAMES: Record<string, string> = {
  chair: 'Chủ tịch Hội đồng', vice_chair: 'Phó Chủ tịch Hội đồng', standing_member: 'Ủy viên thường trực', member: 'Ủy viên', secretary: 'Thư ký',
};
const OUTCOME_NAMES: Record<AgendaOutcome, string> = {
  passed: 'ĐẠT', failed: 'KHÔNG ĐẠT', deferred: 'Hoãn xét sang phiên họp sau', pending: 'Chưa có kết quả',
};
const upper = (s: string) => s.toLocaleUpperCase('vi');
const percent = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(2).replace(/0+$/u, '').replace('.', ','));

function time(startsAt: string): string {
  const [h, m] = startsAt.split(':');
  return startsAt ? `Vào hồi ${h} giờ ${m} ` : 'Vào ';
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function minutesDocument(m: MinutesInput): OfficialDocument {
  const present = m.members.filter((x) => x.present);
  const absent = m.members.filter((x) => !x.present);
  const chair = m.members.find((x) => x.role === 'chair');
  const secretary = m.members.find((x) => x.role === 'secretary');
  const memberLine = (x: MinutesInput['members'][number]) => `- Ông/Bà ${x.name}, ${ROLE_NAMES[x.role] ?? x.role}.`;
  const itemSection = (item: MinutesInput['items'][number]): DocumentSection => {
    const who = `${item.name}${item.position ? `, ${item.position}` : ''}${item.unit ? ` (${item.unit})` : ''}`;
    return { title: who, paragraphs: itemLines(item) };
  };
  const itemLines = (item: MinutesInput['items'][number]): string[] => {
    if (item.outcome === 'deferred') return [`${OUTCOME_NAMES.deferred}.`];
    if (!m.closed || item.thresholdPercent === null) return ['Chưa kết thúc bỏ phiếu.'];
    const of = item.thresholdOf === 'present' ? 'số thành viên có mặt' : 'tổng số thành viên Hội đồng';
    const denominator = item.thresholdOf === 'present' ? item.base.present : item.base.members;
    const needed = votesNeeded({ thresholdPercent: item.thresholdPercent, thresholdOf: item.thresholdOf ?? 'members' }, item.base);
    return [
      `Hình thức biểu quyết: ${m.paperBallot ? 'bỏ phiếu giấy' : item.secretBallot ? 'bỏ phiếu kín' : 'biểu quyết'}; số thành viên được biểu quyết: ${denominator}; `
        + `yêu cầu từ ${percent(item.thresholdPercent)}% ${of} (${needed} phiếu đồng ý trở lên).`,
      `Kết quả${m.paperBallot ? ' kiểm phiếu' : ''}: ${item.yes} phiếu đồng ý, ${item.no} phiếu không đồng ý, ${item.abstain} phiếu không biểu quyết; `
        + `đạt ${percent(yesPercent({ thresholdOf: item.thresholdOf ?? 'members' }, item, item.base))}%. Kết luận: **${OUTCOME_NAMES[item.outcome]}**.`,
    ];
  };
  const byForm = [...groupBy(m.items, (i) => i.awardFormName)];
  const sections: DocumentSection[] = [
    { title: 'THỜI GIAN, ĐỊA ĐIỂM', paragraphs: [
      `${time(m.startsAt)}ngày ${formatDate(m.date)}${m.location ? `, tại ${m.location}` : ''}, ${m.councilName} họp xét đề nghị khen thưởng.`,
    ] },
    { title: 'THÀNH PHẦN', children: [
      { title: `Thành viên có mặt: ${present.length}/${m.members.length}`, paragraphs: present.map(memberLine) },
      { title: `Thành viên vắng mặt: ${absent.length}/${m.members.length}`, paragraphs: absent.length ? absent.map(memberLine) : ['Không có.'] },
    ] },
    { title: 'NỘI DUNG', paragraphs: [
      `Hội đồng xem xét danh sách ${m.items.length} trường hợp đã được cơ quan thường trực thẩm định, đề nghị, gồm: `
        + `${byForm.map(([form, items]) => `${form} (${items.length})`).join('; ')}.`,
      ...(m.paperBallot ? ['Các thành viên có mặt bỏ phiếu giấy; kết quả dưới đây theo biên bản kiểm phiếu của Ban kiểm phiếu (kèm theo).'] : []),
    ], children: byForm.map(([form, items]) => ({
      title: `Đề nghị tặng ${form}`,
      children: items.map(itemSection),
    })) },
    { title: 'THÀNH VIÊN KHÔNG THAM GIA BIỂU QUYẾT', paragraphs: m.recusals.length
      ? m.recusals.map((r) => `- Ông/Bà ${r.member} không biểu quyết đối với trường hợp ${r.candidate} (${r.reason === 'is_candidate'
        ? 'là người được đề nghị' : `là người đứng đầu ${r.detail || 'đơn vị được đề nghị'}`}).`)
      : ['Không có.'] },
    { title: 'KẾT LUẬN', paragraphs: m.closed ? [
      `Số trường hợp đạt: ${m.items.filter((i) => i.outcome === 'passed').length}; không đạt: ${m.items.filter((i) => i.outcome === 'failed').length}; `
        + `hoãn xét: ${m.items.filter((i) => i.outcome === 'deferred').length}.`,
      'Cơ quan thường trực Hội đồng hoàn thiện hồ sơ, trình cấp có thẩm quyền xem xét, quyết định khen thưởng đối với các trường hợp đạt.',
    ] : ['Phiên họp chưa kết thúc bỏ phiếu.'] },
  ];
  return {
    parentBody: upper(m.organisation.name),
    issuingBody: 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG',
    number: null,
    symbol: 'BB-HĐTĐKT',
    place: m.place,
    date: m.date,
    kind: 'BB',
    subject: `Họp ${m.councilName} xét đề nghị khen thưởng`,
    legalBases: [],
    preamble: [],
    sections,
    closing: [
      `Biên bản được lập xong vào hồi ...... giờ ...... cùng ngày, đã được thông qua tại phiên họp.${secretary ? ` Thư ký: ${secretary.name}.` : ''}`,
    ],
    signature: { authority: 'TM.', authorityBody: 'HỘI ĐỒNG', title: 'CHỦ TỊCH', name: chair?.name ?? '' },
    recipients: ['Thành viên Hội đồng', 'Thủ trưởng cơ quan, đơn vị (để quyết định)'],
    archive: ['TĐKT'],
  };
}
