import { Group, Paper, SimpleGrid, Text } from '@mantine/core';
import { LightTable } from '../../app/LightTable.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { formatMoney } from '../eligibility/types.ts';
import type { Dashboard, Punctuality } from './api.ts';
import { Block } from './Block.tsx';
import { dashboardTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

function Counts({ p }: { p: Punctuality }) {
  const { t } = useTexts(dashboardTexts);
  const parts = (['onTime', 'late', 'missing', 'pending'] as const).filter((k) => p[k] > 0).map((k) => t(`punctuality.${k}`, { count: p[k] }));
  if (parts.length === 0) return <Text size="sm">—</Text>;
  return <Text size="sm" c={p.missing > 0 ? 'red.9' : undefined} fw={p.missing > 0 ? 600 : undefined}>{parts.join(' · ')}</Text>;
}

/** For each unit directly under mine: on time, late, missing, not yet due — response plans and registrations. */
export function PunctualityBlock({ data }: { data: Dashboard }) {
  const { t } = useTexts(dashboardTexts);
  const phone = useIsPhone();
  const rows = data.punctuality;
  return (
    <Block id="dashboard-punctuality" title={t('punctuality.heading', { year: data.year })} intro={t('punctuality.intro')}
      link={{ to: '/phong-trao', search: { year: data.year }, label: t('punctuality.link', { year: data.year }) }}>
      {rows.length === 0 ? <Text>{t('punctuality.none')}</Text> : phone ? (
        <StackedList label={t('punctuality.heading', { year: data.year })} items={rows.map((r) => ({
          key: r.unit.id, title: r.unit.name,
          lines: [{ label: t('punctuality.responsePlans'), value: <Counts p={r.responsePlans} /> }, { label: t('punctuality.registrations'), value: <Counts p={r.registrations} /> }],
        }))} />
      ) : (
        <ScrollTable minWidth={720} label={t('punctuality.heading', { year: data.year })}>
          <LightTable data-testid="dashboard-punctuality-table">
            <thead>
              <tr><th>{t('punctuality.unit')}</th><th>{t('punctuality.responsePlans')}</th><th>{t('punctuality.registrations')}</th></tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.unit.id}>
                  <td>{r.unit.name}</td><td><Counts p={r.responsePlans} /></td><td><Counts p={r.registrations} /></td>
                </tr>
              ))}
            </tbody>
          </LightTable>
        </ScrollTable>
      )}
    </Block>
  );
}

/** This year's awards in my subtree at a glance: totals, titles against awards, money, and by form. */
export function AwardsBlock({ data }: { data: Dashboard }) {
  const { t } = useTexts(dashboardTexts);
  const a = data.awards;
  const figure = (label: string, value: string, testId: string) => (
    <Paper withBorder p="sm" key={label}>
      <Text size="xs" c="dimmed">{label}</Text>
      <Text fw={700} fz="xl" data-testid={testId}>{value}</Text>
    </Paper>
  );
  return (
    <Block id="dashboard-awards" title={t('awards.heading', { year: data.year })} intro={t('awards.intro')}
      link={{ to: '/tra-cuu-khen-thuong', label: t('awards.link') }}>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {figure(t('awards.total'), String(a.total), 'awards-total')}
        {figure(t('awards.titles'), String(a.titles), 'awards-titles')}
        {figure(t('awards.awards'), String(a.awards), 'awards-awards')}
        {figure(t('awards.amount'), formatMoney(a.amount), 'awards-amount')}
      </SimpleGrid>
      {a.byForm.length === 0 ? <Text>{t('awards.none')}</Text> : (
        <LightTable maw={640} data-testid="dashboard-awards-table">
          <thead><tr><th>{t('awards.form')}</th><th style={{ textAlign: 'right' }}>{t('awards.count')}</th></tr></thead>
          <tbody>
            {a.byForm.map((f) => (
              <tr key={f.code}>
                <td><Group gap={6} wrap="nowrap"><Text size="sm">{f.name}</Text></Group></td>
                <td style={{ textAlign: 'right' }}>{f.count}</td>
              </tr>
            ))}
          </tbody>
        </LightTable>
      )}
    </Block>
  );
}
