import { Alert, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { ButtonLink } from '../../app/links.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Loading } from '../../app/Loading.tsx';
import { formatDate } from '../../app/format.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { usePublicConsultations } from './api.ts';
import { PublicLayout } from './PublicLayout.tsx';
import { consultationTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

/** /gop-y: the lists open for public comment today, for anyone. */
export function PublicListPage() {
  const { t } = useTexts(consultationTexts);
  usePageTitle(t('public.heading'));
  const list = usePublicConsultations();
  return (
    <PublicLayout>
      <Stack>
        <Title order={1} size="h2">{t('public.heading')}</Title>
        <Text>{t('public.intro')}</Text>
        {list.isPending && <Loading />}
        <ErrorAlert error={list.error} />
        {list.data?.items.length === 0 && <Alert variant="light">{t('public.none')}</Alert>}
        {list.data?.items.map((c) => (
          <Paper key={c.id} withBorder p="md" component="article">
            <Stack gap="xs">
              <Title order={2} size="h4">{c.title}</Title>
              <Text size="sm">{t('public.publisher')}: {c.publisher} · {t('public.channel')}: {c.channel}</Text>
              <Text size="sm">{t('public.period')}: {formatDate(c.startsOn)} – {formatDate(c.endsOn)} · {t('public.candidateCount', { count: c.candidateCount })}</Text>
              <Group>
                <ButtonLink to="/gop-y/$consultationId" params={{ consultationId: c.id }} variant="light">{t('public.open')}</ButtonLink>
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
    </PublicLayout>
  );
}
