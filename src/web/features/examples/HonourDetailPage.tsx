import { Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { publicPhotoUrl, useHonourDetail } from './api.ts';
import { KindBadge } from './badges.tsx';
import { BoardFrame } from './HonourBoardPage.tsx';
import { Story } from './Story.tsx';
import { examplesTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/guong-dien-hinh/$id');

/** /guong-dien-hinh/$id: one published example, its whole story and photos — no sign-in; ?nhung=1 inside a portal. */
export function HonourDetailPage() {
  const { id } = route.useParams();
  const { nhung } = route.useSearch();
  const { t } = useTexts(examplesTexts);
  const query = useHonourDetail(id);
  usePageTitle(query.data?.title ?? t('board.title'));
  const e = query.data;
  return (
    <BoardFrame embedded={nhung === '1'}>
      <Stack>
        <AnchorLink to="/guong-dien-hinh" search={{ nhung, 'don-vi': nhung === '1' ? e?.unit.id : undefined }}>{t('board.back')}</AnchorLink>
        {query.isPending && <Loading />}
        <ErrorAlert error={query.error} />
        {e && (
          <Stack component="article" gap="md">
            <Stack gap={6}>
              <Group gap="xs"><KindBadge kind={e.kind} /></Group>
              <Title order={1} size="h2">{e.title}</Title>
              <Text fw={600}>{e.subjectName}{e.subjectDetail && <Text span fw={400} c="dimmed"> — {e.subjectDetail}</Text>}</Text>
            </Stack>
            <Facts items={[
              { label: t('board.unit'), value: e.unit.name },
              ...(e.movementName ? [{ label: t('board.movement'), value: e.movementName }] : []),
              { label: t('board.publishedLabel'), value: formatDate(e.publishedOn) },
            ]} />
            {e.photos.length > 0 && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {e.photos.map((p, i) => (
                  <Stack key={p.id} component="figure" m={0} gap={4}>
                    <Image src={publicPhotoUrl(e.id, p.id)} alt={p.caption || t('board.photoAlt', { n: i + 1, title: e.title })} radius="sm" mah={360} fit="contain" />
                    {p.caption && <Text component="figcaption" size="sm" c="dimmed">{p.caption}</Text>}
                  </Stack>
                ))}
              </SimpleGrid>
            )}
            <Story text={e.story} data-testid="board-story" />
          </Stack>
        )}
      </Stack>
    </BoardFrame>
  );
}
