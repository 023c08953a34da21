import { Fragment, useMemo, useState } from 'react';
import { Alert, Anchor, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { getRouteApi } from '@tanstack/react-router';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useAuth } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { reviewYear } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { Pager } from '../../app/Pager.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { RECORD_READERS } from '../records/types.ts';
import { exportUrl, useCatalogue, useEligibilityList } from './api.ts';
import { StatusBadge } from './StatusBadge.tsx';
import { PAGE_SIZE, STATUSES, type EligibilityList, type EligibilitySearch, type Recipient } from './types.ts';
import { yearOptions } from './years.ts';
import { recordsTexts } from '../records/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

const route = getRouteApi('/_app/ai-du-dieu-kien');

/** The award picker's options: every form the catalogue has rules for, grouped cá nhân / tập thể. */
function useAwardOptions() {
  const { t } = useTexts(recordsTexts);
  const catalogue = useCatalogue();
  return useMemo(() => {
    const groups: Record<Recipient, Map<string, string>> = { individual: new Map(), collective: new Map() };
    for (const r of catalogue.data?.rules ?? []) groups[r.recipient].set(r.awardForm, r.awardFormName);
    return (['individual', 'collective'] as const).map((recipient) => ({
      group: t(`whoQualifies.${recipient}`),
      items: [...groups[recipient]].map(([code, name]) => ({ value: `${recipient}:${code}`, label: name })),
    }));
  }, [catalogue.data, t]);
}

export function WhoQualifiesPage() {
  return (
    <RequireRole roles={RECORD_READERS}>
      <WhoQualifies />
    </RequireRole>
  );
}

