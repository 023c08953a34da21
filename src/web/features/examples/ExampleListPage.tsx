import { useState } from 'react';
import { Anchor, Button, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { AppModal } from '../../app/AppModal.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { Pager } from '../../app/Pager.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import {
  EXAMPLE_KINDS, EXAMPLE_STAGES, EXAMPLE_WRITERS, PAGE_SIZE, useCreateExample, useExamples, type ExampleKind, type ExamplesSearch,
  type ExampleStage, type ExampleSummary,
} from './api.ts';
import { KindBadge, StageBadge } from './badges.tsx';
import { ExampleForm } from './ExampleForm.tsx';
import { examplesTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/dien-hinh');

/** /dien-hinh: the examples of the units in one's scope, searched without diacritics, filtered; a new one recorded. */
export function ExampleListPage() {
  return (
    <RequireRole roles={['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member']}>
      <ExampleList />
    </RequireRole>
  );
}

function ExampleList() {
  const { t } = useTexts(examplesTexts);
  usePageTitle(t('list.title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const { hasRole } = useAuth();
  const query = useExamples(search);
  const change = (changes: ExamplesSearch) => void navigate({ search: (prev) => ({ ...prev, page: undefined, ...changes }), replace: true });

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Stack gap={4} maw={760}>
          <Title order={1}>{t('list.title')}</Title>
          <Text c="dimmed" size="sm">{t('list.intro')}</Text>
        </Stack>
        <Group gap="sm">
          <Anchor href="/guong-dien-hinh" target="_blank" size="sm">{t('list.publicBoard')}</Anchor>
          {hasRole(...EXAMPLE_WRITERS) && <CreateExampleButton />}
        </Group>
      </Group>
      <Filters search={search} onChange={change} />
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && <ExampleTable items={query.data.items} />}
      {query.data && <Pager page={search.page ?? 1} total={query.data.total} pageSize={PAGE_SIZE} onChange={(page) => change({ page })} />}
    </Stack>
  );
}

function Filters({ search, onChange }: { search: ExamplesSearch; onChange: (c: ExamplesSearch) => void }) {
  const { t } = useTexts(examplesTexts);
  const [text, setText] = useState(search.q ?? '');
  const push = useDebouncedCallback((value: string) => {
    const q = value.trim() || undefined;
    if (q !== search.q) onChange({ q });
  }, 300);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
      <TextInput type="search" label={t('list.search')} placeholder={t('list.searchPlaceholder')} value={text} data-testid="example-search"
        onChange={(e) => { setText(e.currentTarget.value); push(e.currentTarget.value); }} />
      <OrgSelect label={t('list.unit')} clearable value={search.unit ?? null} onChange={(unit) => onChange({ unit: unit ?? undefined })} />
      <AppSelect label={t('list.kind')} allowDeselect={false} value={search.kind ?? 'all'}
        onChange={(v) => onChange({ kind: v && v !== 'all' ? (v as ExampleKind) : undefined })}
        data={[{ value: 'all', label: t('list.all') }, ...EXAMPLE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))]} />
      <AppSelect label={t('list.stage')} allowDeselect={false} value={search.stage ?? 'all'}
        onChange={(v) => onChange({ stage: v && v !== 'all' ? (v as ExampleStage) : undefined })}
        data={[{ value: 'all', label: t('list.all') }, ...EXAMPLE_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))]} />
      <AppSelect label={t('list.published')} allowDeselect={false} value={search.published ?? 'all'}
        onChange={(v) => onChange({ published: v === 'true' || v === 'false' ? v : undefined })}
        data={[{ value: 'all', label: t('list.all') }, { value: 'true', label: t('list.publishedYes') }, { value: 'false', label: t('list.publishedNo') }]} />
    </SimpleGrid>
  );
}

function ExampleTable({ items }: { items: ExampleSummary[] }) {
  const { t } = useTexts(examplesTexts);
  const phone = useIsPhone();
  const title = (e: ExampleSummary) => <AnchorLink to="/dien-hinh/$id" params={{ id: e.id }}>{e.title}</AnchorLink>;
  const published = (e: ExampleSummary) => (e.publishedAt ? t('list.publishedYes') : t('list.publishedNo'));
  if (items.length === 0) return <Text>{t('list.empty')}</Text>;
  if (phone) {
    return (
      <StackedList label={t('list.title')} testId="example-list" items={items.map((e) => ({
        key: e.id, title: title(e),
        lines: [
          { label: t('list.kind'), value: t(`kinds.${e.kind}`) }, { label: t('list.subject'), value: e.subjectName },
          { label: t('list.unitColumn'), value: e.unit.name }, { label: t('list.stage'), value: t(`stages.${e.stage}`) },
          { label: t('list.published'), value: published(e) },
        ],
      }))} />
    );
  }
  return (
    <ScrollTable minWidth={900} label={t('list.title')}>
      <Table striped data-testid="example-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('list.titleColumn')}</Table.Th><Table.Th>{t('list.subject')}</Table.Th><Table.Th>{t('list.unitColumn')}</Table.Th>
            <Table.Th>{t('list.kind')}</Table.Th><Table.Th>{t('list.stage')}</Table.Th><Table.Th>{t('list.published')}</Table.Th>
            <Table.Th>{t('list.created')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{title(e)}</Table.Td><Table.Td>{e.subjectName}</Table.Td><Table.Td>{e.unit.name}</Table.Td>
              <Table.Td><KindBadge kind={e.kind} /></Table.Td><Table.Td><StageBadge stage={e.stage} /></Table.Td>
              <Table.Td>{published(e)}</Table.Td><Table.Td>{formatDate(todayIso(new Date(e.createdAt)))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function CreateExampleButton() {
  const { t } = useTexts(examplesTexts);
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const create = useCreateExample();
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="example-create">{t('create.button')}</Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('create.title')} size="lg">
        <ExampleForm withUnit
          onSubmit={(input) => create.mutate({ ...input, organisationId: input.organisationId! }, {
            onSuccess: ({ id }) => { setOpened(false); void navigate({ to: '/dien-hinh/$id', params: { id } }); },
          })}
          footer={(ready) => <FormFooter error={create.error} busy={create.isPending} disabled={!ready} onCancel={() => setOpened(false)} submitLabel={t('create.submit')} />} />
      </AppModal>
    </>
  );
}
