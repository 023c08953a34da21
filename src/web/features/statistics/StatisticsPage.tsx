import type { ReactNode } from 'react';
import { Alert, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate, reviewYear } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import { RequireRole } from '../../app/RequireRole.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useAuth, type Role } from '../../app/auth.tsx';
import { formatMoney } from '../eligibility/types.ts';
import { useAwardForms } from '../movements/api.ts';
import { statisticsExportUrl, useStatistics } from './api.ts';
import { BarChart, LineChart, type ChartItem } from './charts.tsx';
import { StatisticsFilters } from './StatisticsFilters.tsx';
import { count, FigureTable, PunctualityTable, ReturnsTable, SharesTable } from './StatisticsTables.tsx';
import { statisticsTexts, type StatisticsT } from './text.ts';
import type { StatisticsReport, StatisticsSearch } from './types.ts';
import classes from './statistics.module.css';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/thong-ke');

/** statistics.read in the server's policy */
const READERS: Role[] = ['system_admin', 'standing_officer', 'unit_officer', 'unit_head', 'council_member'];

export function StatisticsPage() {
  return (
    <RequireRole roles={READERS}>
      <Statistics />
    </RequireRole>
  );
}

function Statistics() {
  const { t } = useTexts(statisticsTexts);
  usePageTitle(t('title'));
  const { me } = useAuth();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  // until the user picks, my own unit and the year under review
  const unit = search.unit ?? me.grants.find((g) => READERS.includes(g.role))?.organisationId ?? null;
  const from = search.from ?? reviewYear();
  const upsideDown = search.to !== undefined && search.to < from;
  const effective = { ...search, unit: unit ?? undefined, from, to: upsideDown ? undefined : search.to };
  const query = useStatistics(upsideDown ? { ...effective, unit: undefined } : effective);
  const change = (changes: StatisticsSearch) => void navigate({ search: (prev) => ({ ...prev, ...changes }), replace: true });
  const report = query.data;

  return (
    <Stack className={classes.page}>
      <Group justify="space-between" wrap="wrap" align="flex-end">
        <Stack gap={4}>
          <Title order={1}>{t('title')}</Title>
          <Text c="dimmed" size="sm" className={classes.noPrint}>{t('intro')}</Text>
        </Stack>
        {unit && (
          <Group gap="xs" className={classes.noPrint}>
            <Button component="a" href={statisticsExportUrl({ ...effective, unit })} variant="light" title={t('exportHelp')} data-testid="statistics-export">
              {t('export')}
            </Button>
            <Button variant="default" onClick={() => window.print()}>{t('print')}</Button>
          </Group>
        )}
      </Group>
      <Paper withBorder p="md" className={classes.noPrint}>
        <StatisticsFilters search={search} unit={unit} from={from} onChange={change} />
      </Paper>
      {upsideDown && <Alert color="red" variant="light">{t('badPeriod')}</Alert>}
      <ErrorAlert error={query.error} />
      {query.isPending && unit && <Loading />}
      {report && <Report report={report} chartByUnit={search.chart === 'unit'} onChart={(byUnit) => change({ chart: byUnit ? 'unit' : undefined })} />}
    </Stack>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <Stack gap="xs" className={classes.section} component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id}>{title}</Title>
      {children}
    </Stack>
  );
}

const periodOf = (t: StatisticsT, r: StatisticsReport) => (r.period.fromYear === r.period.toYear
  ? t('period', { from: r.period.fromYear }) : t('periodRange', { from: r.period.fromYear, to: r.period.toYear }));

/** The filters as a sentence: what the printed page and the charts' summaries say they count. */
function filtersOf(t: StatisticsT, r: StatisticsReport, names: ReadonlyMap<string, string>): string[] {
  const f = r.filter;
  return [
    f.awardForms?.length ? f.awardForms.map((c) => names.get(c) ?? c).join(', ') : null,
    f.level ? t(`levels.${f.level}`) : null,
    f.category ? t(`categories.${f.category}`) : null,
    f.recipient ? t(`recipients.${f.recipient}`) : null,
    f.group ? t(`groups.${f.group}`) : null,
  ].filter((x): x is string => Boolean(x));
}

