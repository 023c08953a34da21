// People's titles and awards, derived from their ratings, initiatives and measures the way a unit's
// emulation council would: Lao động tiên tiến to everyone rated good or better and not disciplined,
// Chiến sĩ thi đua cơ sở within 15% of the unit's LĐTT, CSTĐ cấp tỉnh after three CSTĐ cơ sở in a row,
// and some Bằng khen and Giấy khen; scripted people get exactly the titles and awards of their script.
import type { AwardBasis } from '../records/index.ts';
import { ROOT } from './organisations.ts';
import {
  FIRST_YEAR, PRESIDENT, PRIME_MINISTER, PROVINCE_CHAIR, YEARS, atLeastGood, person,
  type DemoSubject, type RecordBook, type RecordContext,
} from './records-context.ts';
import type { PersonScript } from './records-scripts.ts';

export const LDTT = 'lao_dong_tien_tien';
export const CSTDCS = 'chien_si_thi_dua_co_so';
const CSTDT = 'chien_si_thi_dua_tinh';
const BKT = 'bang_khen_tinh';
const GK = 'giay_khen';
/** Law on Emulation and Commendation 2022, art. 23 (and the 2003 Law before it): CSTĐ cơ sở ≤ 15% of the unit's LĐTT. */
export const CSTDCS_SHARE = 0.15;

/** Who decides an award of each level, and the symbol of their decisions. */
function authority(form: string): { symbol: string; signer: string; months: [number, number] } | null {
  if (['chien_si_thi_dua_tinh', 'tap_the_lao_dong_xuat_sac', 'co_thi_dua_tinh', BKT].includes(form)) return { symbol: 'UBND', signer: PROVINCE_CHAIR, months: [2, 4] };
  if (['chien_si_thi_dua_toan_quoc', 'co_thi_dua_chinh_phu', 'bang_khen_thu_tuong'].includes(form)) return { symbol: 'TTg', signer: PRIME_MINISTER, months: [4, 9] };
  if (form.startsWith('huan_chuong')) return { symbol: 'CTN', signer: PRESIDENT, months: [5, 11] };
  return null;
}

function meritReason(form: string, year: number): string {
  if (form === BKT) return `Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm ${year - 1} và năm ${year}`;
  if (form === 'bang_khen_thu_tuong' || form.startsWith('huan_chuong')) {
    return `Đã có thành tích xuất sắc trong công tác từ năm ${year - 4} đến năm ${year}, góp phần vào sự nghiệp xây dựng chủ nghĩa xã hội và bảo vệ Tổ quốc`;
  }
  const reasons: Record<string, string> = {
    [GK]: `Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm ${year}`,
    [LDTT]: `Hoàn thành tốt nhiệm vụ năm ${year}`,
    [CSTDCS]: `Hoàn thành xuất sắc nhiệm vụ, có sáng kiến được công nhận năm ${year}`,
    [CSTDT]: `Ba năm liên tục đạt danh hiệu Chiến sĩ thi đua cơ sở (${year - 2}–${year}), có sáng kiến được công nhận cấp tỉnh`,
    chien_si_thi_dua_toan_quoc: `Có thành tích tiêu biểu xuất sắc trong phong trào thi đua yêu nước giai đoạn ${year - 5}–${year}`,
    tap_the_lao_dong_tien_tien: `Hoàn thành tốt nhiệm vụ năm ${year}`,
    tap_the_lao_dong_xuat_sac: `Hoàn thành xuất sắc nhiệm vụ năm ${year}`,
    co_thi_dua_tinh: `Hoàn thành xuất sắc, toàn diện nhiệm vụ, dẫn đầu phong trào thi đua năm ${year}`,
  };
  return reasons[form] ?? `Đã có thành tích xuất sắc năm ${year}`;
}

/**
 * Records a title or award. Base-level ones are decided by the head of the unit (`unit`: for a person the
 * agency they worked in that year, for a collective the agency above it), the rest by the province or the state.
 */
