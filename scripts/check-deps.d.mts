export interface Violation { rule: string; from: string; to: string; cycle?: string[] }
export function checkDependencies(options?: { root?: string; paths?: string[] }): Promise<Violation[]>;
export function describeViolation(violation: Violation): string;
