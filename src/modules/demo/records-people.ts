// People's year-end ratings, initiatives and disciplinary measures: drawn by the seeded generator for
// everyone, then overwritten for the scripted people (records-scripts.ts), who are chosen here among those
// whose careers fit their script.
import type { InitiativeLevel, Rating } from '../rules/index.ts';
import { foldVietnamese } from '../../platform/vn/fold.ts';
import { PROVINCE_NAME, ROOT } from './organisations.ts';
import {
  FIRST_YEAR, PROVINCE_COMMITTEE, RATING_CODES, YEARS, person, type RecordBook, type RecordContext,
} from './records-context.ts';
import type { PersonScript } from './records-scripts.ts';

/** The rating a script gives for `year`, or null for "as the generator draws it". */
export function scriptedRating(script: { ratings: string }, year: number): Rating | null {
  const code = script.ratings[year - FIRST_YEAR];
  if (code === undefined || code === '-') return null;
  const rating = RATING_CODES[code];
  if (!rating) throw new Error(`unknown rating code ${code}`);
  return rating;
}

function fits(ctx: RecordContext, personKey: string, script: PersonScript): boolean {
  if (script.bornBy && (ctx.province.people.find((p) => p.key === personKey)?.birthYear ?? 0) > script.bornBy) return false;
  const capUnit = ctx.agencyOf(script.under);
  return YEARS.every((year) => {
    if (scriptedRating(script, year) === null) return true;
    const at = ctx.employerAt(personKey, year);
    if (!at || !ctx.isUnder(at, script.under)) return false;
    // the CSTĐ cơ sở years are counted against one unit's 15% cap
    return !script.cstdcs?.includes(year) || ctx.agencyOf(at) === capUnit;
  });
}

/**
 * person key → script: the named person, or the first generated person who fits and is still free (the named
 * people behind the demo accounts and councils keep the records the generator draws for them).
 */
export function pickScriptedPeople(ctx: RecordContext, scripts: readonly PersonScript[]): Map<string, PersonScript> {
  const chosen = new Map<string, PersonScript>();
  const generated = ctx.province.people.filter((p) => /^p-\d+$/.test(p.key));
  for (const script of scripts) {
    const key = script.person ?? generated.find((p) => !chosen.has(p.key) && fits(ctx, p.key, script))?.key;
    if (!key || chosen.has(key) || !fits(ctx, key, script)) throw new Error(`no demo person fits the script ${script.case}`);
    chosen.set(key, script);
  }
  return chosen;
}

// How people are rated over the years: most are steady, a few excel year after year (the streaks the higher
// awards need), a few struggle. About 25% excellent, 55% good, 17% completed, 3% not completed overall.
const TEMPERAMENTS = [
  [[['excellent', 85], ['good', 15]], 12],
  [[['excellent', 35], ['good', 60], ['completed', 5]], 30],
  [[['excellent', 10], ['good', 64], ['completed', 23], ['not_completed', 3]], 50],
  [[['good', 25], ['completed', 45], ['not_completed', 30]], 8],
] as const satisfies readonly (readonly [readonly (readonly [Rating, number])[], number])[];

/**
 * Every person's rating for every year they were employed long enough to be rated. In a unit's model years
 * (the year it won the Cờ thi đua) nobody falls below "completed" and most are at least "good".
 */
export function ratePeople(ctx: RecordContext, book: RecordBook, scripted: Map<string, PersonScript>, modelYears: Map<string, number[]>): void {
  const inModelYear = (orgKey: string, year: number) =>
    [...modelYears].some(([unit, years]) => years.includes(year) && ctx.isUnder(orgKey, unit));
  for (const p of ctx.province.people) {
    const temperament = ctx.rng.weighted(TEMPERAMENTS.map(([weights, share]) => [weights, share] as const));
    const script = scripted.get(p.key);
    for (const year of YEARS) {
      const employer = ctx.employerAt(p.key, year);
      let rating: Rating = ctx.rng.weighted(temperament);
      if (!employer) continue;
      if (inModelYear(employer, year)) rating = rating === 'not_completed' ? 'completed' : rating === 'completed' && ctx.rng.chance(0.6) ? 'good' : rating;
      rating = (script && scriptedRating(script, year)) ?? rating;
      const agency = ctx.agencyOf(employer);
      const { number, date } = ctx.decision(agency, year, 'ratings');
      book.addRating({ ...person(p.key), year, rating, source: { number, date, issuer: ctx.issuerName(agency) } });
    }
  }
}

