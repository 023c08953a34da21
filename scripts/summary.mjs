// Counting for scripts/test.mjs, kept pure so scripts/summary.test.ts can check it.
//
// A step is one of:
//   { name, kind: 'check', status }            a command that is one test: exit 0 passes, anything else fails
//   { name, kind: 'vitest', status, report }   a vitest run; report is its parsed JSON report, or null if missing
//   { name, kind: 'skipped', reason, fatal }   not run; a fatal skip counts as one failure

/**
 * Count one vitest run. Failed tests count one each; a test file that failed without any failing test
 * (an import or collection error) counts one; a missing report, or a non-zero exit with nothing failed
 * (a crash, a failing hook, an unhandled error), counts one.
 */
export function countVitest(status, report) {
  if (!report || typeof report !== 'object') {
    return { passed: 0, failed: 1, skipped: 0, note: status === 0 ? 'no report written' : `exited ${describeStatus(status)} without a report` };
  }
  const passed = num(report.numPassedTests);
  let failed = num(report.numFailedTests);
  const skipped = num(report.numPendingTests) + num(report.numTodoTests);
  const notes = [];
  const brokenFiles = (Array.isArray(report.testResults) ? report.testResults : []).filter((file) =>
    file && file.status === 'failed' &&
    !(Array.isArray(file.assertionResults) && file.assertionResults.some((a) => a && a.status === 'failed')));
  if (brokenFiles.length > 0) {
    failed += brokenFiles.length;
    notes.push(`${brokenFiles.length} test file(s) failed to run`);
  }
  if (status !== 0 && failed === 0) {
    failed = 1;
    notes.push(`exited ${describeStatus(status)} with no failed test`);
  }
  return { passed, failed, skipped, note: notes.join('; ') };
}

/** Sum the steps; `lines` describe each step, `last` is the final line `N passed, N failed`. */
export function summarise(steps) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const lines = [];
  for (const step of steps) {
    let counts;
    if (step.kind === 'check') {
      counts = step.status === 0
        ? { passed: 1, failed: 0, skipped: 0, note: '' }
        : { passed: 0, failed: 1, skipped: 0, note: `exited ${describeStatus(step.status)}` };
    } else if (step.kind === 'vitest') {
      counts = countVitest(step.status, step.report);
    } else if (step.kind === 'skipped') {
      counts = { passed: 0, failed: step.fatal ? 1 : 0, skipped: 0, note: `skipped: ${step.reason}` };
    } else {
      throw new Error(`unknown step kind: ${step.kind}`);
    }
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    const verdict = counts.failed > 0 ? 'FAIL' : step.kind === 'skipped' ? 'SKIP' : 'ok  ';
    const skippedText = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
    lines.push(`${verdict} ${step.name}: ${counts.passed} passed, ${counts.failed} failed${skippedText}${counts.note ? ` (${counts.note})` : ''}`);
  }
  return { passed, failed, skipped, lines, last: `${passed} passed, ${failed} failed` };
}

function num(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function describeStatus(status) {
  return status === null || status === undefined ? 'abnormally (killed or not started)' : `with status ${status}`;
}
