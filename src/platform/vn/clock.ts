/**
 * The one injectable clock. Code that needs "now" takes a Clock instead of
 * calling `new Date()`, so tests can pin the instant (for example just
 * before or after midnight in Vietnam; see todayInVietnam in dates.ts).
 */

export interface Clock {
  now(): Date;
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => new Date(),
};

/**
 * A clock stopped at `iso` (an instant, e.g. '2026-11-21T17:30:00Z').
 * Each call returns a fresh Date so a caller mutating it cannot move the clock.
 */
export function fixedClock(iso: string): Clock {
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`fixedClock: not a valid instant: ${JSON.stringify(iso)}`);
  return { now: () => new Date(ms) };
}

/**
 * A clock that starts at `iso` when created and then runs at the real pace: for training rooms and
 * browser tests that replay a past round (the demo's Sơn La office review happened in May 2022). Set with CLOCK_START; the
 * server says so loudly at start, and production never sets it.
 */
export function clockStartingAt(iso: string, real: Clock = systemClock): Clock {
  const start = new Date(iso).getTime();
  if (Number.isNaN(start)) throw new RangeError(`clockStartingAt: not a valid instant: ${JSON.stringify(iso)}`);
  const offset = start - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
}
