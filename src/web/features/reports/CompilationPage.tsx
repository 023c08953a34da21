import { Anchor, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { getRouteApi, useNavigate } from '@tanstack/react-router';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { formatDate, formatInstant } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { compilationPath, useCompilation, useStartFromCompilation } from './api.ts';
import { awardTotals, FiguresPanel } from './FiguresPanel.tsx';
import { UnitStateBadge } from './StateBadge.tsx';
import { money, reportsTexts } from './text.ts';
import type { CompilationView, Figures } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/bao-cao/tong-hop/$phaseId/$organisationId');

/** /bao-cao/tong-hop/$phaseId/$organisationId: who has reported to this level, the figures, the texts gathered. */
export function CompilationPage() {
  const { t } = useTexts(reportsTexts);
  const { phaseId, organisationId } = route.useParams();
  const query = useCompilation(phaseId, organisationId);
  usePageTitle(query.data ? t('compilationTitle', { unit: query.data.organisation.name }) : t('title'));
  if (query.isPending) return <Loading />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  const c = query.data;
  const sent = c.units.filter((u) => u.state === 'on_time' || u.state === 'late').length;
  return (
    <Stack>
      <Title order={1} data-testid="compilation-title">{t('compilationTitle', { unit: c.organisation.name })}</Title>
      <Facts items={[
        { label: t('movement'), value: c.movement.name },
        { label: t('phase'), value: c.phase.title },
        { label: t('dueOn'), value: c.phase.dueOn ? t('deadline', { date: formatDate(c.phase.dueOn) }) : '' },
      ]} />
      <Group>
        <Anchor href={`${compilationPath(c.phase.id, c.organisation.id)}/document.docx`} download data-testid="compilation-docx">
          {t('docxCompiled')}
        </Anchor>
        <OwnReport c={c} />
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="units-heading">
        <Title order={2} size="h3" id="units-heading" mb="xs">{t('unitsHeading')}</Title>
        <Text mb="sm">{t('unitsSummary', { sent, count: c.units.length })}</Text>
        <Units c={c} />
        <Title order={3} size="h4" mt="md" mb="xs">{t('missingHeading')}</Title>
        {c.missing.length === 0 ? <Text>{t('noneMissing')}</Text> : (
          <List data-testid="compilation-missing">{c.missing.map((m) => <List.Item key={m.id}>{m.name}</List.Item>)}</List>
        )}
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="compiled-figures">
        <Title order={2} size="h3" id="compiled-figures" mb="sm">{t('figuresHeading')}</Title>
        <FiguresPanel figures={c.total} names={c.awardFormNames} note="figuresCompiled" />
        <Title order={3} size="h4" mt="md" mb="xs">{t('byUnitHeading')}</Title>
        <ByUnit c={c} />
      </Paper>

      <Paper withBorder p="md" component="section" aria-labelledby="gathered-heading">
        <Title order={2} size="h3" id="gathered-heading" mb="sm">{t('gatheredHeading')}</Title>
        <Gathered c={c} />
      </Paper>
    </Stack>
  );
}

function Units({ c }: { c: CompilationView }) {
  const { t } = useTexts(reportsTexts);
  return (
    <ScrollTable minWidth={720} label={t('unitsHeading')}>
      <Table striped data-testid="compilation-units">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('unit')}</Table.Th>
            <Table.Th scope="col">{t('state')}</Table.Th>
            <Table.Th scope="col">{t('submittedAt')}</Table.Th>
            <Table.Th scope="col">{t('note')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.units.map((u) => (
            <Table.Tr key={u.organisation.id} data-unit={u.organisation.name}>
              <Table.Td>
                {u.state === 'missing' ? u.organisation.name : (
                  <AnchorLink to="/bao-cao/$phaseId/$organisationId" params={{ phaseId: c.phase.id, organisationId: u.organisation.id }}>
                    {u.organisation.name}
                  </AnchorLink>
                )}
              </Table.Td>
              <Table.Td><UnitStateBadge state={u.state} /></Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{u.submittedAt ? formatInstant(u.submittedAt) : ''}</Table.Td>
              <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{u.returnedReason ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function ByUnit({ c }: { c: CompilationView }) {
  const { t } = useTexts(reportsTexts);
  const row = (key: string, label: string, f: Figures, strong = false) => {
    const a = awardTotals(f);
    return (
      <Table.Tr key={key}>
        <Table.Th scope="row" fw={strong ? 700 : 400}>{label}</Table.Th>
        <Table.Td ta="right">{a.total}</Table.Td>
        <Table.Td ta="right">{a.collectives}</Table.Td>
        <Table.Td ta="right">{a.individuals}</Table.Td>
        <Table.Td ta="right">{money(a.amount)}</Table.Td>
      </Table.Tr>
    );
  };
  return (
    <ScrollTable minWidth={640} label={t('byUnitHeading')}>
      <Table striped withTableBorder data-testid="compilation-by-unit">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('unit')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('figures.total')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('figures.collectives')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('figures.individuals')}</Table.Th>
            <Table.Th scope="col" ta="right">{t('figures.amount')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {c.units.map((u) => row(u.organisation.id, u.organisation.name, u.figures))}
          {row('own', t('own', { unit: c.organisation.name }), c.own)}
          {row('total', t('totalRow'), c.total, true)}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** The units' texts, outline part by part, each under its unit's name: plain text, never HTML. */
function Gathered({ c }: { c: CompilationView }) {
  const { t } = useTexts(reportsTexts);
  const part = (key: string, title: string, order: 3 | 4) => (
    <Stack key={key} gap={4}>
      <Title order={order} size={order === 3 ? 'h4' : 'h5'}>{title}</Title>
      {(c.gathered[key] ?? []).length === 0 ? <Text size="sm" c="dimmed">{t('noTexts')}</Text> : (c.gathered[key] ?? []).map((g) => (
        <div key={g.organisation.id} data-testid={`gathered-${key}`}>
          <Text fw={600} size="sm">{g.organisation.name}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{g.text}</Text>
        </div>
      ))}
    </Stack>
  );
  return (
    <Stack>
      {c.phase.outline.map((s, i) => (
        <Stack key={i} gap="xs">
          {part(String(i), s.title, 3)}
          {s.points.map((p, j) => part(`${i}.${j}`, p, 4))}
        </Stack>
      ))}
    </Stack>
  );
}

/** This level's own report upward: open it, or start it from what the units sent. */
function OwnReport({ c }: { c: CompilationView }) {
  const { t } = useTexts(reportsTexts);
  const navigate = useNavigate();
  const own = c.ownReport;
  const start = useStartFromCompilation(own?.phaseId ?? '', c.organisation.id);
  if (!own) return null;
  const to = { to: '/bao-cao/$phaseId/$organisationId' as const, params: { phaseId: own.phaseId, organisationId: c.organisation.id } };
  return (
    <>
      {own.canStart && (
        <ConfirmButton question={t('startOwnQuestion', { unit: c.organisation.name })} confirmLabel={t('startOwn')}
          onConfirm={async () => { await start.mutateAsync(); await navigate(to); }} data-testid="compilation-start-own">
          {t('startOwn')}
        </ConfirmButton>
      )}
      {own.status !== 'missing' && <ButtonLink variant="default" {...to}>{t('openOwn', { unit: c.organisation.name })}</ButtonLink>}
    </>
  );
}