export function recordDisciplines(ctx: RecordContext, book: RecordBook, scripted: Map<string, PersonScript>): void {
  for (const [personKey, script] of scripted) {
    const d = script.discipline;
    if (!d) continue;
    const employer = ctx.employerAt(personKey, Number(d.startsOn.slice(0, 4)));
    if (!employer) throw new Error(`${script.case}: not employed when disciplined`);
    const agency = ctx.agencyOf(employer);
    const number = `${ctx.rng.int(20, 300)}/QĐ-${ctx.symbolOf(agency)}`;
    book.addDiscipline({ ...person(personKey), form: d.form, startsOn: d.startsOn, endsOn: d.endsOn, reason: d.reason,
      source: { number, date: d.startsOn, issuer: ctx.issuerName(agency) } });
  }
}

// What initiatives are about, by the kind of work the unit does.
const TOPICS = {
  office: [
    'số hóa hồ sơ thi đua, khen thưởng', 'ứng dụng chữ ký số trong xử lý văn bản đi, đến', 'rút ngắn thời gian tham mưu xử lý văn bản',
    'theo dõi, đôn đốc nhiệm vụ được giao trên phần mềm', 'lưu trữ hồ sơ điện tử theo thời hạn bảo quản', 'tổng hợp báo cáo định kỳ trên bảng tính dùng chung',
    'tiết kiệm điện năng và văn phòng phẩm', 'chuẩn hóa quy trình tiếp nhận và trả kết quả thủ tục hành chính', 'tra cứu văn bản quy phạm pháp luật trên mạng nội bộ',
    'quản lý tài sản công bằng mã QR',
  ],
  education: [
    'đổi mới phương pháp dạy học môn Toán theo hướng phát triển năng lực', 'dạy học theo dự án môn Ngữ văn', 'bồi dưỡng học sinh giỏi môn Hóa học',
    'ứng dụng công nghệ thông tin trong kiểm tra, đánh giá học sinh', 'giáo dục kỹ năng sống cho học sinh dân tộc thiểu số', 'phòng, chống bạo lực học đường',
    'xây dựng thư viện học liệu số', 'hướng nghiệp cho học sinh lớp 12',
  ],
  health: [
    'giảm thời gian chờ khám bệnh ngoại trú', 'chăm sóc người bệnh sau phẫu thuật', 'quản lý thuốc bằng mã vạch', 'phòng, chống nhiễm khuẩn bệnh viện',
    'tư vấn dinh dưỡng cho người bệnh đái tháo đường', 'sàng lọc tăng huyết áp tại cộng đồng', 'đặt lịch khám bệnh trực tuyến', 'bệnh án điện tử tại khoa lâm sàng',
  ],
  finance: [
    'kiểm soát chi ngân sách qua phần mềm', 'lập dự toán ngân sách trên bảng tính liên kết', 'đối chiếu số liệu quyết toán với Kho bạc Nhà nước',
    'công khai ngân sách trên cổng thông tin điện tử',
  ],
  local: [
    'giải quyết thủ tục hành chính một cửa liên thông', 'vận động nhân dân hiến đất làm đường giao thông nông thôn', 'tuyên truyền pháp luật cho đồng bào dân tộc thiểu số',
    'quản lý hộ tịch trên phần mềm dùng chung', 'xây dựng bản, thôn đạt chuẩn nông thôn mới', 'hỗ trợ người dân sử dụng dịch vụ công trực tuyến',
  ],
} as const;

