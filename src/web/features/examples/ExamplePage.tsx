import { useState } from 'react';
import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AppModal } from '../../app/AppModal.tsx';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useExample, useSetPublished, useUpdateExample, type ExampleDetail } from './api.ts';
import { KindBadge, StageBadge } from './badges.tsx';
import { ExampleForm } from './ExampleForm.tsx';
import { PhotosPanel } from './PhotosPanel.tsx';
import { StagePanel } from './StagePanel.tsx';
import { Story } from './Story.tsx';
import { examplesTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/dien-hinh/$id');

/** /dien-hinh/$id: one record — its story, subject and unit, photos, the four steps, and publishing. */
export function ExamplePage() {
  const { id } = route.useParams();
  const { t } = useTexts(examplesTexts);
  const query = useExample(id);
  usePageTitle(query.data?.title ?? t('list.title'));
  const e = query.data;
  return (
    <Stack>
      <AnchorLink to="/dien-hinh" search={{}}>{t('detail.back')}</AnchorLink>
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {e && (
        <>
          <Stack gap={6}>
            <Title order={1}>{e.title}</Title>
            <Group gap="xs">
              <KindBadge kind={e.kind} />
              <StageBadge stage={e.stage} />
              <Text size="sm" data-testid="example-published">
                {e.publishedAt ? t('detail.published', { date: formatDate(todayIso(new Date(e.publishedAt))) }) : t('detail.notPublished')}
              </Text>
            </Group>
          </Stack>
          <Actions example={e} />
          <Paper withBorder p="md">
            <Facts items={[
              { label: t('detail.subject'), value: [e.subject.name, e.subject.detail].filter(Boolean).join(' — ') },
              { label: t('detail.unit'), value: e.unit.name },
              { label: t('detail.movement'), value: e.movement?.name },
            ]} />
          </Paper>
          <Paper withBorder p="md" component="section" aria-labelledby="example-story">
            <Title order={2} size="h3" id="example-story" mb="xs">{t('detail.storyHeading')}</Title>
            <Story text={e.story} data-testid="example-story-text" />
          </Paper>
          <PhotosPanel example={e} />
          <StagePanel example={e} />
        </>
      )}
    </Stack>
  );
}

function Actions({ example: e }: { example: ExampleDetail }) {
  const { t } = useTexts(examplesTexts);
  const publish = useSetPublished(e.id);
  const update = useUpdateExample(e.id);
  const [editing, setEditing] = useState(false);
  return (
    <Stack gap="xs">
      <Group gap="sm">
        {e.canWrite && <Button variant="default" onClick={() => setEditing(true)} data-testid="example-edit">{t('detail.edit')}</Button>}
        {e.canPublish && !e.publishedAt && (
          <Button onClick={() => publish.mutate(true)} loading={publish.isPending} data-testid="example-publish">{t('detail.publish')}</Button>
        )}
        {e.canPublish && e.publishedAt && (
          <ConfirmButton variant="light" color="red" question={t('detail.unpublishConfirm')} confirmLabel={t('detail.unpublish')}
            onConfirm={() => publish.mutateAsync(false)} data-testid="example-unpublish">
            {t('detail.unpublish')}
          </ConfirmButton>
        )}
        {e.publishedAt && <Anchor href={`/guong-dien-hinh/${e.id}`} target="_blank" data-testid="example-public-link">{t('detail.publicLink')}</Anchor>}
      </Group>
      {!e.canPublish && !e.publishedAt && e.canWrite && <Text size="sm" c="dimmed">{t('detail.publishHint')}</Text>}
      {!e.canWrite && <Alert variant="light" color="gray">{t('detail.readOnly')}</Alert>}
      <ErrorAlert error={publish.error} />
      <AppModal opened={editing} onClose={() => setEditing(false)} title={t('detail.edit')} size="lg">
        <ExampleForm initial={e} withUnit={false}
          onSubmit={(input) => update.mutate(input, { onSuccess: () => setEditing(false) })}
          footer={(ready) => <FormFooter error={update.error} busy={update.isPending} disabled={!ready} onCancel={() => setEditing(false)} submitLabel={t('detail.save')} />} />
      </AppModal>
    </Stack>
  );
}
