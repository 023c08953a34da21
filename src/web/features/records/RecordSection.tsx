import { useState } from 'react';
import { Badge, Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { useAuth } from '../../app/auth.tsx';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate } from '../../app/format.ts';
import { ButtonLink } from '../../app/links.tsx';
import { Loading } from '../../app/Loading.tsx';
import { useRecord, useRemoveRecord } from './api.ts';
import { RecordForm } from './RecordForm.tsx';
import { RECORD_KINDS, RECORD_WRITERS, timeline, type RecordKind, type Source, type Subject, type TimelineEntry } from './types.ts';
import { recordsTexts } from './text.ts';
import { AwardActions, RevokedLine } from '../verify/AwardActions.tsx';
import { useTexts } from '../../i18n/texts.ts';

const KIND_COLOURS: Record<RecordKind, string> = { ratings: 'blue', awards: 'teal', initiatives: 'grape', disciplines: 'red' };

/** "Số 12/QĐ-UBND, ngày 03/02/2025, UBND tỉnh" — whatever parts of the source are known. */
export function SourceLine({ source }: { source: Source }) {
  const { t } = useTexts(recordsTexts);
  const parts = [
    source.number && t('records.source.number', { number: source.number }),
    source.date && t('records.source.date', { date: formatDate(source.date) }),
    source.issuer,
  ].filter(Boolean);
  return (
    <Text size="sm" c="dimmed">
      {parts.length > 0 ? parts.join(', ') : t('records.source.none')}
    </Text>
  );
}

/** The entry's headline (also what the delete question names) and its detail lines. */
function useDescribe() {
  const { t } = useTexts(recordsTexts);
  return (item: TimelineEntry): { headline: string; details: string[]; source: Source } => {
    switch (item.kind) {
      case 'ratings':
        return { headline: t(`records.ratings.${item.entry.rating}`), details: [], source: item.entry.source };
      case 'awards': {
        const a = item.entry;
        return {
          headline: a.awardFormName,
          details: [
            t(`records.bases.${a.basis}`),
            a.reason,
          ].filter(Boolean),
          source: { number: a.decisionNumber, date: a.decidedOn, issuer: a.decidedBy },
        };
      }
      case 'initiatives': {
        const i = item.entry;
        return {
          headline: i.title,
          details: [
            `${t(`records.initiativeKinds.${i.kind}`)} · ${t(`records.initiativeLevels.${i.level}`)}`,
            i.recognisedOn ? `${t('records.fields.recognisedOn')}: ${formatDate(i.recognisedOn)}` : '',
            i.effect,
          ].filter(Boolean),
          source: i.source,
        };
      }
      case 'disciplines': {
        const d = item.entry;
        return {
          headline: t(`records.disciplineForms.${d.form}`),
          details: [
            d.endsOn
              ? t('records.period', { from: formatDate(d.startsOn), to: formatDate(d.endsOn) })
              : t('records.periodOpen', { from: formatDate(d.startsOn) }),
            d.reason,
          ].filter(Boolean),
          source: d.source,
        };
      }
    }
  };
}

function Entry({ item, editable }: { item: TimelineEntry; editable: boolean }) {
  const { t } = useTexts(recordsTexts);
  const remove = useRemoveRecord();
  const { headline, details, source } = useDescribe()(item);
  const revoked = item.kind === 'awards' && item.entry.revokedOn !== null;
  // an award a decision wrote (or a revocation annulled) is revoked, never deleted: the server refuses with 409
  const heldBy = item.kind === 'awards' ? item.entry.heldBy : null;
  return (
    <Box component="li" py="xs" data-testid="record-entry" data-kind={item.kind}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light" color={KIND_COLOURS[item.kind]}>{t(`records.kinds.${item.kind}`)}</Badge>
            <Text fw={600} td={revoked ? 'line-through' : undefined}>{headline}</Text>
          </Group>
          {details.map((line) => (
            <Text size="sm" key={line}>{line}</Text>
          ))}
          <SourceLine source={source} />
          {item.kind === 'awards' && <RevokedLine award={item.entry} />}
          {editable && heldBy === 'decision' && !revoked && (
            <Text size="sm" c="dimmed" data-testid="award-held">{t('records.heldByDecision')}</Text>
          )}
        </Stack>
        <Group gap="xs" justify="flex-end" wrap="wrap" style={{ flexShrink: 0 }}>
          {item.kind === 'awards' && <AwardActions award={item.entry} />}
          {editable && heldBy === null && (
            <ConfirmButton
              size="compact-sm"
              variant="subtle"
              color="red"
              label={t('records.deleteLabel', { what: `${t(`records.kinds.${item.kind}`)} ${item.year}: ${headline}` })}
              question={t('records.deleteQuestion', { what: `${headline} (${item.year})` })}
              confirmLabel={t('records.delete')}
              onConfirm={() => remove.mutateAsync({ kind: item.kind, id: item.entry.id })}
            >
              {t('records.delete')}
            </ConfirmButton>
          )}
        </Group>
      </Group>
    </Box>
  );
}

/** "Hồ sơ thi đua": the record by year, newest first, with the add buttons for those who may write. */
export function RecordSection({ subject }: { subject: Subject }) {
  const { t } = useTexts(recordsTexts);
  const { hasRole } = useAuth();
  const query = useRecord(subject);
  const [adding, setAdding] = useState<RecordKind | null>(null);
  const editable = hasRole(...RECORD_WRITERS);
  const headingId = `record-heading-${subject.kind}`;

  return (
    <Box component="section" aria-labelledby={headingId} data-testid="record-section">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} size="h3" id={headingId}>
          {t('records.heading')}
        </Title>
        {editable && (
          <ButtonLink to="/ho-so/nhap" variant="subtle" size="compact-sm">
            {t('records.importLink')}
          </ButtonLink>
        )}
      </Group>
      {editable && (
        <Group gap="xs" mb="sm">
          {RECORD_KINDS.map((kind) => (
            <Button key={kind} size="xs" variant="light" onClick={() => setAdding(kind)} data-testid={`record-add-${kind}`}>
              {t(`records.add.${kind}`)}
            </Button>
          ))}
        </Group>
      )}
      {query.isPending && <Loading />}
      <ErrorAlert error={query.error} />
      {query.data && <Timeline subject={subject} years={timeline(query.data)} editable={editable} />}
      <AppModal opened={adding !== null} onClose={() => setAdding(null)} title={adding ? t(`records.add.${adding}`) : ''} size="lg">
        {adding && <RecordForm subject={subject} kind={adding} onDone={() => setAdding(null)} />}
      </AppModal>
    </Box>
  );
}

function Timeline({ subject, years, editable }: { subject: Subject; years: ReturnType<typeof timeline>; editable: boolean }) {
  const { t } = useTexts(recordsTexts);
  if (years.length === 0) return <Text>{t('records.empty')}</Text>;
  return (
    <Stack gap="sm" component="ol" aria-label={t('records.timelineLabel')} p={0} m={0} style={{ listStyle: 'none' }}>
      {years.map(({ year, entries }) => (
        <Paper component="li" withBorder p="sm" key={year} data-testid="record-year" data-year={year}>
          <Title order={3} size="h4" id={`record-${subject.kind}-${year}`}>
            {t('records.yearHeading', { year })}
          </Title>
          <Box component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby={`record-${subject.kind}-${year}`}>
            {entries.map((item) => (
              <Entry key={`${item.kind}-${item.entry.id}`} item={item} editable={editable} />
            ))}
          </Box>
        </Paper>
      ))}
    </Stack>
  );
}
