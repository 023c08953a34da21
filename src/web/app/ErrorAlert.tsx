import { Alert, List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api.ts';

function detailMessages(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details
    .map((d) => (typeof d === 'object' && d !== null && 'message' in d ? String((d as { message: unknown }).message) : null))
    .filter((m): m is string => m !== null);
}

/** Shows the server's message (already in the user's language) for a failed call. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError ? detailMessages(error.details) : [];
  return (
    <Alert color="red" variant="light" title={title ?? t('common.error')} role="alert">
      {message}
      {details.length > 0 && (
        <List size="sm" mt="xs">
          {details.map((d, i) => (
            <List.Item key={i}>{d}</List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}
