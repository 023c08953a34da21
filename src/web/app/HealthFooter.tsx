import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { api } from './api.ts';
import { useTexts } from '../i18n/texts.ts';
import { appTexts } from './text.ts';

interface Health {
  status: string;
  database: 'pglite' | 'postgres';
  migration: { version: number; name: string } | null;
}

/** The database kind, said quietly: single-office (PGlite) or PostgreSQL. */
export function HealthFooter() {
  const { t } = useTexts(appTexts);
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<Health>('/api/health'),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const database = health.data
    ? health.data.database === 'pglite'
      ? t('footer.pglite')
      : t('footer.database', { kind: t('footer.postgres') })
    : null;
  return (
    <Text size="xs" c="dimmed">
      {t('app.name')}
      {database && ` · ${database}`}
      {health.isError && ` · ${t('footer.offline')}`}
    </Text>
  );
}
