/**
 * Drafts of a nomination dossier (hồ sơ đề nghị khen thưởng) as OfficialDocuments, ready for
 * renderDocx/renderPdf: the unit's proposal letter (tờ trình) with the list of nominees, the minutes of
 * the unit's council meeting that selected them (biên bản họp xét), and one achievement report per
 * nominee (báo cáo thành tích, the Decree 91/2017 Mẫu 01 collective / Mẫu 02 individual structure).
 * Pure: the nominations module maps its batch to `DossierInput`; what is unknown prints as dotted lines
 * to complete by hand. The An Biên district plan and the Sơn La office review list these three documents.
 */
import { formatDate, formatLongDate, type IsoDate } from '../../platform/vn/dates.ts';
import type { DocumentTable, OfficialDocument, SignatureAuthority } from '../../platform/documents/model.ts';

export type NominationKind = 'merit' | 'thematic' | 'one_off' | 'long_service';

export interface PastHonour { year: number; name: string; /** 'Quyết định số 123/QĐ-UBND ngày 10/01/2021 của UBND tỉnh' */ decision: string }

export interface DossierRecipient {
  kind: 'person' | 'collective';
  /** full name of the person, or the collective's name ('Phòng Tổ chức - Hành chính - Quản trị') */
  name: string;
  /** the person's post ('Chuyên viên', 'Trưởng phòng') */
  position?: string;
  /** where the person works; for a collective, the unit it belongs to */
  unitName: string;
  /** a summary of the achievement, printed in the report's part II */
  achievement?: string;
  gender?: 'male' | 'female';
  birthDate?: IsoDate;
  birthYear?: number;
  /** emulation titles and awards already recorded (the report's part III) */
  titles?: PastHonour[];
  awards?: PastHonour[];
  /** the council's vote on this nominee, when taken */
  votes?: { for: number; of: number };
}

export interface DossierSigner { title: string; name: string; authority?: SignatureAuthority; authorityBody?: string }

export interface DossierInput {
  /** the proposing unit: its name, its parent body (header), the place for the date line, its symbol ('VPUB') */
  unit: { name: string; parentName?: string; place: string; abbreviation?: string };
  /** date of the letter and minutes; null prints blanks (a draft) */
  date: IsoDate | null;
  number?: number | null;
  kind: NominationKind;
  /** the movement the awards are for: its name and the plan that launched it ('Kế hoạch số 179/KH-UBND ngày 02/8/2019 của UBND tỉnh') */
  movement?: { name: string; reference: string };
  awardFormName: string;
  /** who decides, named in the letter: 'Chủ tịch UBND tỉnh' */
  authority?: string;
  recipients: DossierRecipient[];
  /** signs the letter (the unit head) */
  signer: DossierSigner;
  /** the council meeting that selected the nominees (the minutes) */
  meeting?: { date?: IsoDate; time?: string; place?: string; chair?: { name: string; title: string }; secretary?: { name: string; title: string };
    members?: number; present?: number; secretBallot?: boolean };
  /** replaces the Law and decree in force on the date (from the legal_bases catalogue when the caller has it) */
  legalBases?: string[];
}

