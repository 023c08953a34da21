import type { ApiResponse } from '../../api/types.ts';

export type Recipient = 'individual' | 'collective' | 'household';

/** GET /api/decisions/candidates, as the server's schema says (src/web/api/openapi.ts) */
export type DecidableList = ApiResponse<'/api/decisions/candidates', 'get'>;
export type DecidableCandidate = DecidableList['items'][number];

export interface Signer { authority: 'TM.' | 'KT.' | 'Q.' | 'TL.' | null; authorityBody: string; title: string; name: string }

export interface DraftInput {
  candidateIds: string[]; number: number; symbol: string; signedOn: string; place: string; signer: Signer; reason: string; budgetSource: string;
}

/** GET /api/decisions/{id} */
export type Decision = ApiResponse<'/api/decisions/{id}', 'get'>;
export type DecisionLine = Decision['lines'][number];
