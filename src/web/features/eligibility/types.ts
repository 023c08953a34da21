export const STATUSES = ['met', 'attest', 'unmet'] as const;
export type Status = (typeof STATUSES)[number];
export type Recipient = 'individual' | 'collective';

/** One criterion as judged: its text, what the record shows, what is missing, and its parts. */
export interface Finding {
  status: Status;
  text: string;
  facts: string[];
  missing: string[];
  children: Finding[];
}

export interface Money {
  amount: number;
  coefficient: number;
  baseSalary: number;
  baseSalaryFrom: string;
  decisionDate: string;
  legalBasis: string;
  citation: string;
  needsConfirmation: boolean;
}

export interface Judgement {
  awardForm: string;
  awardFormName: string;
  category: 'title' | 'award';
  level: string;
  recipient: Recipient;
  legalBasis: string;
  citation: string;
  needsConfirmation: boolean;
  note: string;
  cap: { of: string; ofName: string; percent: number; defaultPercent: number; setBy: string | null } | null;
  status: Status;
  reasons: string[];
  finding: Finding;
  money: Money | null;
}

export interface SubjectJudgement {
  subject: { kind: 'person' | 'collective'; id: string; name: string };
  year: number;
  legalBasis: { code: string; name: string };
  results: Judgement[];
}

export interface EligibilitySearch {
  org?: string;
  award?: string;
  /** a movement's own criterion instead of a catalogue award */
  movement?: string;
  criterion?: string;
  recipient?: Recipient;
  year?: number;
  status?: Status;
  leader?: boolean;
  q?: string;
  page?: number;
}

export interface EligibilityList {
  rule: { awardFormName: string; citation: string; legalBasisName: string; needsConfirmation: boolean; note: string };
  organisation: { id: string; name: string };
  counts: Record<Status, number>;
  total: number;
  cap: { of: string; ofName: string; percent: number; base: number; allowed: number; over: boolean } | null;
  items: Array<{
    id: string;
    name: string;
    status: Status;
    organisation: { id: string; name: string } | null;
    position: string | null;
    isLeader: boolean;
    reasons: string[];
  }>;
}

export interface CriteriaTree { text: string; children: CriteriaTree[] }

export interface Catalogue {
  legalBases: Array<{ code: string; name: string; shortName: string; effectiveFrom: string; effectiveTo: string | null }>;
  rules: Array<{
    awardForm: string;
    awardFormName: string;
    recipient: Recipient;
    legalBasis: string;
    legalBasisName: string;
    citation: string;
    needsConfirmation: boolean;
    note: string;
    cap: { of: string; ofName: string; percent: number; defaultPercent: number; setBy: string | null } | null;
    exampleYear: number;
    criteria: CriteriaTree;
  }>;
  coefficients: Array<{
    awardForm: string;
    awardFormName: string;
    recipient: Recipient;
    legalBasis: string;
    coefficient: number;
    citation: string;
    needsConfirmation: boolean;
    amountToday: number | null;
  }>;
  baseSalaries: Array<{ effectiveFrom: string; amount: number; citation: string }>;
  canManage: boolean;
}

export const PAGE_SIZE = 50;

const moneyFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
/** Đồng as written in Vietnam: 1.880.000 đ. */
export function formatMoney(amount: number): string {
  return `${moneyFormat.format(amount)} đ`;
}
const numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
/** A coefficient as written in Vietnam: 0,3 */
export function formatNumber(n: number): string {
  return numberFormat.format(n);
}
