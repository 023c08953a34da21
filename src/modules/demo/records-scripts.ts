// The demo people and collectives whose records are written by hand, so that every rule of the catalogue
// (migrations/0004_rule_catalogue.sql) has subjects on both sides of it, under the current rules (2025,
// Decree 152/2025) and under Decree 91/2017 (2019–2023), and the boundaries are exact: three CSTĐ cơ sở
// in a row and not two, a Bằng khen of 2020 and not 2021, five initiatives and not four, a measure that
// ends on 31/12/2024. Everyone else gets records drawn by the seeded generator.
//
// `ratings` is one letter per year 2017…2025: E excellent, G good, C completed, N not completed, and
// `-` for "whatever the generator draws" (or no rating, when the person was not employed that year).
import type { DisciplineForm, InitiativeLevel } from '../rules/index.ts';
import type { AwardBasis } from '../records/index.ts';
import type { Expectation } from './records-context.ts';

/** [year, level] or [year, level, recognised on] (an initiative recognised in January may count for the year before). */
export type ScriptInitiative = readonly [number, InitiativeLevel] | readonly [number, InitiativeLevel, string];
/** [award form, year] or [award form, year, basis]; years before 2017 are the older awards the record starts with. */
export type ScriptAward = readonly [string, number] | readonly [string, number, AwardBasis];
/** [award form, judged year, what the engine should answer]; `criterion` other than the catalogue names a movement's criterion. */
export type ScriptCase = readonly [string, number, Expectation] | readonly [string, number, Expectation, string];

export interface PersonScript {
  case: string;
  /** a named demo person; otherwise the first free person who fits */
  person?: string;
  /** the subtree they work in every scripted year (CSTĐ cơ sở years: the unit whose 15% cap they use) */
  under: string;
  bornBy?: number;
  ratings: string;
  initiatives?: readonly ScriptInitiative[];
  /** Chiến sĩ thi đua cơ sở, the only years they hold it */
  cstdcs?: readonly number[];
  awards?: readonly ScriptAward[];
  discipline?: { form: DisciplineForm; startsOn: string; endsOn: string | null; reason: string };
  expect: readonly ScriptCase[];
  note: string;
}

export interface CollectiveScript {
  case: string;
  organisation: string;
  ratings: string;
  awards?: readonly ScriptAward[];
  /** years the unit is held up as a model (Cờ thi đua): its members' ratings are all at least "completed" */
  modelYears?: readonly number[];
  expect: readonly ScriptCase[];
  note: string;
}

const CSTDT = 'chien_si_thi_dua_tinh';
const CSTDTQ = 'chien_si_thi_dua_toan_quoc';
const BKT = 'bang_khen_tinh';
const BKTTG = 'bang_khen_thu_tuong';
const HCLD3 = 'huan_chuong_lao_dong_hang_ba';
const HCLD2 = 'huan_chuong_lao_dong_hang_nhi';
const HCLD1 = 'huan_chuong_lao_dong_hang_nhat';
const LDTT = 'lao_dong_tien_tien';
/** The criterion for the individual Bằng khen in the Office's 2022 review (movements-office-review.ts). */
export const OFFICE_REVIEW_CRITERION = 'vhcs-vp';

const base = (...years: number[]): ScriptInitiative[] => years.map((y) => [y, 'base'] as const);

