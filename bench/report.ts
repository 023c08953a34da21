// What every benchmark prints: percentiles of its timings and, as its last line,
//   bench <name>: app p95 X ms, bare p95 Y ms
// where "app" is the whole route a person waits for and "bare" the SQL alone, timed in the same run.

/** The p-th percentile (0–100) of some timings, nearest rank. */
export function percentile(times: readonly number[], p: number): number {
  if (times.length === 0) throw new Error('no timings');
  const sorted = [...times].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export const ms = (n: number) => n.toFixed(n < 10 ? 1 : 0);

/** "p50 / p95 / max" of some timings, in milliseconds. */
export function spread(times: readonly number[]): string {
  return `p50 ${ms(percentile(times, 50))} / p95 ${ms(percentile(times, 95))} / max ${ms(percentile(times, 100))} ms`;
}

/** Times `run` `n` times after `warm` unmeasured runs; returns the milliseconds of each. */
export async function timeRuns(n: number, run: () => Promise<unknown>, warm = 1): Promise<number[]> {
  for (let i = 0; i < warm; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  return times;
}

/** The benchmark's last line, which `npm run bench` and the notes quote. */
export function benchLine(name: string, app: readonly number[], bare: readonly number[]): string {
  const line = `bench ${name}: app p95 ${ms(percentile(app, 95))} ms, bare p95 ${ms(percentile(bare, 95))} ms`;
  console.log(line);
  return line;
}
