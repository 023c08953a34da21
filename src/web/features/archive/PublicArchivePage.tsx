import { useState, type FormEvent } from 'react';
import { Box, Button, Group, NumberInput, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { HealthFooter } from '../../app/HealthFooter.tsx';
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { Pager } from '../../app/Pager.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { appTexts } from '../../app/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { usePublicArchive } from './api.ts';
import { archiveTexts } from './text.ts';
import { PUBLIC_PAGE_SIZE, type PublicArchivePage as Page, type PublicArchiveSearch } from './types.ts';

const route = getRouteApi('/tra-cuu-cong-khai');

type Item = Page['items'][number];

/** The certificate's code as printed (XXXX-XXXX-XXXX), which the public check at /xac-minh/<code> reads. */
const printedCode = (code: string) => code.match(/.{1,4}/gu)!.join('-');

/**
 * The public archive (/tra-cuu-cong-khai): anyone, without signing in, finds who received which title or award by
 * which decision — what the published decision shows, and a link to check a printed certificate.
 */
export function PublicArchivePage() {
  const { t } = useTexts(archiveTexts);
  const app = useTexts(appTexts);
  usePageTitle(t('public.title'));
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const query = usePublicArchive(search);
  const go = (changes: PublicArchiveSearch) => void navigate({ search: (prev) => ({ ...prev, ...changes }) });

  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between">
          <Text fw={700} fz="lg" c="blue.9">{app.t('app.name')}</Text>
          <LanguageSwitch />
        </Group>
      </Box>
      <Box component="main" id="main-content" p="md" style={{ flex: 1 }}>
        <Stack maw={1100} mx="auto" gap="md">
          <Stack gap={4}>
            <Title order={1} size="h2">{t('public.title')}</Title>
            {query.data && <Text fw={500}>{query.data.tenant.name}</Text>}
            <Text size="sm">{t('public.intro')}</Text>
          </Stack>
          <SearchForm key={JSON.stringify(search)} search={search} forms={query.data?.forms ?? []}
            onSearch={(changes) => go({ ...changes, page: undefined })} />
          <ErrorAlert error={query.error} />
          {query.isPending && <Loading />}
          {query.data && <Results page={query.data} />}
          {query.data && (query.data.hasNext || (search.page ?? 1) > 1) && (
            <Pager page={search.page ?? 1} total={query.data.total} totalCapped={query.data.totalCapped} hasNext={query.data.hasNext}
              pageSize={PUBLIC_PAGE_SIZE} onChange={(page) => go({ page: page > 1 ? page : undefined })} />
          )}
        </Stack>
      </Box>
      <Box component="footer" px="md" py="xs">
        <Group justify="space-between">
          <HealthFooter />
          <Group gap="md">
            <AnchorLink to="/xac-minh" size="sm">{t('public.verify')}</AnchorLink>
            <AnchorLink to="/dang-nhap" size="sm">{t('public.signIn')}</AnchorLink>
          </Group>
        </Group>
      </Box>
    </Box>
  );
}

/** Searches when sent (a button), not at each key: the public search is rate-limited per address. */
function SearchForm({ search, forms, onSearch }: {
  search: PublicArchiveSearch; forms: { code: string; name: string }[]; onSearch: (changes: PublicArchiveSearch) => void;
}) {
  const { t } = useTexts(archiveTexts);
  const [name, setName] = useState(search.q ?? '');
  const [form, setForm] = useState<string | null>(search.form ?? null);
  const [year, setYear] = useState<string | number>(search.year ?? '');
  const [decision, setDecision] = useState(search.decision ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const y = typeof year === 'number' && Number.isInteger(year) && year >= 1945 && year <= 2100 ? year : undefined;
    onSearch({ q: name.trim() || undefined, form: form ?? undefined, year: y, decision: decision.trim() || undefined });
  };
  return (
    <form onSubmit={submit} role="search" aria-label={t('public.search')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <TextInput type="search" label={t('name')} placeholder={t('namePlaceholder')} value={name}
          onChange={(e) => setName(e.currentTarget.value)} data-testid="public-archive-name" />
        <AppSelect label={t('awardForm')} value={form} clearable searchable placeholder={t('all')}
          data={forms.map((f) => ({ value: f.code, label: f.name }))} onChange={setForm} />
        <NumberInput label={t('public.year')} min={1945} max={2100} allowDecimal={false} value={year} onChange={setYear} />
        <TextInput label={t('decisionNumber')} placeholder={t('decisionPlaceholder')} value={decision}
          onChange={(e) => setDecision(e.currentTarget.value)} />
      </SimpleGrid>
      <Button type="submit" mt="md" data-testid="public-archive-submit">{t('public.search')}</Button>
    </form>
  );
}

function VerifyLink({ item }: { item: Item }) {
  const { t } = useTexts(archiveTexts);
  if (!item.verificationCode) return null;
  const code = printedCode(item.verificationCode);
  return (
    <AnchorLink to="/xac-minh/$code" params={{ code }} size="sm" aria-label={t('public.verifyLabel', { name: item.recipientName })}>
      {code}
    </AnchorLink>
  );
}

function Results({ page }: { page: Page }) {
  const { t, lang } = useTexts(archiveTexts);
  const phone = useIsPhone();
  const count = t(page.totalCapped ? 'foundMore' : 'found', { count: page.total.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB') });
  if (page.items.length === 0) return <Text role="status">{t('empty')}</Text>;
  const decision = (i: Item) => `${i.decisionNumber}${i.decidedOn ? ` (${formatDate(i.decidedOn)})` : ''}`;
  return (
    <Stack gap="xs" data-testid="public-archive-results">
      <Text size="sm" role="status">{count}</Text>
      {phone ? (
        <StackedList label={t('public.results')} items={page.items.map((i, n) => ({
          key: `${n}-${i.decisionNumber}-${i.recipientName}`, title: i.recipientName,
          lines: [
            { label: t('unitColumn'), value: i.unitName },
            { label: t('awardForm'), value: i.awardFormName },
            { label: t('year'), value: String(i.year) },
            { label: t('decision'), value: decision(i) },
            { label: t('decidedBy'), value: i.decidedBy },
            { label: t('public.verify'), value: i.verificationCode ? <VerifyLink item={i} /> : null },
          ],
        }))} />
      ) : (
        <ScrollTable minWidth={900} label={t('public.results')}>
          <Table striped aria-label={t('public.results')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('recipient')}</Table.Th>
                <Table.Th>{t('unitColumn')}</Table.Th>
                <Table.Th>{t('awardForm')}</Table.Th>
                <Table.Th>{t('year')}</Table.Th>
                <Table.Th>{t('decision')}</Table.Th>
                <Table.Th>{t('decidedBy')}</Table.Th>
                <Table.Th>{t('public.verify')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.items.map((i, n) => (
                <Table.Tr key={`${n}-${i.decisionNumber}-${i.recipientName}`}>
                  <Table.Td>{i.recipientName}</Table.Td>
                  <Table.Td>{i.unitName}</Table.Td>
                  <Table.Td>{i.awardFormName}</Table.Td>
                  <Table.Td>{i.year}</Table.Td>
                  <Table.Td>{decision(i)}</Table.Td>
                  <Table.Td>{i.decidedBy}</Table.Td>
                  <Table.Td><VerifyLink item={i} /></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
