/** The report API's answers (src/modules/reports/present.ts and routes.ts). */
import type { ApiResponse } from '../../api/types.ts';

export type UnitState = 'on_time' | 'late' | 'draft' | 'returned' | 'missing';
export type ReportStatus = 'draft' | 'submitted' | 'returned';
export interface Ref { id: string; name: string }
export interface OutlineSection { title: string; points: string[] }
export interface Phase { id: string; title: string; dueOn: string | null; deadline: string | null; outline: OutlineSection[] }

export interface AwardFigure {
  awardForm: string; total: number; forMovement: number; collectives: number; individuals: number; women: number;
  ethnicMinorities: number; nonLeaders: number; directWorkers: number; amount: number;
}
export interface Figures {
  period: { from: string; to: string };
  registrations: { units: number; collectives: number; individuals: number };
  awards: AwardFigure[];
  nominations: { submitted: number; accepted: number; returned: number };
}

/** GET /api/reports/phases/{phaseId}/organisations/{organisationId}, as the server's schema says (src/web/api/openapi.ts) */
export type ReportView = ApiResponse<'/api/reports/phases/{phaseId}/organisations/{organisationId}', 'get'>;

/** GET /api/reports/phases/{phaseId}/compilations/{organisationId} */
export type CompilationView = ApiResponse<'/api/reports/phases/{phaseId}/compilations/{organisationId}', 'get'>;

/** GET /api/reports */
export type MyReports = ApiResponse<'/api/reports', 'get'>;
