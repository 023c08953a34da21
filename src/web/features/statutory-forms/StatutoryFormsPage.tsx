import { Alert, Button, Group, SimpleGrid, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useAuth, type Role } from '../../app/auth.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { currentYear, formatDate, todayIso } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { yearOptions } from '../eligibility/years.ts';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useOrgTree } from '../organisations/api.ts';
import { formUrl, useStatutoryForms, type StatutoryFormList } from './api.ts';
import { statutoryFormsTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/bieu-mau-thong-ke');

/** statistics.read in the server's policy */
const READERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'];

export function StatutoryFormsPage() {
  return (
    <RequireRole roles={READERS}>
      <StatutoryForms />
    </RequireRole>
  );
}

function StatutoryForms() {
  const { t } = useTexts(statutoryFormsTexts);
  usePageTitle(t('title'));
  const { me } = useAuth();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // the unit defaults to where the user's first role is, the year to this one
  const org = search.org ?? me.grants.find((g) => READERS.includes(g.role))?.organisationId ?? null;
  const year = search.year ?? currentYear();
  const list = useStatutoryForms(year);
  const change = (changes: { org?: string | undefined; year?: number | undefined }) =>
    void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });

  return (
    <Stack>
      <Stack gap={4}>
        <Title order={1}>{t('title')}</Title>
        <Text c="dimmed" size="sm">{t('intro')}</Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <OrgSelect label={t('unit')} description={t('unitHelp')} value={org} onChange={(id) => change({ org: id ?? undefined })}
          data-testid="forms-unit" />
        <AppSelect label={t('year')} data={yearOptions()} value={String(year)} allowDeselect={false}
          onChange={(v) => v && change({ year: Number(v) === currentYear() ? undefined : Number(v) })} data-testid="forms-year" />
      </SimpleGrid>
      <ErrorAlert error={list.error} />
      {list.isPending && <Loading />}
      {list.data && <FormsTable list={list.data} org={org} />}
      <Alert variant="light" color="gray">
        <Stack gap={4}>
          <Text size="sm">{t('blankNote')}</Text>
          <Text size="sm" c="dimmed">{t('sourceNote')}</Text>
        </Stack>
      </Alert>
    </Stack>
  );
}

function FormsTable({ list, org }: { list: StatutoryFormList; org: string | null }) {
  const { t } = useTexts(statutoryFormsTexts);
  const phone = useIsPhone();
  const tree = useOrgTree(todayIso());
  const unitName = tree.data?.find((o) => o.id === org)?.name ?? '';
  const download = (form: StatutoryFormList['forms'][number]) => org && (
    <Button component="a" href={formUrl(form.code, org, list.year)} size="xs" variant="light" download
      aria-label={t('downloadLabel', { number: form.number, unit: unitName, year: list.year })}
      data-testid={`forms-download-${form.code}`}>
      {t('download')}
    </Button>
  );
  return (
    <Stack gap="xs">
      <Group gap="lg">
        <Text size="sm" fw={500}>{t('period', { year: list.year, from: formatDate(list.period.from), to: formatDate(list.period.to) })}</Text>
        <Text size="sm" fw={500} c="red.8">{t('due', { date: formatDate(list.dueOn) })}</Text>
      </Group>
      {!org && <Text>{t('chooseUnit')}</Text>}
      {phone ? (
        <StackedList label={t('title')} testId="forms-table" items={list.forms.map((form) => ({
          key: form.code, title: form.number, lines: [{ label: t('name'), value: form.title }], actions: download(form),
        }))} />
      ) : (
        <ScrollTable minWidth={640} label={t('title')}>
          <Table striped aria-label={t('title')} data-testid="forms-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('number')}</Table.Th>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th><VisuallyHidden>{t('download')}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.forms.map((form) => (
                <Table.Tr key={form.code}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{form.number}</Table.Td>
                  <Table.Td>{form.title}</Table.Td>
                  <Table.Td>{download(form)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Stack>
  );
}
