import type { OfficialDocument } from '../../platform/documents/model.ts';
import { formatDate } from '../../platform/vn/dates.ts';
import { decisionNumber, formatMoney, lineOrder, type Signer } from './model.ts';

/**
 * A decision as the paper the authority signs: QUYẾT ĐỊNH "Về việc tặng <form>" in the Decree 30/2020
 * layout, Điều 1 (who), Điều 2 (money), Điều 3 (effect, who implements), and the attached list. Pure.
 */
export interface DecisionForDocument {
  number: number;
  symbol: string;
  place: string;
  signedOn: string | null;
  signer: Signer;
  awardFormName: string;
  reason: string;
  budgetSource: string;
  /** the legal basis in force on the signing date (legal_bases.code) */
  legalBasis: string;
  authority: { name: string };
  authorityParent: { name: string; shortName: string | null } | null;
  /** plans the nominations answered: 'Kế hoạch số 118/KH-UBND ngày 17/9/2019 của UBND huyện … về …' */
  plans: { number: number | null; symbol: string; issuedOn: string | null; name: string; issuer: string }[];
  /** the nominating units, in the order of the list */
  units: string[];
  lines: { recipient: 'individual' | 'collective'; name: string; position: string; unit_name: string; sort_key: string; amount: number | null }[];
}

/** The Law and the decree under it, as the decision's first bases (docs/legal/README.md#legal-bases). */
const LAW_BASES: Record<string, string[]> = {
  law_2003_decree_91_2017: [
    'Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013',
    'Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
  ],
  law_2022_decree_98_2023: [
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
    'Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
  ],
  law_2022_decree_152_2025: [
    'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
    'Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ quy định chi tiết một số điều của Luật Thi đua, khen thưởng',
  ],
};

const upper = (s: string) => s.toLocaleUpperCase('vi');
const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const sentence = (s: string) => {
  const t = s.trim();
  return t === '' ? '' : `${t[0]!.toLocaleUpperCase('vi')}${t.slice(1)}${/[.!?]$/u.test(t) ? '' : '.'}`;
};

export function decisionDocument(d: DecisionForDocument): OfficialDocument {
  const lines = lineOrder(d.lines);
  const collectives = lines.filter((l) => l.recipient === 'collective');
  const individuals = lines.filter((l) => l.recipient === 'individual');
  const who = [collectives.length && `${two(collectives.length)} tập thể`, individuals.length && `${two(individuals.length)} cá nhân`]
    .filter(Boolean).join(' và ');
  const amountOf = (group: typeof lines) => group.find((l) => l.amount !== null)?.amount ?? null;
  const money = [
    amountOf(individuals) !== null && `mỗi cá nhân được thưởng ${formatMoney(amountOf(individuals)!)} đồng`,
    amountOf(collectives) !== null && `mỗi tập thể được thưởng ${formatMoney(amountOf(collectives)!)} đồng`,
  ].filter(Boolean).join(', ');
  const total = lines.reduce((sum, l) => sum + (l.amount ?? 0), 0);
  const source = d.budgetSource.trim();
  const number = decisionNumber(d.number, d.symbol);
  return {
    parentBody: d.authorityParent ? upper(d.authorityParent.shortName ?? d.authorityParent.name) : '',
    issuingBody: upper(d.authority.name),
    number: d.number,
    symbol: d.symbol,
    place: d.place,
    date: d.signedOn,
    kind: 'QD',
    subject: `Về việc tặng ${d.awardFormName}`,
    legalBases: [
      ...(LAW_BASES[d.legalBasis] ?? []),
      ...d.plans.filter((p) => p.number !== null && p.issuedOn !== null)
        .map((p) => `Căn cứ Kế hoạch số ${decisionNumber(p.number!, p.symbol)} ngày ${formatDate(p.issuedOn!)} của ${p.issuer} về ${p.name}`),
      `Xét đề nghị của ${d.units.join(', ')}`,
    ],
    preamble: ['**QUYẾT ĐỊNH:**'],
    sections: [],
    closing: [
      `**Điều 1.** Tặng ${d.awardFormName} cho ${who} (có danh sách kèm theo).`,
      sentence(d.reason),
      money
        ? `**Điều 2.** ${sentence(money)}${source ? ` Kinh phí khen thưởng từ nguồn ${source}.` : ''} Tổng số tiền thưởng: ${formatMoney(total)} đồng.`
        : `**Điều 2.** Hình thức khen thưởng này không kèm tiền thưởng.`,
      `**Điều 3.** Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các đơn vị: ${d.units.join(', ')}; các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    ].filter((p) => p !== ''),
    signature: { authority: d.signer.authority, authorityBody: upper(d.signer.authorityBody), title: upper(d.signer.title), name: d.signer.name },
    recipients: ['Như Điều 3'],
    archive: ['TĐKT'],
    annex: {
      title: 'DANH SÁCH',
      subtitle: [
        `**${sentence(`tập thể, cá nhân được tặng ${d.awardFormName}`).replace(/\.$/u, '')}**`,
        `*(Kèm theo Quyết định số ${number}${d.signedOn ? ` ngày ${formatDate(d.signedOn)}` : ''} của ${d.authority.name})*`,
      ],
      table: {
        columns: [
          { header: 'STT', widthMm: 12, align: 'center' },
          { header: 'Họ và tên / Tên tập thể', widthMm: 52 },
          { header: 'Chức vụ – Đơn vị công tác', widthMm: 66 },
          { header: 'Số tiền (đồng)', widthMm: 30, align: 'right' },
        ],
        rows: [
          ...lines.map((l, i) => [
            String(i + 1), l.name, l.recipient === 'collective' ? l.unit_name === l.name ? '' : l.unit_name : [l.position, l.unit_name].filter(Boolean).join(' – '),
            l.amount === null ? '' : formatMoney(l.amount),
          ]),
          ['', '**Tổng cộng**', '', `**${formatMoney(total)}**`],
        ],
      },
    },
  };
}
