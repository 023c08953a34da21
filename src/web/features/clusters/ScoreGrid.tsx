import { Fragment, useState } from 'react';
import { Button, Stack, Table, Text, Title } from '@mantine/core';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { useIsPhone } from '../../app/useIsPhone.ts';
import { AdjustDialog } from './AdjustDialog.tsx';
import { headingBefore, mayAdjust, scoreOf } from './grid.ts';
import { MemberScores } from './MemberScores.tsx';
import { formatPoints, clustersTexts } from './text.ts';
import type { Criterion, Sheet, SheetMember } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/** Members × criteria: each member's own and counted points per row, the adjust button, and the totals. On a phone, one member at a time. */
export function ScoreGrid({ sheet }: { sheet: Sheet }) {
  const { t, lang } = useTexts(clustersTexts);
  const phone = useIsPhone();
  const [adjusting, setAdjusting] = useState<{ member: SheetMember; criterion: Criterion } | null>(null);
  const standing = (id: string) => sheet.ranking.find((r) => r.organisationId === id)!;
  const p = (v: number | null | undefined) => formatPoints(v, lang);
  const totals: [string, (id: string) => number][] = [
    [t('grid.criteriaTotal'), (id) => standing(id).criteria], [t('grid.bonusTotal'), (id) => standing(id).bonus],
    [t('grid.penaltyTotal'), (id) => standing(id).penalty], [t('grid.total'), (id) => standing(id).total],
  ];
  return (
    <Stack>
      <Title order={2} size="h3">{t('grid.title')}</Title>
      {phone ? <MemberScores sheet={sheet} onAdjust={(member, criterion) => setAdjusting({ member, criterion })} /> : (
        <ScrollTable minWidth={360 + sheet.members.length * 150} label={t('grid.title')}>
          <Table withTableBorder withColumnBorders striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('grid.row')}</Table.Th>
                <Table.Th ta="right">{t('grid.max')}</Table.Th>
                {sheet.members.map((m) => (
                  <Table.Th key={m.organisationId} ta="right">
                    {m.name}
                    <Text size="xs" fw={400}>
                      {[m.submittedAt ? t('grid.submitted') : t('grid.notSubmitted'), m.ended ? t('grid.ended') : ''].filter(Boolean).join(', ')}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sheet.criteria.map((c, i) => (
                <Fragment key={c.id}>
                  {headingBefore(sheet.criteria, i) && (
                    <Table.Tr><Table.Td colSpan={2 + sheet.members.length} fw={700}>{c.heading}</Table.Td></Table.Tr>
                  )}
                  <Table.Tr>
                    <Table.Td>{c.kind === 'criterion' ? c.title : `${t(`criteria.kinds.${c.kind}`)}: ${c.title}`}</Table.Td>
                    <Table.Td ta="right">{p(c.maxPoints)}</Table.Td>
                    {sheet.members.map((m) => {
                      const s = scoreOf(sheet, m.organisationId, c);
                      return (
                        <Table.Td key={m.organisationId} ta="right" title={s.evidence ? t('grid.evidence', { text: s.evidence }) : undefined}>
                          <Text span fw={600}>{p(s.counted)}</Text>
                          {s.adjusted !== null && <Text size="xs" fs="italic">{`${t('grid.self')}: ${p(s.self)} · ${t('grid.adjusted')}`}</Text>}
                          {mayAdjust(sheet, m) && (
                            <Button size="compact-xs" variant="subtle" mt={2} aria-label={t('grid.adjustLabel', { name: m.name, criterion: c.title })}
                              onClick={() => setAdjusting({ member: m, criterion: c })}>
                              {t('grid.adjust')}
                            </Button>
                          )}
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                </Fragment>
              ))}
              {totals.map(([label, value]) => (
                <Table.Tr key={label}>
                  <Table.Td fw={700} colSpan={2}>{label}</Table.Td>
                  {sheet.members.map((m) => <Table.Td key={m.organisationId} ta="right" fw={700}>{p(value(m.organisationId))}</Table.Td>)}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
      {adjusting && <AdjustDialog sheet={sheet} {...adjusting} onClose={() => setAdjusting(null)} />}
    </Stack>
  );
}
