import { describe, expect, it } from 'vitest';
import { awardAmount, baseSalaryOn, moneyFor, type MoneyTables } from './money.ts';
import type { Catalogue } from './catalogue.ts';

const salaries = [
  { effectiveFrom: '2019-07-01', amount: 1_490_000, citation: 'NĐ 38/2019' },
  { effectiveFrom: '2023-07-01', amount: 1_800_000, citation: 'NĐ 24/2023' },
  { effectiveFrom: '2024-07-01', amount: 2_340_000, citation: 'NĐ 73/2024' },
  { effectiveFrom: '2026-07-01', amount: 2_530_000, citation: 'docs/legal/money.md#base-salary' },
];
const catalogue: Catalogue = {
  legalBases: [
    { code: 'old', name: 'NĐ 91/2017', shortName: 'NĐ 91/2017', effectiveFrom: '2017-10-01', effectiveTo: '2023-12-31', version: 1 },
    { code: 'new', name: 'NĐ 152/2025', shortName: 'NĐ 152/2025', effectiveFrom: '2024-01-01', effectiveTo: null, version: 1 },
  ],
  rules: [], awardForms: [],
};
const tables: MoneyTables = {
  salaries,
  coefficients: [
    { awardForm: 'bang_khen_tinh', recipient: 'individual', legalBasis: 'old', coefficient: 1.0, citation: 'NĐ 91/2017', needsConfirmation: false },
    { awardForm: 'bang_khen_tinh', recipient: 'individual', legalBasis: 'new', coefficient: 1.5, citation: 'NĐ 152/2025', needsConfirmation: false },
    { awardForm: 'lao_dong_tien_tien', recipient: 'individual', legalBasis: 'new', coefficient: 0.3, citation: 'NĐ 152/2025', needsConfirmation: false },
  ],
};

describe('award money (coefficient × base salary on the decision date, rounded up to 10,000đ)', () => {
  it.each([
    [0.3, 2_340_000, 710_000], // 702,000 → 710,000
    [0.8, 2_340_000, 1_880_000], // 1,872,000 → 1,880,000
    [1.5, 2_340_000, 3_510_000], // exact: no rounding
    [4.5, 1_800_000, 8_100_000],
    [0.15, 1_490_000, 230_000], // 223,500 → 230,000
    [0.3, 2_530_000, 760_000], // 759,000 → 760,000
  ])('%s × %s = %s', (coefficient, base, amount) => {
    expect(awardAmount(coefficient, base)).toBe(amount);
  });

  it('takes the base salary in force on the decision date, the day a new one starts included', () => {
    expect(baseSalaryOn(salaries, '2024-06-30').amount).toBe(1_800_000);
    expect(baseSalaryOn(salaries, '2024-07-01').amount).toBe(2_340_000);
    expect(baseSalaryOn(salaries, '2026-07-01').amount).toBe(2_530_000);
    expect(() => baseSalaryOn(salaries, '2010-01-01')).toThrow('eligibility.no_base_salary');
  });

  it('takes the coefficient of the legal basis in force on the decision date', () => {
    expect(moneyFor(tables, catalogue, 'bang_khen_tinh', 'individual', '2023-12-20')).toMatchObject({ coefficient: 1.0, baseSalary: 1_800_000, amount: 1_800_000 });
    expect(moneyFor(tables, catalogue, 'bang_khen_tinh', 'individual', '2025-12-20')).toMatchObject({ coefficient: 1.5, baseSalary: 2_340_000, amount: 3_510_000 });
    expect(moneyFor(tables, catalogue, 'lao_dong_tien_tien', 'individual', '2026-12-20')).toMatchObject({ amount: 760_000, baseSalaryFrom: '2026-07-01' });
    expect(moneyFor(tables, catalogue, 'lao_dong_tien_tien', 'collective', '2026-12-20')).toBeNull();
  });
});
