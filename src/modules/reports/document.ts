import type { DocumentSection, DocumentTable, OfficialDocument } from '../../platform/documents/model.ts';
import { formatDate, type IsoDate } from '../../platform/vn/dates.ts';
import { awardTotals, type AwardFigure, type Figures } from './figures.ts';
import { withoutLabel, type OutlineSection, type UnitState, type UnitText } from './model.ts';

/**
 * A unit's report and a level's compiled report as official documents (Decree 30/2020: header, "BÁO
 * CÁO Kết quả …", sections I → 1 from the outline, the figures table, signature). Pure. What units typed
 * is plain text: it is printed literally, never read as markup.
 */

/** User text as the documents' inline markup reads it literally (an asterisk stays an asterisk). */
export const literal = (text: string) => text.replace(/\*/gu, '\\*');

/** A text box's content as paragraphs: one per non-empty line. */
const paragraphs = (text: string | undefined) => (text ?? '').split(/\r?\n/u).map((l) => l.trim()).filter(Boolean).map(literal);
const upper = (s: string) => s.toLocaleUpperCase('vi');
const money = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/gu, '.');

export interface DocumentHeader {
  organisation: { name: string };
  /** the body above the unit, printed over its name ('UBND TỈNH SƠN HÀ') */
  parent: { name: string; shortName: string | null } | null;
  movement: { name: string; kind: string; place: string };
  /** the date it was sent (in Việt Nam); null prints blanks */
  date: IsoDate | null;
  awardFormNames: ReadonlyMap<string, string>;
}

const movementWord = (kind: string) => (kind === 'campaign' ? 'đợt thi đua' : 'phong trào thi đua');

function awardsTable(f: Figures, names: ReadonlyMap<string, string>): DocumentTable {
  const row = (label: string, a: AwardFigure) => [label, String(a.total), String(a.collectives), String(a.individuals), String(a.women),
    String(a.ethnicMinorities), String(a.nonLeaders), String(a.directWorkers), String(a.forMovement), money(a.amount)];
  const n = (title: string, width = 8) => ({ title, width, align: 'center' as const });
  return {
    columns: [{ title: 'Hình thức', width: 24 }, n('Tổng số'), n('Tập thể'), n('Cá nhân'), n('Nữ'), n('Dân tộc thiểu số'),
      n('Không giữ chức vụ lãnh đạo', 10), n('Trực tiếp lao động', 9), n('Khen thưởng trong đợt', 9), n('Tiền thưởng (đồng)', 12)],
    rows: [...f.awards.map((a) => row(literal(names.get(a.awardForm) ?? a.awardForm), a)), row('**Tổng cộng**', awardTotals(f))],
  };
}

/** The figures part: what the system counted over the unit's subtree for the period. */
export function figuresSection(f: Figures, names: ReadonlyMap<string, string>): DocumentSection {
  return {
    title: 'SỐ LIỆU THI ĐUA, KHEN THƯỞNG',
    paragraphs: [
      `*Số liệu tổng hợp từ cơ sở dữ liệu thi đua, khen thưởng, từ ngày ${formatDate(f.period.from)} đến ngày ${formatDate(f.period.to)}.*`,
      `Đăng ký thi đua: ${f.registrations.units} đơn vị đăng ký, ${f.registrations.collectives} tập thể và ${f.registrations.individuals} cá nhân đăng ký danh hiệu.`,
      `Đề nghị khen thưởng: ${f.nominations.submitted} trường hợp được đề nghị, ${f.nominations.accepted} trường hợp được thẩm định chấp nhận, ${f.nominations.returned} trường hợp bị trả lại.`,
      f.awards.length ? awardsTable(f, names) : 'Không có danh hiệu, hình thức khen thưởng nào được quyết định trong kỳ.',
    ],
  };
}

function frame(h: DocumentHeader, subject: string, sections: DocumentSection[], recipients: string[]): OfficialDocument {
  return {
    parentBody: h.parent ? upper(h.parent.shortName ?? h.parent.name) : '',
    issuingBody: upper(h.organisation.name),
    number: null,
    symbol: 'BC',
    place: h.movement.place,
    date: h.date,
    kind: 'BC',
    subject,
    legalBases: [],
    preamble: [],
    sections,
    closing: [`Trên đây là báo cáo ${subject.charAt(0).toLocaleLowerCase('vi')}${subject.slice(1)} của ${literal(h.organisation.name)}./.`],
    signature: { authority: null, authorityBody: '', title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, ghi rõ họ tên, đóng dấu)', name: '' },
    recipients,
    archive: [],
  };
}