function Report({ report: r, chartByUnit, onChart }: { report: StatisticsReport; chartByUnit: boolean; onChart: (byUnit: boolean) => void }) {
  const { t } = useTexts(statisticsTexts);
  const rest = (name: string) => t('rest', { unit: name });
  const units = r.byUnit.map((u) => ({ key: u.organisation.id + (u.rest ? '-rest' : ''), label: u.rest ? rest(u.organisation.name) : u.organisation.name, figures: u }));
  const forms = r.byForm.map((f) => ({ key: f.code, label: f.name, figures: f }));
  const bars: ChartItem[] = (chartByUnit ? units : forms).map((row) => ({ key: row.key, label: String(row.label), value: row.figures.total }));
  const years: ChartItem[] = r.byYear.map((y) => ({ key: String(y.year), label: String(y.year), value: y.total }));
  const summary = (title: string, items: ChartItem[]) => t('chartSummary', { title, values: items.map((i) => `${i.label} ${count(i.value)}`).join('; ') });
  const barTitle = chartByUnit ? t('barTitleUnit') : t('barTitleForm');
  const catalogue = useAwardForms();
  const filters = filtersOf(t, r, new Map((catalogue.data ?? []).map((f) => [f.code, f.name])));

  return (
    <Stack gap="lg" data-testid="statistics-report">
      <Stack gap={2}>
        <Text fw={700} size="lg" data-testid="statistics-heading">{r.organisation.name} — {periodOf(t, r)}</Text>
        {filters.length > 0 && <Text size="sm" data-testid="statistics-filter-line">{filters.join(' · ')}</Text>}
        {r.mergedIn.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('mergedIn', { unit: r.organisation.name, list: r.mergedIn.map((u) => (u.validTo ? `${u.name} (${t('ended', { date: formatDate(u.validTo) })})` : u.name)).join('; ') })}
          </Text>
        )}
      </Stack>

      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <Stat label={t('total')} value={count(r.totals.total)} testId="statistics-total" />
        <Stat label={t('individuals')} value={count(r.totals.individuals)} />
        <Stat label={t('collectives')} value={count(r.totals.collectives)} />
        <Stat label={t('money')} value={formatMoney(r.totals.money)} note={r.totals.unpriced ? t('unpriced', { count: r.totals.unpriced }) : undefined} />
      </SimpleGrid>

      <Section title={t('shares')} id="statistics-shares-title"><SharesTable report={r} /></Section>

      <Stack gap="xs" className={classes.section}>
        <Group className={classes.noPrint}>
          <Text size="sm" id="statistics-chart-by">{t('chartBy')}</Text>
          <SegmentedControl aria-labelledby="statistics-chart-by" data-testid="statistics-chart-by" value={chartByUnit ? 'unit' : 'form'} onChange={(v) => onChart(v === 'unit')}
            data={[{ value: 'form', label: t('chartByForm') }, { value: 'unit', label: t('chartByUnit') }]} />
        </Group>
        <BarChart title={barTitle} valueLabel={t('axisCount')} items={bars} summary={summary(barTitle, bars)} empty={t('chartEmpty')}
          format={count} data-testid="statistics-bar-chart" />
      </Stack>
      <LineChart title={t('lineTitle')} valueLabel={t('axisCount')} xLabel={t('axisYear')} items={years} summary={summary(t('lineTitle'), years)}
        empty={t('chartEmpty')} format={count} data-testid="statistics-line-chart" />

      <Section title={t('byForm')} id="statistics-by-form-title">
        <FigureTable title={t('byForm')} head={t('form')} rows={forms} total={r.totals} testId="statistics-by-form" />
      </Section>
      <Section title={t('byLevel')} id="statistics-by-level-title">
        <FigureTable title={t('byLevel')} head={t('level')} total={r.totals} testId="statistics-by-level"
          rows={r.byLevel.map((l) => ({ key: l.level, label: t(`levels.${l.level}`), figures: l }))} />
      </Section>
      <Section title={t('byCategory')} id="statistics-by-category-title">
        <FigureTable title={t('byCategory')} head={t('category')} total={r.totals} testId="statistics-by-category"
          rows={r.byCategory.map((c) => ({ key: c.category, label: t(`categories.${c.category}`), figures: c }))} />
      </Section>
      <Section title={t('byYear')} id="statistics-by-year-title">
        <FigureTable title={t('byYear')} head={t('year')} total={r.totals} testId="statistics-by-year"
          rows={r.byYear.map((y) => ({ key: String(y.year), label: String(y.year), figures: y }))} />
      </Section>
      <Section title={t('byUnit')} id="statistics-by-unit-title">
        <FigureTable title={t('byUnit')} head={t('unit')} rows={units} testId="statistics-by-unit" />
        <Text size="xs" c="dimmed">{t('byUnitNote')}</Text>
      </Section>
      <Section title={t('returns')} id="statistics-returns-title"><ReturnsTable returns={r.returns} /></Section>
      <Section title={t('punctuality')} id="statistics-punctuality-title">
        <PunctualityTable punctuality={r.punctuality} unit={r.organisation.name} />
      </Section>
    </Stack>
  );
}

function Stat({ label, value, note, testId }: { label: string; value: string; note?: string | undefined; testId?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="dimmed">{label}</Text>
      <Text fw={700} size="xl" data-testid={testId}>{value}</Text>
      {note && <Text size="xs" c="dimmed">{note}</Text>}
    </Paper>
  );
}
