import { describe, expect, it } from 'vitest';
import { countVitest, summarise, type VitestReport } from './summary.mjs';

const report = (passed: number, failed: number, pending = 0, testResults: VitestReport['testResults'] = []): VitestReport =>
  ({ numPassedTests: passed, numFailedTests: failed, numPendingTests: pending, numTodoTests: 0, testResults });

describe('countVitest', () => {
  it('counts passed, failed and skipped tests from the report', () => {
    expect(countVitest(1, report(7, 2, 3))).toMatchObject({ passed: 7, failed: 2, skipped: 3 });
    expect(countVitest(0, report(7, 0))).toMatchObject({ passed: 7, failed: 0, note: '' });
  });

  it('counts a missing report as one failure, whatever the exit status', () => {
    expect(countVitest(1, null)).toMatchObject({ passed: 0, failed: 1 });
    expect(countVitest(0, null)).toMatchObject({ passed: 0, failed: 1 });
    expect(countVitest(null, null)).toMatchObject({ passed: 0, failed: 1 });
  });

  it('counts a non-zero exit with no failed test as one failure (a crash, a failing hook)', () => {
    expect(countVitest(1, report(5, 0))).toMatchObject({ passed: 5, failed: 1 });
    expect(countVitest(null, report(5, 0))).toMatchObject({ passed: 5, failed: 1 });
  });

  it('counts each test file that failed to load as one failure', () => {
    const files = [
      { status: 'failed', assertionResults: [] },                                          // import error
      { status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'failed' }] }, // already counted
      { status: 'passed', assertionResults: [{ status: 'passed' }] },
    ];
    const counts = countVitest(1, report(2, 1, 0, files));
    expect(counts).toMatchObject({ passed: 2, failed: 2 });
    expect(counts.note).toContain('1 test file(s) failed to run');
  });

  it('tolerates a report with missing fields', () => {
    expect(countVitest(0, {})).toMatchObject({ passed: 0, failed: 0, skipped: 0 });
  });
});

describe('summarise', () => {
  it('sums checks, vitest runs and skips into the final line', () => {
    const result = summarise([
      { name: 'type-check', kind: 'check', status: 0 },
      { name: 'lint', kind: 'check', status: 1 },
      { name: 'tests', kind: 'vitest', status: 1, report: report(40, 2, 1) },
      { name: 'postgres', kind: 'skipped', reason: 'nothing answers', fatal: false },
      { name: 'browser', kind: 'skipped', reason: 'no Chromium', fatal: true },
    ]);
    expect(result).toMatchObject({ passed: 41, failed: 4, skipped: 1, last: '41 passed, 4 failed' });
    expect(result.lines).toHaveLength(5);
    expect(result.lines[0]).toMatch(/^ok {3}type-check: 1 passed, 0 failed$/);
    expect(result.lines[1]).toMatch(/^FAIL lint/);
    expect(result.lines[3]).toMatch(/^SKIP postgres: 0 passed, 0 failed \(skipped: nothing answers\)$/);
    expect(result.lines[4]).toMatch(/^FAIL browser/);
  });

  it('prints 0 passed, 0 failed for no steps', () => {
    expect(summarise([]).last).toBe('0 passed, 0 failed');
  });

  it('rejects an unknown step kind', () => {
    expect(() => summarise([{ name: 'x', kind: 'other' } as never])).toThrow(/unknown step kind/);
  });
});
