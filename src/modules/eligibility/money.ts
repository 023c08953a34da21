import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { basisOn, type Catalogue, type Recipient } from './catalogue.ts';

/**
 * Award money = coefficient × the statutory base salary in force on the decision date, rounded up to
 * the next 10,000 đồng (docs/legal/money.md#formula). Coefficients are per legal basis: the decree in force on the
 * decision date applies.
 */
export const ROUNDING = 10_000;

/** Exact for coefficients with two decimals: the product is computed in hundredths of a đồng. */
export function awardAmount(coefficient: number, baseSalary: number): number {
  const hundredths = Math.round(coefficient * 100) * baseSalary;
  return Math.ceil(hundredths / (100 * ROUNDING)) * ROUNDING;
}

export interface BaseSalary { effectiveFrom: string; amount: number; citation: string }

export function baseSalaryOn(salaries: readonly BaseSalary[], date: string): BaseSalary {
  const inForce = salaries.filter((s) => s.effectiveFrom <= date).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  if (!inForce) throw new AppError('eligibility.no_base_salary', 422, { date });
  return inForce;
}

export interface Money {
  amount: number; coefficient: number; baseSalary: number; baseSalaryFrom: string; decisionDate: string;
  legalBasis: string; citation: string; needsConfirmation: boolean;
}

export interface MoneyTables {
  salaries: BaseSalary[];
  coefficients: { awardForm: string; recipient: Recipient; legalBasis: string; coefficient: number; citation: string; needsConfirmation: boolean }[];
}

/** The base salaries and the coefficients a tenant sees: the shared defaults and those of its own forms (migration 0031). */
export async function loadMoneyTables(db: Kysely<Database>, tenantId: string | null = null): Promise<MoneyTables> {
  const [salaries, coefficients] = await Promise.all([
    db.selectFrom('base_salaries').selectAll().orderBy('effective_from').execute(),
    db.selectFrom('award_money_coefficients').selectAll()
      .where((eb) => (tenantId === null ? eb('tenant_id', 'is', null) : eb.or([eb('tenant_id', 'is', null), eb('tenant_id', '=', tenantId)]))).execute(),
  ]);
  return {
    salaries: salaries.map((s) => ({ effectiveFrom: s.effective_from, amount: s.amount, citation: s.citation })),
    coefficients: coefficients.map((c) => ({
      awardForm: c.award_form, recipient: c.recipient, legalBasis: c.legal_basis, coefficient: Number(c.coefficient),
      citation: c.citation, needsConfirmation: c.needs_confirmation,
    })),
  };
}

/** The money for one award decided on `decisionDate`, or null when the form carries no money in the catalogue. */
export function moneyFor(tables: MoneyTables, catalogue: Catalogue, awardForm: string, recipient: Recipient, decisionDate: string): Money | null {
  const basis = basisOn(catalogue, decisionDate);
  const row = tables.coefficients.find((c) => c.awardForm === awardForm && c.recipient === recipient && c.legalBasis === basis.code);
  if (!row) return null;
  const salary = baseSalaryOn(tables.salaries, decisionDate);
  return {
    amount: awardAmount(row.coefficient, salary.amount), coefficient: row.coefficient, baseSalary: salary.amount,
    baseSalaryFrom: salary.effectiveFrom, decisionDate, legalBasis: basis.code, citation: row.citation,
    needsConfirmation: row.needsConfirmation,
  };
}
