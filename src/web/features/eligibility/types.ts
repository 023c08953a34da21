import { allOf, type ApiResponse, type ApiSchema } from '../../api/types.ts';

/** One criterion as judged: its text, what the record shows, what is missing, and its parts. */
export type Finding = ApiSchema<'EligibilityFinding'>;
export const STATUSES = allOf<Finding['status']>()(['met', 'attest', 'unmet']);
export type Status = (typeof STATUSES)[number];

/** GET /api/eligibility/people/{id} (a collective's, /api/eligibility/organisations/{id}, answers the same), as the server's schema says (src/web/api/openapi.ts) */
export type SubjectJudgement = ApiResponse<'/api/eligibility/people/{id}', 'get'>;
export type Judgement = SubjectJudgement['results'][number];
export type Money = NonNullable<Judgement['money']>;
export type Recipient = Judgement['recipient'];

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

/** GET /api/eligibility */
export type EligibilityList = ApiResponse<'/api/eligibility', 'get'>;

/** A rule's criteria as the catalogue words them. */
export type CriteriaTree = ApiSchema<'EligibilityCriteria'>;

/** GET /api/catalogue */
export type Catalogue = ApiResponse<'/api/catalogue', 'get'>;

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
