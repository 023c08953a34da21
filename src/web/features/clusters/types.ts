/** The cluster scoring API's answers (src/modules/clusters/routes.ts). */
import type { ApiResponse } from '../../api/types.ts';

export type SheetStatus = 'draft' | 'open' | 'closed' | 'ranked' | 'proposed';
export type CriterionKind = 'criterion' | 'bonus' | 'penalty';
export type Capacity = 'organiser' | 'head' | 'follower' | 'member';
export type SheetAction =
  | 'edit_criteria' | 'configure' | 'open' | 'self_score' | 'submit' | 'adjust' | 'close' | 'rank' | 'reopen' | 'resolve_tie' | 'propose';
export type TieLevel = 'total' | 'criteria' | 'penalty' | 'full_marks' | 'vote';
export type MemberRole = 'head' | 'deputy' | 'member';

/** GET /api/clusters, as the server's schema says (src/web/api/openapi.ts) */
export type ClusterItem = ApiResponse<'/api/clusters', 'get'>['items'][number];

/** GET /api/clusters/sheets/{id} */
export type Sheet = ApiResponse<'/api/clusters/sheets/{id}', 'get'>;
export type Criterion = Sheet['criteria'][number];
export type Score = Sheet['scores'][number];
export type Standing = Sheet['ranking'][number];
export type SheetMember = Sheet['members'][number];
export type Adjustment = Sheet['adjustments'][number];
export type EvidenceFile = Sheet['evidenceFiles'][number];

export interface CriterionInput { kind: CriterionKind; heading: string; title: string; maxPoints: number }
export interface SelfScoreInput { criterionId: string; points: number; evidence: string; evidenceLink: string }
