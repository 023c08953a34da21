import { useState } from 'react';
import { Alert, Badge, Button, Group, NumberInput, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import type { Role } from '../../app/auth.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useAwardForms } from '../movements/api.ts';
import { archiveExportUrl, useArchive } from './api.ts';
import { archiveTexts } from './text.ts';
import type { ArchiveItem, ArchiveSearch } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { HistoryImportLink } from './history/HistoryImportLink.tsx';
import { PageHelp } from '../../app/PageHelp.tsx';

const route = getRouteApi('/_app/tra-cuu-khen-thuong');

/** record.read in the server's policy */
const READERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'];

export function ArchivePage() {
  return (
    <RequireRole roles={READERS}>
      <Archive />
    </RequireRole>
  );
}

function Archive() {
  const { t, lang } = useTexts(archiveTexts);
  usePageTitle(t('title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // the cursors of the pages walked so far: [null] is the first page
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const query = useArchive(search, cursor);

  const change = (changes: ArchiveSearch) => {
    setCursors([null]);
    void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });
  };

  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed" size="sm">{t('intro')}</Text>
          <PageHelp>{t('help')}</PageHelp>
        </Stack>
        <Group gap="xs">
          <HistoryImportLink />
          <Button component="a" href={archiveExportUrl(search)} variant="light" title={t('exportHelp')} data-testid="archive-export">
            {t('export')}
          </Button>
        </Group>
      </Group>
      <ArchiveFilters search={search} onChange={change} />
      {(search.person || search.collective) && (
        <Alert variant="light" color="blue">
          <Group justify="space-between">
            <Text size="sm">{search.person ? t('person') : t('collective')}</Text>
            <Button size="xs" variant="subtle" onClick={() => change({ person: undefined, collective: undefined })}>{t('clearSubject')}</Button>
          </Group>
        </Alert>
      )}
      <ErrorAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && query.data.items.length > 0 && (
        <Text size="sm" role="status" data-testid="archive-count">
          {t(query.data.totalCapped ? 'foundMore' : 'found', { count: query.data.total.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') })}
        </Text>
      )}
      {query.data && <ArchiveTable items={query.data.items} />}
      {query.data && (cursors.length > 1 || query.data.nextCursor) && (
        <Group justify="center">
          <Button variant="default" disabled={cursors.length <= 1} onClick={() => setCursors((c) => c.slice(0, -1))}>{t('previous')}</Button>
          <Text size="sm" aria-live="polite">{t('page', { page: cursors.length })}</Text>
          <Button variant="default" disabled={!query.data.nextCursor}
            onClick={() => setCursors((c) => [...c, query.data.nextCursor])}>{t('next')}</Button>
        </Group>
      )}
    </Stack>
  );
}

function ArchiveFilters({ search, onChange }: { search: ArchiveSearch; onChange: (changes: ArchiveSearch) => void }) {
  const { t } = useTexts(archiveTexts);
  const forms = useAwardForms();
  const [text, setText] = useState(search.q ?? '');
  const [decision, setDecision] = useState(search.decision ?? '');
  // ask the server once the user pauses typing, not on every key
  const pushText = useDebouncedCallback((changes: ArchiveSearch) => onChange(changes), 300);
  const year = (v: string | number) => (typeof v === 'number' && Number.isInteger(v) && v >= 1945 && v <= 2100 ? v : undefined);

  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      <TextInput
        type="search" label={t('name')} placeholder={t('namePlaceholder')} value={text} data-testid="archive-search"
        onChange={(e) => {
          setText(e.currentTarget.value);
          pushText({ q: e.currentTarget.value.trim() || undefined });
        }}
      />
      <OrgSelect label={t('unit')} description={t('unitHelp')} value={search.unit ?? null} clearable placeholder={t('all')}
        onChange={(unit) => onChange({ unit: unit ?? undefined })} />
      <AppSelect
        label={t('awardForm')} value={search.form ?? null} clearable searchable placeholder={t('all')}
        data={(forms.data ?? []).map((f) => ({ value: f.code, label: f.name }))}
        onChange={(form) => onChange({ form: form ?? undefined })}
      />
      <TextInput
        label={t('decisionNumber')} placeholder={t('decisionPlaceholder')} value={decision}
        onChange={(e) => {
          setDecision(e.currentTarget.value);
          pushText({ decision: e.currentTarget.value.trim() || undefined });
        }}
      />
      <NumberInput label={t('yearFrom')} min={1945} max={2100} value={search.from ?? ''} allowDecimal={false}
        onChange={(v) => onChange({ from: year(v) })} />
      <NumberInput label={t('yearTo')} min={1945} max={2100} value={search.to ?? ''} allowDecimal={false}
        onChange={(v) => onChange({ to: year(v) })} />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="archive-revoked">{t('revoked')}</Text>
        <SegmentedControl
          aria-labelledby="archive-revoked"
          fullWidth
          value={search.revoked ?? 'include'}
          onChange={(v) => onChange({ revoked: v === 'exclude' || v === 'only' ? v : undefined })}
          data={[
            { value: 'include', label: t('revokedInclude') },
            { value: 'exclude', label: t('revokedExclude') },
            { value: 'only', label: t('revokedOnly') },
          ]}
        />
      </Stack>
    </SimpleGrid>
  );
}

function RecipientLink({ item }: { item: ArchiveItem }) {
  const { recipient } = item;
  if (recipient.id === null) return <Text size="sm" fs="italic">{recipient.name}</Text>;
  return recipient.kind === 'person'
    ? <AnchorLink to="/ca-nhan/$id" params={{ id: recipient.id }}>{recipient.name}</AnchorLink>
    : <AnchorLink to="/to-chuc/$id" params={{ id: recipient.id }}>{recipient.name}</AnchorLink>;
}

/** Rows come in the server's order: newest decision first, then Vietnamese name order. */
function ArchiveTable({ items }: { items: ArchiveItem[] }) {
  const { t } = useTexts(archiveTexts);
  if (items.length === 0) return <Text c="dimmed">{t('empty')}</Text>;
  return (
    <ScrollTable minWidth={980} label={t('title')}>
      <Table striped highlightOnHover aria-label={t('title')} data-testid="archive-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('recipient')}</Table.Th>
            <Table.Th>{t('unitColumn')}</Table.Th>
            <Table.Th>{t('awardForm')}</Table.Th>
            <Table.Th>{t('year')}</Table.Th>
            <Table.Th>{t('decision')}</Table.Th>
            <Table.Th>{t('decidedBy')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <RecipientLink item={item} />
                  {item.recipient.kind === 'collective' && <Badge size="xs" variant="light">{t('collectiveBadge')}</Badge>}
                </Group>
              </Table.Td>
              <Table.Td>
                {item.recipient.unit
                  ? <AnchorLink to="/to-chuc/$id" params={{ id: item.recipient.unit.id }}>{item.recipient.unit.name}</AnchorLink>
                  : '—'}
              </Table.Td>
              <Table.Td>
                <Text size="sm" td={item.revoked ? 'line-through' : undefined}>{item.awardForm.name}</Text>
                <Text size="xs" c="dimmed">{t(`basis.${item.basis}`)}</Text>
                {item.revoked && (
                  <Badge size="xs" color="red" variant="light">
                    {t('revokedBadge', { date: formatDate(item.revoked.on) })}{item.revoked.number ? ` (${item.revoked.number})` : ''}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{item.year}</Table.Td>
              <Table.Td>
                <Text size="sm">{item.decision.number}</Text>
                <Text size="xs" c="dimmed">{formatDate(item.decision.date)}</Text>
              </Table.Td>
              <Table.Td>{item.decision.by}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
