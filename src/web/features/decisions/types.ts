import type { ApiBody, ApiResponse } from '../../api/types.ts';

export type Recipient = 'individual' | 'collective' | 'household';

/** GET /api/decisions/candidates, as the server's schema says (src/web/api/openapi.ts) */
export type DecidableList = ApiResponse<'/api/decisions/candidates', 'get'>;
export type DecidableCandidate = DecidableList['items'][number];

export interface Signer { authority: 'TM.' | 'KT.' | 'Q.' | 'TL.' | null; authorityBody: string; title: string; name: string }

/** POST /api/decisions */
export type DraftInput = ApiBody<'/api/decisions', 'post'>;

/** GET /api/decisions/{id} */
export type Decision = ApiResponse<'/api/decisions/{id}', 'get'>;
export type DecisionLine = Decision['lines'][number];