export function confer(ctx: RecordContext, book: RecordBook, subject: DemoSubject, form: string, year: number, unit: string,
  basis: AwardBasis = 'merit', reason = meritReason(form, year)): void {
  const higher = authority(form);
  const decision = higher ? ctx.laterDecision(year, higher.symbol, `${form}|${basis}`, ...higher.months)
    : ctx.decision(unit, year, basis === 'merit' ? 'titles' : 'campaign');
  book.addAward({ ...subject, awardForm: form, year, basis, reason, decisionNumber: decision.number, decidedOn: decision.date,
    decidedBy: higher ? higher.signer : ctx.signerOf(unit) });
}

function shuffled<T>(ctx: RecordContext, items: readonly T[]): T[] {
  return items.map((item) => [ctx.rng.int(0, 1_000_000_000), item] as const).sort((a, b) => a[0] - b[0]).map(([, item]) => item);
}

const unitOf = (ctx: RecordContext, personKey: string, year: number) => {
  const at = ctx.employerAt(personKey, year);
  return at ? ctx.agencyOf(at) : null;
};

/** Law 2022 art. 24: LĐTT for completing the tasks well (good or better) with no disciplinary measure in the year. */
const earnsLdtt = (book: RecordBook, personKey: string, year: number) =>
  atLeastGood(book.ratingOf(person(personKey), year)) && !book.disciplinedIn(personKey, year);

/** LĐTT and CSTĐ cơ sở, year by year and unit by unit. */
function baseTitles(ctx: RecordContext, book: RecordBook, scripted: Map<string, PersonScript>): void {
  for (const year of YEARS) {
    const holders = new Map<string, string[]>();
    for (const p of ctx.province.people) {
      const unit = unitOf(ctx, p.key, year);
      if (!unit || !earnsLdtt(book, p.key, year)) continue;
      confer(ctx, book, person(p.key), LDTT, year, unit);
      holders.set(unit, [...(holders.get(unit) ?? []), p.key]);
    }
    for (const [unit, keys] of holders) {
      const cap = Math.floor(keys.length * CSTDCS_SHARE);
      const hasInitiative = (k: string) => book.initiativesIn(person(k), year).length > 0;
      const mustHave = keys.filter((k) => scripted.get(k)?.cstdcs?.includes(year));
      if (mustHave.length > cap) throw new Error(`${unit} ${year}: ${mustHave.length} scripted CSTĐ cơ sở over the cap of ${cap}`);
      const others = shuffled(ctx, keys.filter((k) => !scripted.has(k) && hasInitiative(k)));
      for (const k of [...mustHave, ...others.slice(0, cap - mustHave.length)]) {
        if (!hasInitiative(k)) throw new Error(`${k} ${year}: CSTĐ cơ sở without an initiative`);
        confer(ctx, book, person(k), CSTDCS, year, unit);
      }
    }
  }
  for (const [k, script] of scripted) {
    for (const year of script.cstdcs ?? []) if (!book.holds(person(k), CSTDCS, year)) throw new Error(`${script.case}: no CSTĐ cơ sở in ${year}`);
  }
}

/** Law 2022 art. 22: three CSTĐ cơ sở in a row and an initiative recognised at provincial level in those years. */
function meetsCstdt(book: RecordBook, personKey: string, year: number): boolean {
  const s = person(personKey);
  const span = [year - 2, year - 1, year];
  return span.every((y) => book.holds(s, CSTDCS, y)) && span.some((y) => book.initiativesIn(s, y).some((l) => l !== 'base'))
    && !book.disciplinedIn(personKey, year);
}

