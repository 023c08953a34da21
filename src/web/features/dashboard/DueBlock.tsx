import { Badge, rem, Text } from '@mantine/core';
import { formatDate } from '../../app/format.ts';
import { LightTable } from '../../app/LightTable.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { StackedList } from '../../app/StackedList.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import type { Dashboard } from './api.ts';
import { Block } from './Block.tsx';
import { dashboardTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

type Item = Dashboard['due'][number];

const COLOR: Record<Item['status'], string> = { done: 'green', done_late: 'yellow', due: 'blue', overdue: 'red' };

/** Where the unit does it: the plan's page (to cascade its own plan, register, read the phases), or the nominations. */
function ItemLink({ item }: { item: Item }) {
  const { t } = useTexts(dashboardTexts);
  const label = item.kind === 'nomination_window' ? t('due.window', { award: item.title }) : item.title;
  if (item.kind === 'nomination' || item.kind === 'nomination_window') {
    return <AnchorLink to="/de-nghi" search={{}} lineClamp={3}>{label}</AnchorLink>;
  }
  const tab = item.kind === 'registration' ? 'registrations' : item.kind === 'response_plan' ? 'content' : 'phases';
  return <AnchorLink to="/phong-trao/$id" params={{ id: item.movement.id }} search={{ tab }} lineClamp={3}>{label}</AnchorLink>;
}

function StatusBadge({ item }: { item: Item }) {
  const { t } = useTexts(dashboardTexts);
  // work the system cannot see done: say how far the deadline is, never "due" for one months away
  if (!item.known) {
    const color = item.timing === 'past' ? 'orange' : item.timing === 'soon' ? 'blue' : 'gray';
    return <Badge color={color} variant="light" data-testid="due-timing">{t(`timing.${item.timing}`, { date: formatDate(item.dueOn) })}</Badge>;
  }
  return <Badge color={COLOR[item.status]} variant="light">{t(`status.${item.status}`)}</Badge>;
}

function DaysLeft({ item }: { item: Item }) {
  const { t } = useTexts(dashboardTexts);
  if (item.status === 'done' || item.status === 'done_late') return null;
  const n = item.workingDaysLeft;
  return <Text size="xs" c={n < 0 ? 'red.9' : 'gray.8'} fw={n <= 3 ? 700 : 400}>{n === 0 ? t('due.today') : n > 0 ? t('due.left', { count: n }) : t('due.past', { count: -n })}</Text>;
}

/** The deadlines of the plans above my units, soonest first, with what each unit has done. */
export function DueBlock({ data }: { data: Dashboard }) {
  const { t } = useTexts(dashboardTexts);
  const phone = useIsPhone();
  const manyUnits = data.units.length > 1;
  const what = (i: Item) => (
    <>
      <Text size="xs" c="gray.8">{t(`kinds.${i.kind}`)}</Text>
      <ItemLink item={i} />
      <Text size="xs" c="gray.8" lineClamp={2}>{t('due.from', { movement: i.movement.name, issuer: i.movement.issuerName })}</Text>
    </>
  );
  return (
    <Block id="dashboard-due" title={t('due.heading')} intro={t('due.intro')} link={{ to: '/phong-trao', label: t('due.all') }}>
      {data.due.length === 0 ? <Text>{t('due.none')}</Text> : phone ? (
        <StackedList label={t('due.heading')} testId="dashboard-due-list" items={data.due.map((i, n) => ({
          key: `${n}`, title: what(i),
          lines: [
            { label: t('due.dueOn'), value: <>{formatDate(i.dueOn)} <DaysLeft item={i} /></> },
            { label: t('due.state'), value: <StatusBadge item={i} /> },
            ...(manyUnits ? [{ label: t('due.unit'), value: i.unit.name }] : []),
          ],
        }))} />
      ) : (
        <ScrollTable minWidth={640} label={t('due.heading')}>
          <LightTable verticalSpacing="xs" data-testid="dashboard-due-list">
            <thead>
              <tr>
                <th style={{ width: rem(130) }}>{t('due.dueOn')}</th><th>{t('due.what')}</th>
                {manyUnits && <th>{t('due.unit')}</th>}<th style={{ width: rem(150) }}>{t('due.state')}</th>
              </tr>
            </thead>
            <tbody>
              {data.due.map((i, n) => (
                <tr key={n}>
                  <td>{formatDate(i.dueOn)}<DaysLeft item={i} /></td>
                  <td>{what(i)}</td>
                  {manyUnits && <td>{i.unit.name}</td>}
                  <td><StatusBadge item={i} /></td>
                </tr>
              ))}
            </tbody>
          </LightTable>
        </ScrollTable>
      )}
    </Block>
  );
}
