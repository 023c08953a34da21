import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from '../errors.ts';
import { foldVietnamese } from '../vn/index.ts';
import { MIN_PASSWORD_LENGTH } from './passwords.ts';

/**
 * The one password rule, for every place a password is set (a one-time link, one's own change, an
 * administrator's create or reset, the setup command): at least MIN_PASSWORD_LENGTH characters and
 * not guessable (issue 15.5). zxcvbn estimates how many guesses a cracker needs, knowing common
 * passwords, repeats, sequences, keyboard walks, dates and the words below; score 3 is "safely
 * unguessable" (about 10^8 guesses), the level NIST SP 800-63B's "blocklist" advice comes to.
 */
export const MIN_PASSWORD_SCORE = 3;

/** Words Vietnamese offices reach for, folded and without spaces (zxcvbn matches lower-case, unaccented). */
const VIETNAMESE_GUESSES = [
  'matkhau', 'matma', 'doimatkhau', 'vietnam', 'hanoi', 'saigon', 'hochiminh', 'danang', 'thidua', 'khenthuong',
  'thiduakhenthuong', 'ubnd', 'uybannhandan', 'sonoivu', 'noivu', 'congchuc', 'vienchuc', 'canbo', 'quantri',
  'admin', 'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'nguyen', 'tran', 'pham', 'hoang', 'huynh', 'phan', 'dang',
  'bui', 'do', 'ho', 'ngo', 'duong', 'ly', 'van', 'thi', 'minh', 'anh', 'linh', 'huong', 'hung', 'dung', 'tuan',
];

let factory: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, vietnamese: VIETNAMESE_GUESSES },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

/** What the account is known by: the username, the name, the e-mail address, the tenant's name. */
export interface PasswordContext {
  username?: string | null | undefined;
  displayName?: string | null | undefined;
  email?: string | null | undefined;
  tenantName?: string | null | undefined;
}

const alnum = (s: string) => foldVietnamese(s).replace(/[^a-z0-9]/g, '');

/** Each input whole (as typed and run together) and word by word, folded (Nguyễn Văn An → nguyenvanan, nguyen, van, an). */
function userInputs(context: PasswordContext): { words: string[]; wholes: string[] } {
  const words = new Set<string>();
  const wholes = new Set<string>();
  for (const raw of [context.username, context.displayName, context.email, context.tenantName]) {
    if (!raw) continue;
    words.add(raw.toLowerCase());
    wholes.add(alnum(raw));
    for (const w of foldVietnamese(raw).split(' ')) if (w.length >= 2) words.add(w);
    if (raw.includes('@')) wholes.add(alnum(raw.split('@')[0]!));
  }
  for (const w of wholes) words.add(w);
  return { words: [...words], wholes: [...wholes].filter((w) => w.length >= 4) };
}

export type PasswordProblem =
  | 'password.too_short' | 'password.personal' | 'password.repeated' | 'password.sequence' | 'password.common' | 'password.guessable';

/** Why a password is refused (the weakest part zxcvbn found), or null when it is acceptable. */
export function passwordProblem(password: string, context: PasswordContext = {}): PasswordProblem | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return 'password.too_short';
  // zxcvbn's dictionaries are unaccented: strip the marks so "Mậtkhẩu123" counts as "Matkhau123" (case and
  // punctuation stay: zxcvbn weighs them itself)
  const unmarked = password.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  const inputs = userInputs(context);
  // the username, the name run together or the e-mail's local part anywhere in it, however punctuated
  // or cased, is the first thing a colleague or a script tries
  const plain = alnum(password);
  if (inputs.wholes.some((w) => plain.includes(w))) return 'password.personal';
  const result: ZxcvbnResult = estimator().check(unmarked, inputs.words);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const patterns = result.sequence.map((m) => ('dictionaryName' in m ? `${m.pattern}:${String(m.dictionaryName)}` : m.pattern));
  if (patterns.includes('dictionary:userInputs')) return 'password.personal';
  if (patterns.some((p) => p.startsWith('dictionary:'))) return 'password.common';
  if (patterns.includes('repeat')) return 'password.repeated';
  if (patterns.some((p) => p === 'sequence' || p === 'spatial' || p === 'date')) return 'password.sequence';
  return 'password.guessable';
}

/** Refuses a weak password with a 400 that says why, in the user's language. */
export function assertStrongPassword(password: string, context: PasswordContext = {}): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new AppError(problem, 400, { min: MIN_PASSWORD_LENGTH });
}