const DOTS = '……………………………………………………………';
const SHORT_DOTS = '…………';
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * The Law and the decree in force on the date: a dossier is judged by the rules in force when it is made
 * (docs/legal/README.md#which-rules-apply, docs/legal/documents.md#legal-bases-in-documents). Decree
 * 152/2025's date of signature is left out until confirmed.
 */
export function defaultLegalBases(date: IsoDate | null): string[] {
  if (date !== null && date < '2024-01-01') {
    return [
      'Căn cứ Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, khen thưởng ngày 16 tháng 11 năm 2013',
      'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    ];
  }
  const law = 'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022';
  if (date !== null && date < '2025-07-01') {
    return [law, 'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng'];
  }
  return [law, 'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng'];
}

/** 'đã có thành tích xuất sắc trong thực hiện phong trào thi đua “…”' — why the award is proposed, by kind. */
export function achievementPhrase(input: Pick<DossierInput, 'kind' | 'movement'>): string {
  switch (input.kind) {
    case 'thematic':
      return input.movement
        ? `đã có thành tích xuất sắc trong thực hiện phong trào thi đua “${input.movement.name}”`
        : 'đã có thành tích xuất sắc trong phong trào thi đua theo chuyên đề';
    case 'one_off':
      return 'đã có thành tích xuất sắc đột xuất';
    case 'long_service':
      return 'đã có quá trình cống hiến lâu dài';
    case 'merit':
      return 'đã có thành tích xuất sắc trong thực hiện nhiệm vụ';
  }
}

/** Collectives first, then people, each in the order given. */
function ordered(recipients: readonly DossierRecipient[]): DossierRecipient[] {
  return [...recipients.filter((r) => r.kind === 'collective'), ...recipients.filter((r) => r.kind === 'person')];
}

/** '01 tập thể và 02 cá nhân', '03 cá nhân' */
export function countPhrase(recipients: readonly DossierRecipient[]): string {
  const collectives = recipients.filter((r) => r.kind === 'collective').length;
  const people = recipients.length - collectives;
  const parts = [collectives > 0 ? `${pad2(collectives)} tập thể` : '', people > 0 ? `${pad2(people)} cá nhân` : ''].filter(Boolean);
  return parts.join(' và ');
}

const subjectOf = (r: Pick<DossierRecipient, 'kind'>[]) => {
  const kinds = new Set(r.map((x) => x.kind));
  return kinds.size === 2 ? 'tập thể, cá nhân' : kinds.has('collective') ? 'tập thể' : 'cá nhân';
};

function postAndUnit(r: DossierRecipient): string {
  return r.kind === 'person' && r.position ? `${r.position}, ${r.unitName}` : r.unitName;
}

/** 85,7% — a vote share as Vietnamese write it (decimal comma). */
export function votePercent(votes: { for: number; of: number }): string {
  if (votes.of <= 0) return '';
  const pct = Math.round((votes.for / votes.of) * 1000) / 10;
  return `${String(pct).replace('.', ',')}%`;
}

function nomineeTable(input: DossierInput, withVotes: boolean): DocumentTable {
  const columns: DocumentTable['columns'] = [
    { title: 'STT', width: 6, align: 'center' },
    { title: 'Họ và tên / Tên tập thể', width: 26 },
    { title: 'Chức vụ – Đơn vị', width: 30 },
    { title: 'Hình thức đề nghị', width: withVotes ? 20 : 28 },
  ];
  if (withVotes) columns.push({ title: 'Số phiếu đồng ý', width: 10, align: 'center' }, { title: 'Tỷ lệ', width: 8, align: 'center' });
  const rows = ordered(input.recipients).map((r, i) => {
    const row = [String(i + 1), r.name, postAndUnit(r), input.awardFormName];
    if (withVotes) row.push(r.votes ? `${r.votes.for}/${r.votes.of}` : '', r.votes ? votePercent(r.votes) : '');
    return row;
  });
  return { columns, rows };
}

function header(input: DossierInput) {
  return { parentBody: input.unit.parentName ?? '', issuingBody: input.unit.name, place: input.unit.place };
}

const symbol = (code: string, input: DossierInput) => (input.unit.abbreviation ? `${code}-${input.unit.abbreviation}` : code);
const authorityOf = (input: DossierInput) => input.authority ?? 'cấp có thẩm quyền';

function signatureOf(s: DossierSigner) {
  return { authority: s.authority ?? null, authorityBody: s.authorityBody ?? '', title: s.title.toLocaleUpperCase('vi'), name: s.name };
}

/** Tờ trình "Về việc đề nghị tặng <award form> …" with the list of nominees. */
export function proposalLetter(input: DossierInput): OfficialDocument {
  const who = subjectOf(input.recipients);
  const reason = achievementPhrase(input);
  const meeting = input.meeting?.date
    ? [`Căn cứ Biên bản họp xét đề nghị khen thưởng của ${input.unit.name} ngày ${formatDate(input.meeting.date)}`]
    : [];
  return {
    ...header(input),
    number: input.number ?? null,
    symbol: symbol('TTr', input),
    date: input.date,
    kind: 'TTr',
    subject: `Về việc đề nghị tặng ${input.awardFormName} cho ${who} ${reason}`,
    ...(input.authority ? { addressee: input.authority } : {}),
    legalBases: [
      ...(input.legalBases ?? defaultLegalBases(input.date)),
      ...(input.movement ? [`Căn cứ ${input.movement.reference} về tổ chức phong trào thi đua “${input.movement.name}”`] : []),
      ...meeting,
    ],
    preamble: [
      `${input.unit.name} kính trình ${authorityOf(input)} xem xét, tặng ${input.awardFormName} cho ${countPhrase(input.recipients)} ${reason}, cụ thể như sau:`,
      nomineeTable(input, false),
    ],
    sections: [],
    closing: [
      '*(Có biên bản họp xét và báo cáo thành tích của các tập thể, cá nhân kèm theo)*',
      `${input.unit.name} kính trình ${authorityOf(input)} xem xét, quyết định./.`,
    ],
    signature: signatureOf(input.signer),
    recipients: input.authority ? ['Như trên'] : [],
  };
}

/** Biên bản "Họp xét đề nghị khen thưởng": time, place, who attended, the list with its votes, closing lines. */
export function councilMinutes(input: DossierInput): OfficialDocument {
  const m = input.meeting ?? {};
  const when = m.date
    ? `Vào lúc ${m.time ?? `${SHORT_DOTS} giờ ${SHORT_DOTS}`}, ${formatLongDate(m.date)}.`
    : `Vào lúc ${SHORT_DOTS} giờ ${SHORT_DOTS}, ngày ${SHORT_DOTS} tháng ${SHORT_DOTS} năm ${SHORT_DOTS}.`;
  const attendance = m.members !== undefined && m.present !== undefined
    ? `Thành viên Hội đồng có mặt: ${pad2(m.present)}/${pad2(m.members)} thành viên; vắng: ${pad2(m.members - m.present)} (có lý do: ${SHORT_DOTS}).`
    : `Thành viên Hội đồng có mặt: ${SHORT_DOTS}/${SHORT_DOTS} thành viên; vắng: ${SHORT_DOTS} (có lý do: ${SHORT_DOTS}).`;
  const person = (p: { name: string; title: string } | undefined) => (p ? `${p.name} – ${p.title}` : DOTS);
  const withVotes = true;
  const ballot = m.secretBallot ? 'bỏ phiếu kín' : 'biểu quyết';
  return {
    ...header(input),
    number: null,
    symbol: symbol('BB', input),
    date: m.date ?? input.date,
    kind: 'BB',
    subject: 'Họp xét đề nghị khen thưởng',
    legalBases: [],
    preamble: [
      `**Thời gian:** ${when}`,
      `**Địa điểm:** ${m.place ?? DOTS}`,
    ],
    sections: [
      {
        title: 'THÀNH PHẦN THAM DỰ',
        paragraphs: [
          `- Chủ trì: ${person(m.chair)}`,
          `- Thư ký: ${person(m.secretary)}`,
          `- ${attendance}`,
          '- Các thành viên dự họp:',
          ...[1, 2, 3].map((i) => `${i}. Ông (Bà) ${DOTS} Chức vụ: ${SHORT_DOTS}${SHORT_DOTS}`),
        ],
      },
      {
        title: 'NỘI DUNG',
        children: [
          {
            title: 'Xét đề nghị khen thưởng',
            paragraphs: [
              `Hội đồng Thi đua - Khen thưởng ${input.unit.name} họp xét, đề nghị tặng ${input.awardFormName} cho các ${subjectOf(input.recipients)} ${achievementPhrase(input)}${input.movement ? `, theo ${input.movement.reference}` : ''}.`,
            ],
          },
          {
            title: `Kết quả ${ballot}`,
            paragraphs: [nomineeTable(input, withVotes)],
          },
          {
            title: 'Kết luận',
            paragraphs: [
              `Hội đồng thống nhất đề nghị ${authorityOf(input)} xem xét, tặng ${input.awardFormName} cho ${countPhrase(input.recipients)} có tên nêu trên.`,
            ],
          },
        ],
      },
    ],
    closing: [
      `Cuộc họp kết thúc vào lúc ${SHORT_DOTS} giờ ${SHORT_DOTS} cùng ngày. Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và thống nhất./.`,
    ],
    signature: { authority: null, authorityBody: '', title: 'CHỦ TRÌ', note: '(Ký, ghi rõ họ tên)', name: m.chair?.name ?? '' },
    cosignature: { authority: null, authorityBody: '', title: 'THƯ KÝ', note: '(Ký, ghi rõ họ tên)', name: m.secretary?.name ?? '' },
    recipients: [],
  };
}

const HONOUR_COLUMNS = (what: string): DocumentTable['columns'] => [
  { title: 'Năm', width: 12, align: 'center' },
  { title: what, width: 38 },
  { title: `Số, ngày, tháng, năm của quyết định ${what === 'Danh hiệu thi đua' ? 'công nhận danh hiệu thi đua' : 'khen thưởng'}; cơ quan ban hành quyết định`, width: 50 },
];

function honourTable(what: string, honours: readonly PastHonour[] | undefined): DocumentTable {
  const rows = honours && honours.length > 0
    ? [...honours].sort((a, b) => a.year - b.year).map((h) => [String(h.year), h.name, h.decision])
    : [['', '', ''], ['', '', ''], ['', '', '']];
  return { columns: HONOUR_COLUMNS(what), rows };
}

function honoursSection(r: DossierRecipient) {
  return {
    title: 'CÁC HÌNH THỨC KHEN THƯỞNG ĐÃ ĐƯỢC GHI NHẬN',
    children: [
      { title: 'Danh hiệu thi đua:', paragraphs: [honourTable('Danh hiệu thi đua', r.titles)] },
      { title: 'Hình thức khen thưởng:', paragraphs: [honourTable('Hình thức khen thưởng', r.awards)] },
    ],
  };
}

function birthLine(r: DossierRecipient): string {
  const born = r.birthDate ? formatDate(r.birthDate) : r.birthYear ? `năm ${r.birthYear}` : DOTS;
  const gender = r.gender === 'male' ? 'Nam' : r.gender === 'female' ? 'Nữ' : SHORT_DOTS;
  return `- Sinh ngày, tháng, năm: ${born}; Giới tính: ${gender}`;
}

/**
 * Báo cáo thành tích "Đề nghị tặng …" for one nominee: Mẫu 02 for a person (no issuer; the person
 * reports, the unit head confirms), Mẫu 01 for a collective (its parent unit and its name in the
 * header; the collective's head reports, the parent's head confirms). Known data is filled in; the rest
 * is dotted lines. Thematic and campaign awards use the same parts (Decree 91/2017 Mẫu 07 is shorter:
 * drop what does not apply).
 */
export function achievementReport(input: DossierInput, r: DossierRecipient): OfficialDocument {
  const forMovement = input.kind === 'thematic' && input.movement ? ` trong thực hiện phong trào thi đua “${input.movement.name}”` : '';
  const achieved = r.achievement ?? DOTS;
  const common = {
    place: input.unit.place, date: null, number: null, symbol: '', kind: 'BC' as const, title: 'BÁO CÁO THÀNH TÍCH',
    subject: `Đề nghị tặng ${input.awardFormName}`, legalBases: [], recipients: [], closing: [],
  };
  if (r.kind === 'person') {
    return {
      ...common, parentBody: '', issuingBody: '',
      preamble: ['*(Áp dụng cho cá nhân)*'],
      sections: [
        {
          title: 'SƠ LƯỢC LÝ LỊCH',
          paragraphs: [
            `- Họ và tên: **${r.name}**`, birthLine(r), `- Quê quán: ${DOTS}`, `- Trú quán: ${DOTS}`,
            `- Đơn vị công tác: ${r.unitName}`, `- Chức vụ (Đảng, chính quyền, đoàn thể): ${r.position ?? DOTS}`,
            `- Trình độ chuyên môn, nghiệp vụ: ${DOTS}`, `- Học hàm, học vị, danh hiệu, giải thưởng: ${DOTS}`,
          ],
        },
        {
          title: 'THÀNH TÍCH ĐẠT ĐƯỢC',
          children: [
            { title: 'Quyền hạn, nhiệm vụ được giao hoặc đảm nhận:', paragraphs: [r.position ? `${r.position}, ${r.unitName}. ${DOTS}` : DOTS] },
            { title: `Thành tích đạt được của cá nhân${forMovement}:`, paragraphs: [achieved] },
          ],
        },
        honoursSection(r),
      ],
      signature: { authority: null, authorityBody: '', title: 'NGƯỜI BÁO CÁO THÀNH TÍCH', note: '(Ký, ghi rõ họ tên)', name: r.name },
      cosignature: { authority: null, authorityBody: '', title: 'THỦ TRƯỞNG ĐƠN VỊ XÁC NHẬN, ĐỀ NGHỊ', note: '(Ký, đóng dấu)', name: input.signer.name },
    };
  }
  return {
    ...common, parentBody: r.unitName, issuingBody: r.name,
    preamble: [`Tên tập thể đề nghị: **${r.name}**`, '*(Áp dụng cho tập thể)*'],
    sections: [
      {
        title: 'SƠ LƯỢC ĐẶC ĐIỂM, TÌNH HÌNH',
        children: [
          {
            title: 'Đặc điểm, tình hình:',
            paragraphs: [
              `- Địa điểm trụ sở chính, điện thoại, địa chỉ trang tin điện tử: ${DOTS}`,
              `- Quá trình thành lập và phát triển: ${DOTS}`,
              `- Những đặc điểm chính (cơ cấu tổ chức, cơ sở vật chất, tổng số cán bộ, công chức, viên chức và người lao động; tổ chức đảng, đoàn thể): ${DOTS}`,
            ],
          },
          { title: 'Chức năng, nhiệm vụ:', paragraphs: [DOTS] },
        ],
      },
      {
        title: 'THÀNH TÍCH ĐẠT ĐƯỢC',
        children: [
          { title: `Kết quả thực hiện nhiệm vụ được giao${forMovement}:`, paragraphs: [achieved] },
          { title: 'Những biện pháp hoặc nguyên nhân đạt được thành tích; các phong trào thi đua đã được áp dụng:', paragraphs: [DOTS] },
          { title: 'Việc thực hiện chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước; công tác xây dựng Đảng, đoàn thể:', paragraphs: [DOTS] },
        ],
      },
      honoursSection(r),
    ],
    signature: { authority: null, authorityBody: '', title: 'THỦ TRƯỞNG ĐƠN VỊ', note: '(Ký, đóng dấu)', name: '' },
    cosignature: { authority: null, authorityBody: '', title: 'THỦ TRƯỞNG ĐƠN VỊ CẤP TRÊN TRỰC TIẾP NHẬN XÉT, XÁC NHẬN', note: '(Ký, đóng dấu)', name: '' },
  };
}

/** The whole draft dossier: letter, minutes, then one report per nominee (collectives first). */
export function dossierDrafts(input: DossierInput): { proposal: OfficialDocument; minutes: OfficialDocument; reports: OfficialDocument[] } {
  return {
    proposal: proposalLetter(input),
    minutes: councilMinutes(input),
    reports: ordered(input.recipients).map((r) => achievementReport(input, r)),
  };
}