export const PERSON_SCRIPTS: readonly PersonScript[] = [
  // ── Chiến sĩ thi đua cấp tỉnh: three CSTĐ cơ sở in a row and a provincial initiative in those years ──
  { case: 'cstdt-exactly-three', person: 'p-cv-sgd', under: 'sgddt', ratings: '-GGGGGEEE',
    initiatives: [[2023, 'base'], [2024, 'province'], [2025, 'base']], cstdcs: [2023, 2024, 2025],
    expect: [[CSTDT, 2025, 'eligible'], [CSTDT, 2024, 'not_eligible']],
    note: 'CSTĐ cơ sở 2023, 2024, 2025 (exactly three) and a provincial initiative in 2024: eligible in 2025; in 2024 only two.' },
  { case: 'cstdt-only-two', under: 'sgd-thpt', ratings: '-------EE',
    initiatives: [[2024, 'province'], [2025, 'base']], cstdcs: [2024, 2025],
    expect: [[CSTDT, 2025, 'not_eligible']], note: 'CSTĐ cơ sở 2024 and 2025 only.' },
  { case: 'cstdt-gap-year', under: 'sgd-thpt', ratings: '-----EEGE',
    initiatives: [[2022, 'base'], [2023, 'province'], [2025, 'base']], cstdcs: [2022, 2023, 2025],
    expect: [[CSTDT, 2025, 'not_eligible']], note: 'CSTĐ cơ sở 2022, 2023 and 2025: 2024 (no initiative) breaks the run.' },
  { case: 'cstdt-no-province-initiative', under: 'syt-ttyt', ratings: '------EEE',
    initiatives: base(2023, 2024, 2025), cstdcs: [2023, 2024, 2025],
    expect: [[CSTDT, 2025, 'not_eligible']], note: 'Three CSTĐ cơ sở in a row, but only base-level initiatives.' },
  { case: 'cstdt-decree-91', under: 'vp-ubnd', ratings: '--EEE----',
    initiatives: [[2019, 'base'], [2020, 'province'], [2021, 'base']], cstdcs: [2019, 2020, 2021], awards: [[CSTDT, 2021]],
    expect: [[CSTDT, 2021, 'eligible'], [CSTDT, 2020, 'not_eligible']], note: 'CSTĐ cấp tỉnh 2021 under Decree 91/2017.' },
  { case: 'cstdt-conferred-2023', under: 'syt-bvdk', ratings: 'EEEEEEEEE',
    initiatives: [[2021, 'base'], [2022, 'province'], [2023, 'base']], cstdcs: [2021, 2022, 2023],
    awards: [[BKT, 2014], [BKTTG, 2020], [CSTDT, 2023]],
    expect: [[CSTDT, 2023, 'eligible'], [CSTDT, 2022, 'not_eligible'], [HCLD3, 2025, 'attestation']],
    note: 'Bằng khen Thủ tướng 2020 and five excellent years, but one CSTĐ cấp tỉnh: Huân chương hạng Ba only on attestation.' },

  // ── Chiến sĩ thi đua toàn quốc: two CSTĐ cấp tỉnh in six years and a national initiative ──
  { case: 'cstdtq-eligible', under: 'syt-bvdk', ratings: 'EEEEEEEEE',
    initiatives: [[2018, 'base'], [2019, 'province'], [2020, 'base'], [2021, 'base'], [2022, 'national'], [2023, 'base']],
    cstdcs: [2018, 2019, 2020, 2021, 2022, 2023], awards: [[CSTDT, 2020], [CSTDT, 2023]],
    expect: [[CSTDTQ, 2025, 'eligible'], [CSTDTQ, 2023, 'eligible'], [CSTDTQ, 2022, 'not_eligible']],
    note: 'CSTĐ cấp tỉnh 2020 and 2023, national initiative 2022.' },
  { case: 'hcld1-eligible', under: 'sgd-thpt', bornBy: 1978, ratings: 'EEEEEEEEE',
    initiatives: [[2017, 'base'], [2018, 'province'], [2019, 'base'], [2020, 'base'], [2021, 'national'], [2022, 'base']],
    cstdcs: [2017, 2018, 2019, 2020, 2021, 2022],
    awards: [[BKT, 2001], [BKTTG, 2006], [HCLD3, 2011], [HCLD2, 2016], [CSTDT, 2019], [CSTDT, 2022], [CSTDTQ, 2022]],
    expect: [[CSTDTQ, 2022, 'eligible'], [CSTDTQ, 2024, 'eligible'], [CSTDTQ, 2025, 'not_eligible'], [HCLD1, 2025, 'eligible'], [HCLD1, 2023, 'eligible']],
    note: 'CSTĐ cấp tỉnh 2019 and 2022: in 2025 the six-year window (2020–2025) holds only one. Huân chương hạng Nhì 2016, CSTĐ toàn quốc 2022.' },

  // ── Huân chương Lao động: the award below at least five years before, five excellent years, CSTĐ cấp tỉnh ──
  { case: 'hcld3-eligible', under: 'vp-ubnd', bornBy: 1982, ratings: 'EEEEEEEEE',
    initiatives: [[2017, 'base'], [2018, 'province'], [2019, 'base'], [2020, 'base'], [2021, 'province'], [2022, 'base'], [2023, 'base'], [2024, 'province'], [2025, 'base']],
    cstdcs: [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
    awards: [[BKT, 2012], [BKTTG, 2018], [CSTDT, 2019], [CSTDT, 2022], [CSTDT, 2025]],
    expect: [[HCLD3, 2025, 'eligible'], [HCLD3, 2023, 'eligible'], [HCLD3, 2024, 'attestation']],
    note: 'Bằng khen Thủ tướng 2018; CSTĐ cấp tỉnh 2019, 2022, 2025.' },
  { case: 'hcld2-eligible', under: 'vp-ubnd', bornBy: 1980, ratings: 'EEEEEEEEE',
    initiatives: [[2022, 'base'], [2023, 'province'], [2024, 'base']], cstdcs: [2022, 2023, 2024],
    awards: [[BKT, 2008], [BKTTG, 2013], [HCLD3, 2018], [CSTDT, 2024]],
    expect: [[HCLD2, 2025, 'eligible'], [HCLD2, 2023, 'attestation']], note: 'Huân chương hạng Ba 2018, CSTĐ cấp tỉnh 2024.' },
  { case: 'hcld2-no-provincial-title', under: 'ubnd-tinh', bornBy: 1980, ratings: '----EEEEE',
    awards: [[BKT, 2009], [BKTTG, 2014], [HCLD3, 2019]],
    expect: [[HCLD2, 2025, 'attestation']], note: 'Huân chương hạng Ba 2019 and five excellent years, no CSTĐ cấp tỉnh.' },
  { case: 'hcld1-no-national-title', under: 'ubnd-tinh', bornBy: 1975, ratings: '----EEEEE',
    awards: [[BKTTG, 2005], [HCLD3, 2010], [HCLD2, 2018]],
    expect: [[HCLD1, 2025, 'attestation']], note: 'Huân chương hạng Nhì 2018 and five excellent years, no CSTĐ toàn quốc.' },

  // ── Bằng khen Thủ tướng (2025, Decree 152/2025): Bằng khen tỉnh by 2020, excellent 2021–2025, five base initiatives ──
  { case: 'bkttg-exactly-five', under: 'ubnd-tinh', ratings: 'EEGGEEEEE', initiatives: base(2017, 2018, 2021, 2022, 2023, 2024, 2025),
    awards: [[BKT, 2018]], expect: [[BKTTG, 2025, 'eligible'], [BKTTG, 2023, 'not_eligible']],
    note: 'Exactly five excellent years (2021–2025) and exactly five initiatives in them.' },
  { case: 'bkttg-long-record', under: 'ubnd-tinh', ratings: 'EEEEEEEEE',
    initiatives: [...base(2017, 2018, 2021, 2022, 2023, 2024, 2025), [2023, 'base']],
    awards: [[BKT, 2018]], expect: [[BKTTG, 2025, 'eligible'], [BKTTG, 2023, 'eligible']],
    note: 'Bằng khen tỉnh 2018, excellent every year: eligible under Decree 91 (2023) and now.' },
  { case: 'bkttg-award-in-2020', under: 'ubnd-tinh', ratings: 'GGEEEEEEE', initiatives: base(2019, 2020, 2021, 2022, 2023, 2024, 2025),
    awards: [[BKT, 2020]], expect: [[BKTTG, 2025, 'eligible'], [BKTTG, 2023, 'not_eligible']],
    note: 'Bằng khen tỉnh 2020: exactly five years before 2025.' },
  { case: 'bkttg-four-initiatives', under: 'ubnd-tinh', ratings: 'GGEEEEEEE', initiatives: base(2019, 2020, 2021, 2022, 2024, 2025),
    awards: [[BKT, 2020]], expect: [[BKTTG, 2025, 'not_eligible']], note: 'One initiative short: four in 2021–2025.' },
  { case: 'bkttg-gap-year', under: 'ubnd-tinh', ratings: 'GEEEEEGEE', initiatives: base(2018, 2019, 2021, 2022, 2023, 2024, 2025),
    awards: [[BKT, 2019]], expect: [[BKTTG, 2025, 'not_eligible']], note: 'Rated good in 2023 between excellent years.' },
  { case: 'bkttg-award-too-recent', under: 'ubnd-tinh', ratings: 'GGGEEEEEE', initiatives: base(2020, 2021, 2022, 2023, 2024, 2025),
    awards: [[BKT, 2021]], expect: [[BKTTG, 2025, 'not_eligible']], note: 'Bằng khen tỉnh 2021: four years before 2025.' },

  // ── Bằng khen tỉnh: two excellent years; under Decree 91 also two base initiatives ──
  { case: 'bkt-decree-91-two-initiatives', under: 'ubnd-tinh', ratings: '---EE----', initiatives: base(2020, 2021),
    awards: [[BKT, 2021]], expect: [[BKT, 2021, 'eligible']], note: 'Excellent 2020–2021 with an initiative each year.' },
  { case: 'bkt-decree-91-one-initiative', under: 'ubnd-tinh', ratings: '---EE----', initiatives: base(2021),
    expect: [[BKT, 2021, 'not_eligible']], note: 'Excellent 2020–2021 but one initiative: enough under the 2022 Law, not under Decree 91.' },
  { case: 'bkt-two-excellent-years', under: 'ubnd-tinh', ratings: '-------EE', expect: [[BKT, 2025, 'eligible']],
    note: 'Excellent 2024 and 2025.' },
  { case: 'bkt-excellent-gap', under: 'ubnd-tinh', ratings: '------EGE', expect: [[BKT, 2025, 'not_eligible'], [BKT, 2024, 'not_eligible']],
    note: 'Excellent 2023 and 2025, good in 2024.' },

  // ── Disciplinary measures block the year's titles ──
  { case: 'discipline-ended-2024', under: 'ubnd-tinh', ratings: '-------GG',
    discipline: { form: 'reprimand', startsOn: '2024-01-15', endsOn: '2024-12-31', reason: 'Vi phạm quy định về giờ giấc làm việc' },
    expect: [[LDTT, 2024, 'not_eligible'], [LDTT, 2025, 'eligible']], note: 'A reprimand in effect until 31/12/2024, the day before 2025.' },
  { case: 'discipline-in-2025', under: 'stc-qlns', ratings: '--------G',
    discipline: { form: 'warning', startsOn: '2025-03-01', endsOn: '2026-02-28', reason: 'Vi phạm quy định trong thẩm định dự toán' },
    expect: [[LDTT, 2025, 'not_eligible']], note: 'A warning over part of 2025; it also bars the unit’s collective titles.' },
  { case: 'discipline-decree-91', under: 'ubnd-tinh', ratings: '---GG----',
    discipline: { form: 'reprimand', startsOn: '2020-06-01', endsOn: '2021-05-31', reason: 'Chậm trễ trong giải quyết hồ sơ của công dân' },
    expect: [[LDTT, 2020, 'not_eligible'], [LDTT, 2021, 'not_eligible']], note: 'A reprimand from June 2020 to May 2021.' },

  // ── The Office's 2022 review (Sơn La seed): 2019–2021 good or better every year, one excellent, a base initiative ──
  { case: 'office-review-eligible', under: 'vp-ubnd', ratings: '--GEG----', initiatives: base(2020), awards: [['giay_khen', 2022, 'thematic']],
    expect: [[BKT, 2021, 'eligible', OFFICE_REVIEW_CRITERION]], note: 'Good, excellent, good, with an initiative in 2020.' },
  { case: 'office-review-no-excellent', under: 'vp-ubnd', ratings: '--GGG----', initiatives: base(2020),
    expect: [[BKT, 2021, 'not_eligible', OFFICE_REVIEW_CRITERION]], note: 'Good every year, never excellent.' },
  { case: 'office-review-completed-2021', under: 'vp-ubnd', ratings: '--GEC----', initiatives: base(2020),
    expect: [[BKT, 2021, 'not_eligible', OFFICE_REVIEW_CRITERION]], note: 'Only "completed" in 2021.' },
  { case: 'office-review-no-initiative', under: 'vp-ubnd', ratings: '--EEG----',
    expect: [[BKT, 2021, 'not_eligible', OFFICE_REVIEW_CRITERION]], note: 'No initiative in 2019–2021.' },
  { case: 'office-review-initiative-in-january', under: 'vp-ubnd', ratings: '--GEG----', initiatives: [[2021, 'base', '2022-01-14']],
    expect: [[BKT, 2021, 'eligible', OFFICE_REVIEW_CRITERION]], note: 'The initiative was recognised on 14/01/2022 for 2021.' },
  { case: 'office-review-initiative-too-late', under: 'vp-ubnd', ratings: '--GEG----', initiatives: base(2022),
    expect: [[BKT, 2021, 'not_eligible', OFFICE_REVIEW_CRITERION]], note: 'The initiative counts for 2022.' },
];

export const COLLECTIVE_SCRIPTS: readonly CollectiveScript[] = [
  { case: 'collective-bkttg-eligible', organisation: 'sgd-thpt', ratings: 'EEEEEEEEE', awards: [[BKT, 2018]],
    expect: [[BKTTG, 2025, 'eligible'], [BKTTG, 2023, 'eligible'], [HCLD3, 2025, 'not_eligible']],
    note: 'Bằng khen tỉnh 2018 and excellent every year since.' },
  { case: 'collective-hcld3-eligible', organisation: 'syt-bvdk', ratings: 'EEEEEEEEE', modelYears: [2022],
    awards: [[BKT, 2012], [BKTTG, 2017], ['co_thi_dua_tinh', 2022]],
    expect: [[HCLD3, 2025, 'eligible'], [HCLD3, 2023, 'eligible'], ['co_thi_dua_chinh_phu', 2022, 'attestation'], ['co_thi_dua_chinh_phu', 2025, 'not_eligible']],
    note: 'Bằng khen Thủ tướng 2017, Cờ thi đua tỉnh 2022, excellent every year.' },
  { case: 'collective-bkttg-gap', organisation: 'stc', ratings: 'GEEGEEGEE', awards: [[BKT, 2019]],
    expect: [[BKTTG, 2025, 'not_eligible'], [BKT, 2022, 'eligible'], [BKT, 2025, 'not_eligible']],
    note: 'Good in 2020 and 2023; in 2025 a member of Phòng Quản lý ngân sách is under a warning.' },
  { case: 'collective-member-warning', organisation: 'stc-qlns', ratings: '--------G',
    expect: [['tap_the_lao_dong_tien_tien', 2025, 'not_eligible']], note: 'A member under a warning in 2025.' },
  { case: 'collective-flag-2025', organisation: 'vp-ubnd', ratings: '-------EE', modelYears: [2025], awards: [['co_thi_dua_tinh', 2025]],
    expect: [['co_thi_dua_chinh_phu', 2025, 'attestation'], ['co_thi_dua_tinh', 2025, 'attestation']],
    note: 'Cờ thi đua tỉnh 2025: may be proposed for the Government’s flag.' },
];
