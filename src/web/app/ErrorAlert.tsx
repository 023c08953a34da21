import { Alert, Button, List } from '@mantine/core';
import { ApiError } from './api.ts';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

interface Issue {
  path?: string;
  message: string;
}

/** The server's per-field problems: `details.issues` (validation), or a bare list. */
function issuesOf(details: unknown): Issue[] {
  const list = Array.isArray(details)
    ? details
    : typeof details === 'object' && details !== null && Array.isArray((details as { issues?: unknown }).issues)
      ? (details as { issues: unknown[] }).issues
      : [];
  return list
    .filter((d): d is Record<string, unknown> => typeof d === 'object' && d !== null && 'message' in d)
    .map((d) => ({ path: typeof d.path === 'string' ? d.path : undefined, message: String(d.message) }));
}

/** Shows the server's message (already in the user's language) for a failed call, and which fields. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t, strings } = useTexts(appTexts);
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? issuesOf(error.details) : [];
  const fields: Readonly<Record<string, string>> = strings.fields;
  const fieldName = (path: string) => fields[path.split('.').pop() ?? path] ?? path;
  return (
    <Alert color="red" variant="light" title={title ?? t('common.error')} role="alert">
      {message}
      {issues.length > 0 && (
        <List size="sm" mt="xs">
          {issues.map((issue, i) => (
            <List.Item key={i}>{issue.path ? `${fieldName(issue.path)}: ${issue.message}` : issue.message}</List.Item>
          ))}
        </List>
      )}
      {error instanceof ApiError && error.code === 'edit.stale' && (
        // someone saved meanwhile: the page is reloaded so the form shows their change before this one is redone
        <Button size="xs" variant="light" color="red" mt="xs" display="block" onClick={() => window.location.reload()}>
          {t('common.reloadLatest')}
        </Button>
      )}
    </Alert>
  );
}
