/**
 * Audit codes in words. An action code is `<subject>.<verb>` (e.g. 'record.award.delete',
 * 'nomination.open_appraisal'): an exact label when there is one, else the subject's and the verb's
 * words ("Khen thưởng: xóa"), else a neutral phrase — never the raw code on the page.
 */
export interface ActionWords {
  exact: Readonly<Record<string, string>>;
  subjects: Readonly<Record<string, string>>;
  verbs: Readonly<Record<string, string>>;
  /** the workflow steps of nominations, by action ('open_appraisal') */
  nominationSteps: Readonly<Record<string, string>>;
  /** "{{subject}}: {{verb}}" and the phrase for what has no words yet */
  join: (subject: string, verb: string) => string;
  other: string;
}

export function actionLabel(code: string, words: ActionWords): string {
  const exact = words.exact[code.replace(/\./g, '_')];
  if (exact) return exact;
  const cut = code.lastIndexOf('.');
  const subject = cut < 0 ? '' : code.slice(0, cut).replace(/\./g, '_');
  const verb = code.slice(cut + 1);
  if (subject === 'nomination' && words.nominationSteps[verb]) return words.nominationSteps[verb];
  const s = words.subjects[subject];
  // 'sheet_open' (a cluster's score sheet opened): the verb after the thing's name
  if (s) return words.join(s, words.verbs[verb] ?? words.verbs[verb.slice(verb.indexOf('_') + 1)] ?? words.other);
  return words.other;
}

/** Fields the log keeps for integrity checks, not for people: a file's SHA-256. */
export const HIDDEN_FIELDS: ReadonlySet<string> = new Set(['sha256']);

/**
 * A dossier upload's step reads "<kind>: <file name>" (nominations/service.ts attachDocument):
 * the kind in words, "Tờ trình đề nghị: totrinh.pdf".
 */
export function documentReason(reason: string, kinds: Readonly<Record<string, string>>): string {
  const m = /^([a-z_]+): (.*)$/s.exec(reason);
  return m && kinds[m[1]!] ? `${kinds[m[1]!]}: ${m[2]}` : reason;
}
