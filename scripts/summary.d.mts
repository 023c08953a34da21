export interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: Array<{ status?: string; assertionResults?: Array<{ status?: string }> }>;
}

export type Step =
  | { name: string; kind: 'check'; status: number | null }
  | { name: string; kind: 'vitest'; status: number | null; report: VitestReport | null }
  | { name: string; kind: 'skipped'; reason: string; fatal: boolean };

export interface Counts { passed: number; failed: number; skipped: number; note: string }

export function countVitest(status: number | null, report: VitestReport | null): Counts;

export function summarise(steps: Step[]): { passed: number; failed: number; skipped: number; lines: string[]; last: string };
