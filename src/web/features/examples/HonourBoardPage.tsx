import type { ReactNode } from 'react';
import { Alert, Anchor, Box, Button, Card, Center, Chip, Group, Image, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { PublicLayout } from '../consultation/PublicLayout.tsx';
import { EXAMPLE_KINDS, publicPhotoUrl, useHonourBoard, type BoardCard, type BoardSearch, type ExampleKind } from './api.ts';
import { KindBadge } from './badges.tsx';
import { examplesTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

/**
 * The frame of the public board: the public pages' header, or — embedded in a unit's portal (?nhung=1) —
 * nothing but the content and a link to the full page.
 */
export function BoardFrame({ embedded, children }: { embedded: boolean; children: ReactNode }) {
  if (!embedded) return <PublicLayout>{children}</PublicLayout>;
  return <Box component="main" id="main-content" p="sm">{children}</Box>;
}

const route = getRouteApi('/guong-dien-hinh');

/** /guong-dien-hinh: published typical examples and good deeds, newest first, for anyone — no sign-in. */
export function HonourBoardPage() {
  const { t } = useTexts(examplesTexts);
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const embedded = search.nhung === '1';
  const board = useHonourBoard({ unitId: search['don-vi'], kind: search.loai, movementId: search['phong-trao'] });
  const unit = board.data?.pages[0]?.unit ?? null;
  usePageTitle(t('board.title'));
  const cards = board.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <BoardFrame embedded={embedded}>
      <Stack gap={embedded ? 'sm' : 'md'}>
        <Stack gap={4}>
          <Title order={1} size={embedded ? 'h3' : 'h2'}>{t('board.title')}</Title>
          <Text size={embedded ? 'sm' : 'md'}>{unit ? t('board.unitIntro', { unit: unit.name }) : t('board.intro')}</Text>
          {unit && !embedded && (
            <AnchorLink to="/guong-dien-hinh" search={{ loai: search.loai }} size="sm">{t('board.all')}</AnchorLink>
          )}
        </Stack>
        <Group justify="space-between" wrap="wrap">
          <Chip.Group value={search.loai ?? 'all'}
            onChange={(v) => void navigate({ search: (prev) => ({ ...prev, loai: v === 'all' ? undefined : (v as ExampleKind) }), replace: true })}>
            <Group gap="xs" role="radiogroup" aria-label={t('board.kindFilter')} data-testid="board-kind">
              {(['all', ...EXAMPLE_KINDS] as const).map((k) => (
                <Chip key={k} value={k} size={embedded ? 'xs' : 'sm'}>{k === 'all' ? t('board.kindAll') : t(`kinds.${k}`)}</Chip>
              ))}
            </Group>
          </Chip.Group>
          {embedded && (
            <Anchor size="sm" href={`/guong-dien-hinh${search['don-vi'] ? `?don-vi=${search['don-vi']}` : ''}`} target="_blank">{t('board.openFull')}</Anchor>
          )}
        </Group>
        {board.isPending && <Loading />}
        <ErrorAlert error={board.error} />
        {board.data && cards.length === 0 && <Alert variant="light">{t('board.none')}</Alert>}
        <SimpleGrid cols={{ base: 1, xs: 2, md: embedded ? 2 : 3 }} spacing={embedded ? 'sm' : 'md'} data-testid="board-cards">
          {cards.map((c) => <BoardCardView key={c.id} card={c} search={search} compact={embedded} />)}
        </SimpleGrid>
        {board.hasNextPage && (
          <Center>
            <Button variant="default" onClick={() => void board.fetchNextPage()} loading={board.isFetchingNextPage}>{t('board.loadMore')}</Button>
          </Center>
        )}
      </Stack>
    </BoardFrame>
  );
}

function BoardCardView({ card: c, search, compact }: { card: BoardCard; search: BoardSearch; compact: boolean }) {
  const { t } = useTexts(examplesTexts);
  return (
    <Card withBorder padding={compact ? 'sm' : 'md'} component="article" data-testid="board-card">
      {c.coverPhotoId && (
        <Card.Section mb="sm">
          <Image src={publicPhotoUrl(c.id, c.coverPhotoId)} alt={t('board.coverAlt', { title: c.title })} h={compact ? 120 : 180} fit="cover" />
        </Card.Section>
      )}
      <Stack gap={6}>
        <Group gap="xs"><KindBadge kind={c.kind} /></Group>
        <Title order={2} size="h4">{c.title}</Title>
        <Text fw={600} size="sm">{c.subjectName}{c.subjectDetail && <Text span fw={400} c="dimmed" size="sm"> — {c.subjectDetail}</Text>}</Text>
        <Text size="sm">{t('board.unit')}: {c.unit.name}</Text>
        {!compact && <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} data-testid="board-excerpt">{c.excerpt}</Text>}
        <Group justify="space-between" wrap="wrap">
          <Text size="xs" c="dimmed">{t('board.publishedOn', { date: formatDate(c.publishedOn) })}</Text>
          <AnchorLink to="/guong-dien-hinh/$id" params={{ id: c.id }} search={{ nhung: search.nhung }} size="sm"
            aria-label={`${t('board.readMore')}: ${c.title}`}>
            {t('board.readMore')}
          </AnchorLink>
        </Group>
      </Stack>
    </Card>
  );
}
