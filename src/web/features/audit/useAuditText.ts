import { useMemo } from 'react';
import { ROLES } from '../../app/auth.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { useOrgTree } from '../organisations/api.ts';
import { ORG_KINDS, ORG_LEVELS } from '../organisations/types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { auditTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';
import { nominationsTexts } from '../nominations/text.ts';
import { actionLabel, documentReason, type ActionWords } from './labels.ts';

const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

/** Words for the audit log: action codes, field names and values in the UI language; organisation ids as names. */
export function useAuditText() {
  const { t, strings } = useTexts(appTexts);
  const audit = useTexts(auditTexts);
  const nominations = useTexts(nominationsTexts).strings;
  const tree = useOrgTree(todayIso(), true);
  const orgNames = useMemo(() => new Map((tree.data ?? []).map((o) => [o.id, o.name])), [tree.data]);
  const fields: Readonly<Record<string, string>> = strings.fields;
  const words: ActionWords = {
    exact: audit.strings.actions, subjects: audit.strings.subjects, verbs: audit.strings.verbs, nominationSteps: nominations.history.actions,
    join: (subject, verb) => audit.t('actionIn', { subject, verb }), other: audit.strings.otherAction,
  };
  // workflows' states and a dossier's document kinds in words
  const states: Readonly<Record<string, string>> = { ...audit.strings.states, ...nominations.candidateStatuses, ...nominations.statuses };
  const documentKinds: Readonly<Record<string, string>> = nominations.dossier.kinds;

  const value = (key: string, v: unknown): string => {
    if (v === null || v === undefined || v === '') return '—';
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (key === 'role' && isOneOf(ROLES, v)) return t(`roles.${v}`);
    if (key === 'kind' && isOneOf(ORG_KINDS, v)) return t(`org.kinds.${v}`);
    if (key === 'kind' && typeof v === 'string' && documentKinds[v]) return documentKinds[v];
    if (key === 'status' && typeof v === 'string' && states[v]) return states[v];
    if (key === 'reason' && typeof v === 'string') return documentReason(v, documentKinds);
    if (key === 'level' && isOneOf(ORG_LEVELS, v)) return t(`org.levels.${v}`);
    if (key === 'gender' && (v === 'male' || v === 'female')) return t(`gender.${v}`);
    if (key === 'password') return audit.t('passwordReset');
    if (typeof v === 'string' && orgNames.has(v)) return orgNames.get(v) ?? v;
    if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return formatDate(v);
    return typeof v === 'string' ? v : JSON.stringify(v);
  };

  return {
    action: (code: string) => actionLabel(code, words),
    field: (key: string) => fields[key] ?? key,
    value,
    orgName: (id: string) => orgNames.get(id),
    /** read instead of the arrow between before and after */
    changedTo: audit.t('changedTo'),
  };
}

export type AuditText = ReturnType<typeof useAuditText>;