function topicsFor(ctx: RecordContext, orgKey: string): readonly string[] {
  if (ctx.isUnder(orgKey, 'sgddt') || orgKey === 'h-mk-pgd') return TOPICS.education;
  if (ctx.isUnder(orgKey, 'syt')) return TOPICS.health;
  if (ctx.isUnder(orgKey, 'stc')) return TOPICS.finance;
  const agency = ctx.org(ctx.agencyOf(orgKey));
  if (agency.kind === 'peoples_committee' && agency.key !== ROOT) return TOPICS.local;
  return TOPICS.office;
}

/** A title the person has not used yet: "Giải pháp số hóa hồ sơ thi đua, khen thưởng tại Phòng Tổng hợp". */
function initiativeTitle(ctx: RecordContext, used: Set<string>, orgKey: string, level: InitiativeLevel): string {
  const topics = topicsFor(ctx, orgKey);
  const unit = ctx.org(orgKey);
  const place = unit.kind === 'peoples_committee' ? (unit.shortName ?? unit.name) : unit.name;
  const start = ctx.rng.int(0, topics.length - 1);
  for (let i = 0; ; i++) {
    const topic = topics[(start + i) % topics.length]!;
    const round = Math.floor(i / topics.length);
    const title = level === 'national' ? `Nghiên cứu ${topic} trên địa bàn tỉnh ${PROVINCE_NAME}`
      : `${round % 2 === 0 ? 'Giải pháp' : 'Sáng kiến'} ${topic} tại ${place}${round > 1 ? ` (giai đoạn ${round})` : ''}`;
    if (!used.has(foldVietnamese(title))) {
      used.add(foldVietnamese(title));
      return title;
    }
  }
}

const EFFECTS: Record<InitiativeLevel, string> = {
  base: 'Được áp dụng có hiệu quả tại cơ quan, đơn vị',
  province: 'Được áp dụng, nhân rộng có hiệu quả trong phạm vi toàn tỉnh',
  national: 'Được áp dụng có hiệu quả trong phạm vi toàn quốc',
};

function addInitiative(ctx: RecordContext, book: RecordBook, used: Set<string>, personKey: string, year: number, level: InitiativeLevel, recognisedOn?: string): void {
  const employer = ctx.employerAt(personKey, year);
  if (!employer) throw new Error(`${personKey} has no employer in ${year}`);
  const agency = ctx.agencyOf(employer);
  // base initiatives are recognised by the unit's council, provincial ones by the province, national ones by the ministry
  const decision = level === 'base' ? ctx.decision(agency, year, 'initiatives')
    : level === 'province' ? ctx.decision(ROOT, year, 'initiatives')
    : ctx.decision('bkhcn', year, 'initiatives', 'BKHCN');
  const issuer = level === 'base' ? ctx.issuerName(agency) : level === 'province' ? PROVINCE_COMMITTEE : 'Bộ Khoa học và Công nghệ';
  const date = recognisedOn ?? decision.date;
  book.addInitiative({
    ...person(personKey), kind: level === 'national' ? 'scientific_work' : 'initiative', title: initiativeTitle(ctx, used, employer, level),
    level, year, recognisedOn: date, effect: EFFECTS[level], source: { number: decision.number, date, issuer },
  });
}

/**
 * Initiatives: scripted people have exactly those of their script; others write one in some of their good
 * years (more often when rated excellent), recognised at base level, now and then at provincial level.
 */
export function recordInitiatives(ctx: RecordContext, book: RecordBook, scripted: Map<string, PersonScript>): void {
  for (const p of ctx.province.people) {
    const used = new Set<string>();
    const script = scripted.get(p.key);
    if (script) {
      for (const [year, level, recognisedOn] of script.initiatives ?? []) addInitiative(ctx, book, used, p.key, year, level, recognisedOn);
      continue;
    }
    for (const year of YEARS) {
      const rating = book.ratingOf(person(p.key), year);
      const chance = rating === 'excellent' ? 0.45 : rating === 'good' ? 0.08 : 0;
      if (!ctx.rng.chance(chance)) continue;
      addInitiative(ctx, book, used, p.key, year, ctx.rng.chance(0.06) ? 'province' : 'base');
    }
  }
}
