import { itemLetter, type DocumentSection, type OfficialDocument } from '../../platform/documents/model.ts';
import { formatDate } from '../../platform/vn/dates.ts';
import type { Plan, ParticipantKind } from './plan.ts';
import type { PhaseInput } from './phases.ts';

/** A movement's plan as the official document people still sign (Decree 30/2020 layout). Pure. */

export interface MovementForDocument {
  name: string;
  slogan: string;
  documentNumber: number | null;
  documentSymbol: string;
  place: string;
  issuedOn: string | null;
  periodStart: string;
  periodEnd: string;
  plan: Plan;
  phases: (Pick<PhaseInput, 'title' | 'kind'> & { startsOn: string | null; dueOn: string | null; dueFrom: string; outline: { title: string; points: string[] }[] | null })[];
  issuer: { name: string };
  /** the organisation above the issuer, printed as the parent body ('UBND TỈNH SƠN HÀ') */
  issuerParent: { name: string; shortName: string | null } | null;
  awardFormNames: ReadonlyMap<string, string>;
}

const KIND_LABELS: Record<ParticipantKind, string> = {
  collective: 'Đối với tập thể', individual: 'Đối với cá nhân', household: 'Đối với hộ gia đình',
  enterprise: 'Đối với doanh nghiệp', cooperative: 'Đối với hợp tác xã', citizen: 'Đối với Nhân dân',
};
const PARTICIPANT_LABELS: Record<ParticipantKind, string> = {
  collective: 'Tập thể', individual: 'Cá nhân', household: 'Hộ gia đình', enterprise: 'Doanh nghiệp', cooperative: 'Hợp tác xã', citizen: 'Nhân dân',
};

/** 'a) …', unless the text already carries its own letter (entered from the paper plan). */
const lettered = (index: number, text: string) => (/^[a-zđ]{1,2}\)\s/u.test(text) ? text : `${itemLetter(index)}) ${text}`);
const upper = (s: string) => s.toLocaleUpperCase('vi');
const when = (startsOn: string | null, dueOn: string | null) =>
  [startsOn && `từ ngày ${formatDate(startsOn)}`, dueOn && `chậm nhất ngày ${formatDate(dueOn)}`].filter(Boolean).join(', ');

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function movementDocument(m: MovementForDocument): OfficialDocument {
  const { plan } = m;
  const formName = (code: string) => m.awardFormNames.get(code) ?? code;
  const sections: DocumentSection[] = [
    { title: 'MỤC ĐÍCH, YÊU CẦU', children: [
      { title: 'Mục đích', paragraphs: plan.purposes.map((p) => p.text) },
      { title: 'Yêu cầu', paragraphs: plan.requirements.map((p) => p.text) },
    ] },
    { title: 'ĐỐI TƯỢNG, NỘI DUNG, THỜI GIAN THI ĐUA', children: [
      { title: 'Đối tượng', paragraphs: plan.participants.map((p) => `${PARTICIPANT_LABELS[p.kind]}: ${p.scope}`) },
      { title: 'Nội dung thi đua', children: [...groupBy(plan.contents, (c) => c.participantKind)].map(([kind, contents]) => {
        // plans state one theme per participant kind ("Thi đua xây dựng cơ quan, đơn vị văn minh…"): print it once
        const theme = contents.every((c) => c.title && c.title === contents[0]!.title) ? contents[0]!.title : '';
        // contents read as the plan's own list: a), b), c)… with their points as dashes
        const items = contents.flatMap((c, i) => [
          lettered(i, c.title && c.title !== theme ? `**${c.title}**: ${c.text}` : c.text),
          ...c.points.map((p) => `- ${p.text}`),
        ]);
        return { title: KIND_LABELS[kind as ParticipantKind], paragraphs: [...(theme ? [`**“${theme}”**`] : []), ...items] };
      }) },
      { title: 'Thời gian', paragraphs: [`Từ ngày ${formatDate(m.periodStart)} đến ngày ${formatDate(m.periodEnd)}.`] },
      ...(m.slogan ? [{ title: 'Khẩu hiệu thi đua', paragraphs: [`*“${m.slogan}”*`] }] : []),
    ] },
    { title: 'TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG', children: [
      ...[...groupBy(plan.criteria, (c) => c.awardForm)].map(([code, criteria]) => ({
        title: `Tiêu chuẩn tặng ${formName(code)}`,
        paragraphs: criteria.map((c) => `${PARTICIPANT_LABELS[c.participantKind]}: ${c.text}`),
      })),
      ...plan.awards.map((a) => ({
        title: `${formName(a.awardForm)}${a.proposedBy ? ` (${a.proposedBy})` : ''}`,
        paragraphs: [
          ...a.quotas.map((q) => `Số lượng${q.appliesTo.label ? ` ${q.appliesTo.label}` : ''}: ${[
            q.collectives !== null && `không quá ${q.collectives} tập thể`, q.individuals !== null && `không quá ${q.individuals} cá nhân`,
            q.total !== null && `tổng số không quá ${q.total}`].filter(Boolean).join(', ')}.`),
          ...a.priorities.map((p) => `Ưu tiên: ${p.text}`),
          ...a.exclusions.map((p) => `Không xét: ${p.text}`),
          ...(a.dossier.length ? [`Hồ sơ gồm: ${a.dossier.map((d) => d.text).join('; ')}.`] : []),
          ...(a.window ? [`Thời gian nhận hồ sơ: từ ngày ${formatDate(a.window.opens)} đến ngày ${formatDate(a.window.closes)}.`] : []),
        ],
      })),
    ] },
    { title: 'TIẾN ĐỘ THỰC HIỆN', children: m.phases.map((p) => ({
      title: p.title,
      paragraphs: [when(p.startsOn, p.dueOn)].filter(Boolean).map((s) => `${s[0]!.toLocaleUpperCase('vi')}${s.slice(1)}.`),
      children: (p.outline ?? []).map((o) => ({ title: o.title, children: o.points.map((point) => ({ title: '', paragraphs: [point] })) })),
    })) },
    { title: 'TỔ CHỨC THỰC HIỆN', children: [...groupBy(plan.tasks, (t) => t.ownerName)].map(([owner, tasks]) => ({
      title: owner,
      paragraphs: tasks.map((t) => `${t.text}${t.dueOn ? ` Thời hạn: ${formatDate(t.dueOn)}.` : ''}`),
    })) },
  ].filter((s) => (s.children?.length ?? 0) > 0);

  return {
    parentBody: m.issuerParent ? upper(m.issuerParent.shortName ?? m.issuerParent.name) : '',
    issuingBody: upper(m.issuer.name),
    number: m.documentNumber,
    symbol: m.documentSymbol || 'KH',
    place: m.place,
    date: m.issuedOn,
    kind: 'KH',
    subject: m.name,
    legalBases: plan.legalBases.map((b) => b.text),
    preamble: [],
    sections,
    signature: { authority: plan.signer.authority, authorityBody: upper(plan.signer.authorityBody), title: upper(plan.signer.title), name: plan.signer.name },
    recipients: plan.recipients,
    archive: [],
  };
}
