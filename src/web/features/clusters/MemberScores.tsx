import { useState } from 'react';
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { Facts } from '../../app/Facts.tsx';
import { headingBefore, mayAdjust, scoreOf } from './grid.ts';
import { formatPoints, clustersTexts } from './text.ts';
import type { Criterion, Sheet, SheetMember } from './types.ts';
import { EvidenceFiles } from './EvidenceFiles.tsx';
import { useTexts } from '../../i18n/texts.ts';

/** The grid on a phone: one member at a time, a card per row with its points and the adjust button. */
export function MemberScores({ sheet, onAdjust }: { sheet: Sheet; onAdjust: (m: SheetMember, c: Criterion) => void }) {
  const { t, lang } = useTexts(clustersTexts);
  const [organisationId, setOrganisationId] = useState(sheet.members[0]?.organisationId ?? null);
  const member = sheet.members.find((m) => m.organisationId === organisationId);
  const standing = sheet.ranking.find((r) => r.organisationId === organisationId);
  const p = (v: number | null | undefined) => formatPoints(v, lang);
  return (
    <Stack gap="sm">
      <AppSelect label={t('self.unit')} allowDeselect={false} value={organisationId}
        data={sheet.members.map((m) => ({ value: m.organisationId, label: m.name }))} onChange={setOrganisationId} />
      {member && sheet.criteria.map((c, i) => {
        const s = scoreOf(sheet, member.organisationId, c);
        return (
          <div key={c.id}>
            {headingBefore(sheet.criteria, i) && <Text fw={700} mb="xs">{c.heading}</Text>}
            <Paper withBorder p="sm">
              <Text size="sm" fw={600}>{c.kind === 'criterion' ? c.title : `${t(`criteria.kinds.${c.kind}`)}: ${c.title}`}</Text>
              <Group justify="space-between" align="end" mt={4}>
                <Text size="sm">
                  {`${t('grid.final')}: `}<Text span fw={700}>{p(s.counted)}</Text>{` / ${p(c.maxPoints)}`}
                  {s.adjusted !== null && <Text span fs="italic">{` (${t('grid.self')}: ${p(s.self)} · ${t('grid.adjusted')})`}</Text>}
                </Text>
                {mayAdjust(sheet, member) && (
                  <Button size="compact-sm" variant="light" aria-label={t('grid.adjustLabel', { name: member.name, criterion: c.title })}
                    onClick={() => onAdjust(member, c)}>
                    {t('grid.adjust')}
                  </Button>
                )}
              </Group>
              {s.evidence && <Text size="xs" mt={4}>{t('grid.evidence', { text: s.evidence })}</Text>}
              <EvidenceFiles sheet={sheet} organisationId={member.organisationId} criterionId={c.id} criterionTitle={c.title} editable={false} />
            </Paper>
          </div>
        );
      })}
      {standing && (
        <Paper withBorder p="sm">
          <Facts items={[
            { label: t('grid.criteriaTotal'), value: p(standing.criteria) }, { label: t('grid.bonusTotal'), value: p(standing.bonus) },
            { label: t('grid.penaltyTotal'), value: p(standing.penalty) }, { label: t('grid.total'), value: p(standing.total) },
          ]} />
        </Paper>
      )}
    </Stack>
  );
}
