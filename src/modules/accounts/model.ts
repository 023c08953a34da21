/**
 * Sign-in throttling, pure (issue 15.4). A lock per account let any stranger lock a person out with
 * five wrong passwords; instead failures are counted three ways, each with a delay that grows:
 * - per (username, client address): the guesser at one machine is slowed after a few tries, and the
 *   owner at another machine (no failures there) still gets in with the right password;
 * - per client address, over every username: one machine trying many accounts;
 * - per username, a much looser ceiling: a campaign spread over many addresses. While it holds, only
 *   addresses from which the account has signed in before still get in at once (the owner's office).
 * A username is counted whether or not an account has it, so a refusal never tells which exist.
 */
export type ThrottleScope = 'pair' | 'address' | 'account';

export interface ThrottleRule {
  /** the failure that brings the first delay (the 5th wrong password in a row from one machine) */
  delayFrom: number;
  /** the delay after that failure; each further failure doubles it, up to `maxDelayMs` */
  firstDelayMs: number;
  maxDelayMs: number;
}

const MINUTE = 60_000;

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  pair: { delayFrom: 5, firstDelayMs: MINUTE, maxDelayMs: 60 * MINUTE },
  address: { delayFrom: 30, firstDelayMs: MINUTE, maxDelayMs: 60 * MINUTE },
  account: { delayFrom: 100, firstDelayMs: MINUTE, maxDelayMs: 60 * MINUTE },
};

/** A counter with no failure for this long starts again from zero. */
export const FORGET_AFTER_MS = 24 * 60 * MINUTE;

export interface ThrottleCounter { failures: number; lastFailureAt: Date; blockedUntil: Date | null }

/** The counter as it stands now: a stale one counts as none. */
export function liveCounter(counter: ThrottleCounter | undefined, now: Date): ThrottleCounter | undefined {
  if (!counter || now.getTime() - counter.lastFailureAt.getTime() >= FORGET_AFTER_MS) return undefined;
  return counter;
}

export function isBlocked(counter: ThrottleCounter | undefined, now: Date): boolean {
  const live = liveCounter(counter, now);
  return !!live?.blockedUntil && live.blockedUntil.getTime() > now.getTime();
}

/** The delay after the `failures`-th failure under a rule: none before `delayFrom`, then 1, 2, 4 … minutes, capped. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  const past = failures - rule.delayFrom;
  if (past < 0) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(past, 30));
}

/** After a failure: count it (from zero if the counter was stale) and block for the rule's delay. */
export function afterFailure(scope: ThrottleScope, counter: ThrottleCounter | undefined, now: Date): ThrottleCounter {
  const failures = (liveCounter(counter, now)?.failures ?? 0) + 1;
  const delay = delayAfter(THROTTLE_RULES[scope], failures);
  return { failures, lastFailureAt: now, blockedUntil: delay > 0 ? new Date(now.getTime() + delay) : null };
}

export interface ThrottleState {
  pair: ThrottleCounter | undefined;
  address: ThrottleCounter | undefined;
  account: ThrottleCounter | undefined;
  /** the account has signed in from this address before */
  knownAddress: boolean;
}

/**
 * Until when the next attempt is refused, or null if it may go ahead. The account's ceiling does not
 * hold against an address the account has signed in from: that is how a stranger's campaign cannot
 * keep the owner out of their own office.
 */
export function refusedUntil(state: ThrottleState, now: Date): Date | null {
  const holding = [state.pair, state.address, ...(state.knownAddress ? [] : [state.account])]
    .filter((c) => isBlocked(c, now)).map((c) => c!.blockedUntil!.getTime());
  return holding.length === 0 ? null : new Date(Math.max(...holding));
}

export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}

/** The counters' keys for an attempt: the username lower-cased, the address as the server sees it. */
export function throttleKeys(username: string, address: string): Record<ThrottleScope, string> {
  const name = username.toLowerCase();
  return { pair: `${name} ${address}`, address, account: name };
}