/** The outline as sections I → 1, each text from `textOf` (a key "0" or "0.2"). */
function outlineSections(outline: readonly OutlineSection[], textOf: (key: string) => string[]): DocumentSection[] {
  return outline.map((s, i) => ({
    title: upper(withoutLabel(s.title)),
    paragraphs: textOf(String(i)),
    children: s.points.map((p, j) => ({ title: withoutLabel(p), paragraphs: textOf(`${i}.${j}`) })),
  }));
}

export interface UnitReportForDocument extends DocumentHeader {
  outline: OutlineSection[];
  sections: Record<string, string>;
  figures: Figures;
  /** where it is sent: the receiving level */
  receiving: string;
}

export function unitReportDocument(r: UnitReportForDocument): OfficialDocument {
  const subject = `Kết quả thực hiện ${movementWord(r.movement.kind)} “${literal(r.movement.name)}”`;
  const sections = [...outlineSections(r.outline, (key) => paragraphs(r.sections[key])), figuresSection(r.figures, r.awardFormNames)];
  return frame(r, subject, sections, [r.receiving]);
}

const STATE_WORDS: Record<UnitState, string> = {
  on_time: 'Đã gửi đúng hạn', late: 'Đã gửi quá hạn', draft: 'Đang soạn, chưa gửi', returned: 'Đã trả lại để bổ sung', missing: 'Chưa gửi',
};

export interface CompiledReportForDocument extends DocumentHeader {
  outline: OutlineSection[];
  units: { name: string; state: UnitState; submittedOn: IsoDate | null; figures: Figures }[];
  own: Figures;
  total: Figures;
  gathered: Record<string, UnitText[]>;
  receiving: string | null;
}

export function compiledReportDocument(c: CompiledReportForDocument): OfficialDocument {
  const subject = `Tổng hợp kết quả thực hiện ${movementWord(c.movement.kind)} “${literal(c.movement.name)}”`;
  const sent = c.units.filter((u) => u.state === 'on_time' || u.state === 'late');
  const missing = c.units.filter((u) => u.state === 'missing');
  const summary = (label: string, f: Figures) => {
    const t = awardTotals(f);
    return [label, String(t.total), String(t.collectives), String(t.individuals), money(t.amount)];
  };
  const situation: DocumentSection = {
    title: 'TÌNH HÌNH BÁO CÁO CỦA CÁC ĐƠN VỊ',
    paragraphs: [
      `Có ${sent.length}/${c.units.length} đơn vị đã gửi báo cáo (${sent.filter((u) => u.state === 'on_time').length} đúng hạn, ${sent.filter((u) => u.state === 'late').length} quá hạn).`,
      ...(missing.length ? [`Chưa gửi báo cáo: ${missing.map((u) => literal(u.name)).join('; ')}.`] : []),
      {
        columns: [{ title: 'STT', width: 6, align: 'center' }, { title: 'Đơn vị', width: 44 }, { title: 'Tình trạng', width: 30 }, { title: 'Ngày gửi', width: 20, align: 'center' }],
        rows: c.units.map((u, i) => [String(i + 1), literal(u.name), STATE_WORDS[u.state], u.submittedOn ? formatDate(u.submittedOn) : '']),
      },
    ],
  };
  const byUnit: DocumentSection = {
    title: 'SỐ LIỆU KHEN THƯỞNG THEO ĐƠN VỊ',
    paragraphs: [{
      columns: [{ title: 'Đơn vị', width: 40 }, { title: 'Tổng số', width: 12, align: 'center' }, { title: 'Tập thể', width: 12, align: 'center' },
        { title: 'Cá nhân', width: 12, align: 'center' }, { title: 'Tiền thưởng (đồng)', width: 24, align: 'center' }],
      rows: [...c.units.map((u) => summary(literal(u.name), u.figures)), summary(`${literal(c.organisation.name)} (trực tiếp)`, c.own),
        summary('**Tổng cộng**', c.total)],
    }],
  };
  const textOf = (key: string) => (c.gathered[key] ?? []).flatMap((t) => [`**${literal(t.organisationName)}:**`, ...paragraphs(t.text)]);
  const sections = [situation, ...outlineSections(c.outline, textOf), figuresSection(c.total, c.awardFormNames), byUnit];
  return frame(c, subject, sections, c.receiving ? [c.receiving] : []);
}
