import { useState } from 'react';
import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useSaveCriteria } from './api.ts';
import { formatPoints, clustersTexts } from './text.ts';
import type { CriterionInput, CriterionKind, Sheet } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const KINDS: CriterionKind[] = ['criterion', 'bonus', 'penalty'];

/** The sheet's rows while it is a draft: the organiser edits them; others read them. */
export function CriteriaEditor({ sheet }: { sheet: Sheet }) {
  const { t, lang } = useTexts(clustersTexts);
  const editable = sheet.me.actions.includes('edit_criteria');
  const save = useSaveCriteria(sheet.id);
  const [rows, setRows] = useState<CriterionInput[]>(() => sheet.criteria.map(({ kind, heading, title, maxPoints }) => ({ kind, heading, title, maxPoints })));
  const set = (i: number, patch: Partial<CriterionInput>) => setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const sum = (kind: CriterionKind) => formatPoints(rows.filter((r) => r.kind === kind).reduce((n, r) => n + (Number(r.maxPoints) || 0), 0), lang);
  return (
    <Stack>
      <Title order={2} size="h3">{t('criteria.title')}</Title>
      <Text size="sm">{t('criteria.sums', { criteria: sum('criterion'), bonus: sum('bonus'), penalty: sum('penalty') })}</Text>
      {rows.map((r, i) => (
        <Paper key={i} withBorder p="sm">
          <Group align="end" wrap="wrap" gap="sm">
            <AppSelect label={t('criteria.kind')} w={150} allowDeselect={false} value={r.kind} disabled={!editable}
              data={KINDS.map((k) => ({ value: k, label: t(`criteria.kinds.${k}`) }))} onChange={(v) => v && set(i, { kind: v as CriterionKind })} />
            <TextInput label={t('criteria.heading')} style={{ flex: '1 1 220px' }} value={r.heading} disabled={!editable}
              onChange={(e) => set(i, { heading: e.currentTarget.value })} />
            <NumberInput label={t('criteria.max')} w={120} min={0.01} max={10000} decimalScale={2} decimalSeparator={lang === 'vi' ? ',' : '.'}
              value={r.maxPoints} disabled={!editable} onChange={(v) => set(i, { maxPoints: Number(v) })} />
            {editable && (
              <ActionIcon variant="subtle" color="red" size="lg" aria-label={t('criteria.remove', { n: i + 1 })}
                onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>×</ActionIcon>
            )}
          </Group>
          <Textarea mt="xs" label={t('criteria.text')} autosize minRows={1} required value={r.title} disabled={!editable}
            onChange={(e) => set(i, { title: e.currentTarget.value })} />
        </Paper>
      ))}
      {editable && (
        <>
          <Group>
            <Button variant="default" onClick={() => setRows((rs) => [...rs, { kind: 'criterion', heading: rs.at(-1)?.heading ?? '', title: '', maxPoints: 10 }])}>
              {t('criteria.add')}
            </Button>
            <Button loading={save.isPending} onClick={() => save.mutate(rows)}>{t('criteria.save')}</Button>
          </Group>
          <ErrorAlert error={save.error} />
          {save.isSuccess && <Alert color="green" role="status">{t('criteria.saved')}</Alert>}
        </>
      )}
    </Stack>
  );
}