function WhoQualifies() {
  const { t } = useTexts(recordsTexts);
  const { t: common } = useTexts(appTexts);
  usePageTitle(t('whoQualifies.title'));
  const { me } = useAuth();
  const raw = route.useSearch();
  const navigate = route.useNavigate();
  // the unit defaults to where the user's first role is
  const search: EligibilitySearch = { ...raw, org: raw.org ?? me.grants[0]?.organisationId };
  const year = search.year ?? reviewYear();
  const query = useEligibilityList(search, year);
  const awards = useAwardOptions();
  const [q, setQ] = useState(search.q ?? '');

  const change = (changes: EligibilitySearch) =>
    void navigate({ search: (prev) => ({ ...prev, ...changes, page: undefined }), replace: true });
  const changeQ = useDebouncedCallback((value: string) => change({ q: value.trim() || undefined }), 300);
  const recipient = search.recipient ?? 'individual';
  const byCriterion = Boolean(search.movement && search.criterion);
  const chosen = Boolean(search.award) || byCriterion;

  return (
    <Stack>
      <Title order={1}>{t('whoQualifies.title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <OrgSelect label={t('whoQualifies.organisation')} value={search.org ?? null} onChange={(org) => change({ org: org ?? undefined })}
          data-testid="eligibility-organisation" />
        {byCriterion ? (
          <Stack gap={4} data-testid="eligibility-criterion">
            <Text fw={500} size="sm">{t('whoQualifies.criterion')}</Text>
            <Text size="sm">{query.data?.rule.awardFormName ?? '…'}</Text>
            <Anchor component="button" type="button" size="sm" ta="left" onClick={() => change({ movement: undefined, criterion: undefined })}>
              {t('whoQualifies.criterionClear')}
            </Anchor>
          </Stack>
        ) : (
        <AppSelect
          label={t('whoQualifies.award')}
          data={awards}
          searchable
          value={search.award ? `${recipient}:${search.award}` : null}
          onChange={(v) => {
            const [r, code] = (v ?? '').split(':') as [Recipient, string];
            change({ award: code || undefined, recipient: code ? r : undefined, leader: r === 'collective' ? undefined : search.leader });
          }}
          nothingFoundMessage={common('common.nothingFound')}
          data-testid="eligibility-award"
        />
        )}
        <AppSelect label={t('whoQualifies.year')} data={yearOptions()} value={String(year)} allowDeselect={false}
          onChange={(v) => v && change({ year: Number(v) === reviewYear() ? undefined : Number(v) })} />
      </SimpleGrid>
      {byCriterion && query.data && (
        <Paper withBorder p="sm" bg="gray.0">
          <Text size="sm">{query.data.rule.note}</Text>
        </Paper>
      )}
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <AppSelect label={t('whoQualifies.status')} clearable placeholder={common('common.all')} value={search.status ?? null}
          data={STATUSES.map((s) => ({ value: s, label: t(`eligibility.status.${s}`) }))}
          onChange={(v) => change({ status: (v ?? undefined) as EligibilitySearch['status'] })} />
        {recipient === 'individual' && (
          <AppSelect label={t('whoQualifies.leader')} clearable placeholder={common('common.all')}
            value={search.leader === undefined ? null : String(search.leader)}
            data={[{ value: 'true', label: t('whoQualifies.leaders') }, { value: 'false', label: t('whoQualifies.nonLeaders') }]}
            onChange={(v) => change({ leader: v === null ? undefined : v === 'true' })} />
        )}
        <TextInput label={t('whoQualifies.q')} type="search" value={q}
          onChange={(e) => { setQ(e.currentTarget.value); changeQ(e.currentTarget.value); }} />
      </SimpleGrid>
      {!(search.org && chosen) && <Text>{t('whoQualifies.chooseFirst')}</Text>}
      <ErrorAlert error={query.error} />
      {query.isFetching && !query.data && <Loading />}
      {query.data && chosen && (
        <Results data={query.data} search={search} year={year} onPage={(page) => void navigate({ search: (prev) => ({ ...prev, page }) })} />
      )}
    </Stack>
  );
}

function Results({ data, search, year, onPage }: { data: EligibilityList; search: EligibilitySearch; year: number; onPage: (p: number) => void }) {
  const { t } = useTexts(recordsTexts);
  return (
    <Stack>
      <Group justify="space-between" wrap="wrap" align="flex-start">
        <div>
          <Text fw={600}>{data.rule.awardFormName} – {data.organisation.name}</Text>
          <Text size="sm" c="dimmed">
            {t('whoQualifies.rule', { citation: data.rule.citation, basis: data.rule.legalBasisName })}
            {data.rule.needsConfirmation && ` ${t('eligibility.needsConfirmation')}`}
          </Text>
        </div>
        <Button component="a" href={exportUrl(search, year)} download variant="light" data-testid="eligibility-download">
          {t('whoQualifies.download')}
        </Button>
      </Group>
      <Group gap="lg" aria-label={t('whoQualifies.counts')} role="group" data-testid="eligibility-counts">
        {STATUSES.map((s) => (
          <Group gap={6} key={s}>
            <StatusBadge status={s} />
            <Text fw={700} data-testid={`count-${s}`}>{data.counts[s]}</Text>
          </Group>
        ))}
      </Group>
      {data.cap && (
        <Alert color={data.cap.over ? 'orange' : 'blue'} variant="light" role={data.cap.over ? 'alert' : undefined} data-testid="eligibility-cap">
          {t(data.cap.over ? 'whoQualifies.capOver' : 'whoQualifies.capWithin', {
            percent: data.cap.percent, base: data.cap.base, ofName: data.cap.ofName, allowed: data.cap.allowed, met: data.counts.met,
          })}
        </Alert>
      )}
      <ResultTable data={data} recipient={search.recipient ?? 'individual'} />
      <Pager page={search.page ?? 1} total={data.total} pageSize={PAGE_SIZE} onChange={onPage} />
    </Stack>
  );
}

function NameLink({ item, recipient }: { item: EligibilityList['items'][number]; recipient: Recipient }) {
  return recipient === 'individual'
    ? <AnchorLink to="/ca-nhan/$id" params={{ id: item.id }}>{item.name}</AnchorLink>
    : <AnchorLink to="/to-chuc/$id" params={{ id: item.id }} search={{ tab: 'eligibility' }}>{item.name}</AnchorLink>;
}

function Reasons({ reasons }: { reasons: string[] }) {
  const { t } = useTexts(recordsTexts);
  if (reasons.length === 0) return <Text size="sm">{t('whoQualifies.noReasons')}</Text>;
  return (
    <List size="sm" spacing={2}>
      {reasons.map((r) => <List.Item key={r}>{r}</List.Item>)}
    </List>
  );
}

function ResultTable({ data, recipient }: { data: EligibilityList; recipient: Recipient }) {
  const { t } = useTexts(recordsTexts);
  const phone = useIsPhone();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => setOpen((prev) => {
    const next = new Set(prev);
    if (next.has(id)) next.delete(id); else next.add(id);
    return next;
  });
  if (phone) {
    return (
      <StackedList
        label={t('whoQualifies.caption')}
        empty={t('whoQualifies.empty')}
        testId="eligibility-list"
        items={data.items.map((item) => ({
          key: item.id,
          title: <NameLink item={item} recipient={recipient} />,
          lines: [
            { label: t('whoQualifies.result'), value: <StatusBadge status={item.status} /> },
            { label: t('whoQualifies.unit'), value: item.organisation?.name },
            { label: t('whoQualifies.position'), value: item.position },
            { label: t('whoQualifies.reasons'), value: item.reasons.length > 0 ? <Reasons reasons={item.reasons} /> : null },
          ],
        }))}
      />
    );
  }
  return (
    <ScrollTable minWidth={760} label={t('whoQualifies.caption')}>
      <Table aria-label={t('whoQualifies.caption')} data-testid="eligibility-list" verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('whoQualifies.name')}</Table.Th>
            {recipient === 'individual' && <Table.Th scope="col">{t('whoQualifies.unit')}</Table.Th>}
            {recipient === 'individual' && <Table.Th scope="col">{t('whoQualifies.position')}</Table.Th>}
            <Table.Th scope="col">{t('whoQualifies.result')}</Table.Th>
            <Table.Th scope="col">{t('whoQualifies.reasons')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.items.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={5}>{t('whoQualifies.empty')}</Table.Td>
            </Table.Tr>
          )}
          {data.items.map((item) => {
            const expanded = open.has(item.id);
            const cols = recipient === 'individual' ? 5 : 3;
            return (
              <Fragment key={item.id}>
                <Table.Tr data-testid="eligibility-row" data-status={item.status}>
                  <Table.Td><NameLink item={item} recipient={recipient} /></Table.Td>
                  {recipient === 'individual' && <Table.Td>{item.organisation?.name}</Table.Td>}
                  {recipient === 'individual' && <Table.Td>{item.position}</Table.Td>}
                  <Table.Td><StatusBadge status={item.status} /></Table.Td>
                  <Table.Td>
                    {item.reasons.length > 0 ? (
                      <Button size="compact-sm" variant="subtle" aria-expanded={expanded} aria-controls={`reasons-${item.id}`}
                        aria-label={`${expanded ? t('whoQualifies.hideReasons') : t('whoQualifies.showReasons', { count: item.reasons.length })}: ${item.name}`}
                        onClick={() => toggle(item.id)}>
                        {expanded ? t('whoQualifies.hideReasons') : t('whoQualifies.showReasons', { count: item.reasons.length })}
                      </Button>
                    ) : '—'}
                  </Table.Td>
                </Table.Tr>
                {expanded && (
                  <Table.Tr id={`reasons-${item.id}`}>
                    <Table.Td colSpan={cols} bg="gray.0">
                      <Reasons reasons={item.reasons} />
                    </Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}