/** Bằng khen tỉnh for merit: two excellent years; under Decree 91/2017 (to 2023) also two base initiatives in them. */
function meetsBkt(book: RecordBook, personKey: string, year: number): boolean {
  const s = person(personKey);
  const excellent = [year - 1, year].every((y) => book.ratingOf(s, y) === 'excellent');
  const initiatives = book.initiativesIn(s, year - 1).length + book.initiativesIn(s, year).length;
  return excellent && (year > 2023 || initiatives >= 2) && !book.disciplinedIn(personKey, year);
}

const THEMATIC: Record<number, string> = {
  2019: 'Đã có thành tích xuất sắc trong phong trào thi đua “Chung sức xây dựng nông thôn mới” năm 2019',
  2022: 'Đã có thành tích xuất sắc trong phong trào thi đua “Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở” giai đoạn 2019–2021',
  2023: 'Đã có thành tích xuất sắc trong phong trào thi đua “Chuyển đổi số” năm 2023',
};
const ONE_OFF: Record<number, [string, (ctx: RecordContext, orgKey: string) => boolean]> = {
  2020: ['Đã có thành tích xuất sắc đột xuất trong công tác phòng, chống dịch COVID-19', (ctx, o) => ctx.isUnder(o, 'syt')],
  2021: ['Đã có thành tích xuất sắc đột xuất trong công tác phòng, chống dịch COVID-19', (ctx, o) => ctx.isUnder(o, 'syt')],
  2024: ['Đã có thành tích xuất sắc đột xuất trong công tác ứng phó, khắc phục hậu quả cơn bão số 3 (Yagi)',
    (ctx, o) => ctx.org(ctx.agencyOf(o)).kind === 'peoples_committee' && ctx.agencyOf(o) !== ROOT],
};

/** Everyone's titles and awards, in the order a unit would decide them. */
export function awardPeople(ctx: RecordContext, book: RecordBook, scripted: Map<string, PersonScript>): void {
  baseTitles(ctx, book, scripted);
  for (const [k, script] of scripted) {
    for (const [form, year, basis] of script.awards ?? []) {
      const unit = year >= FIRST_YEAR ? unitOf(ctx, k, year) ?? ROOT : ROOT;
      confer(ctx, book, person(k), form, year, unit, basis ?? 'merit', basis === 'thematic' ? THEMATIC[year] : undefined);
    }
  }
  for (const p of ctx.province.people) {
    if (scripted.has(p.key)) continue;
    const s = person(p.key);
    for (const year of YEARS) {
      const unit = unitOf(ctx, p.key, year);
      if (!unit) continue;
      // a new CSTĐ cấp tỉnh needs a new run of three CSTĐ cơ sở
      if (year >= FIRST_YEAR + 2 && meetsCstdt(book, p.key, year) && !book.holds(s, CSTDT, year - 1) && !book.holds(s, CSTDT, year - 2)) {
        confer(ctx, book, s, CSTDT, year, unit);
      }
      // Bằng khen tỉnh in 2018–2020 is what a Bằng khen Thủ tướng in 2025 builds on: more of them then
      if (year > FIRST_YEAR && meetsBkt(book, p.key, year) && !book.holds(s, BKT, year - 1) && ctx.rng.chance(year <= 2020 ? 0.35 : 0.12)) {
        confer(ctx, book, s, BKT, year, unit);
      } else if (book.ratingOf(s, year) === 'excellent' && !book.disciplinedIn(p.key, year) && ctx.rng.chance(0.12)) {
        confer(ctx, book, s, GK, year, unit);
      }
      const employer = ctx.employerAt(p.key, year)!;
      const oneOff = ONE_OFF[year];
      const eligible = atLeastGood(book.ratingOf(s, year)) && !book.disciplinedIn(p.key, year);
      if (eligible && oneOff && oneOff[1](ctx, employer) && ctx.rng.chance(0.15)) confer(ctx, book, s, GK, year, unit, 'one_off', oneOff[0]);
      const thematic = THEMATIC[year];
      if (eligible && thematic && ctx.rng.chance(0.04)) confer(ctx, book, s, GK, year, unit, 'thematic', thematic);
    }
  }
}
