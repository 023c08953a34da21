import { useState } from 'react';
import { Alert, Button, Group, NumberInput, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatInstant } from '../../app/format.ts';
import { useSaveSelfScores, useSubmitSelf } from './api.ts';
import { EvidenceFiles } from './EvidenceFiles.tsx';
import { clustersTexts } from './text.ts';
import type { Sheet } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/** A member scores itself row by row, with its evidence, then submits. Cards stack on a phone. */
export function SelfScorePanel({ sheet }: { sheet: Sheet }) {
  const { t } = useTexts(clustersTexts);
  const mine = sheet.members.filter((m) => sheet.me.scorable.includes(m.organisationId));
  const [organisationId, setOrganisationId] = useState(mine[0]?.organisationId ?? null);
  const member = mine.find((m) => m.organisationId === organisationId);
  if (!member) return null;
  return (
    <Stack>
      <Title order={2} size="h3">{t('self.title', { name: member.name })}</Title>
      {mine.length > 1 && (
        <AppSelect label={t('self.unit')} maw={480} allowDeselect={false} value={organisationId}
          data={mine.map((m) => ({ value: m.organisationId, label: m.name }))} onChange={setOrganisationId} />
      )}
      <SelfScoreForm key={member.organisationId} sheet={sheet} organisationId={member.organisationId} name={member.name} submittedAt={member.submittedAt} />
    </Stack>
  );
}

interface Draft { points: number | string; evidence: string; evidenceLink: string }

function SelfScoreForm({ sheet, organisationId, name, submittedAt }: { sheet: Sheet; organisationId: string; name: string; submittedAt: string | null }) {
  const { t, lang } = useTexts(clustersTexts);
  const save = useSaveSelfScores(sheet.id);
  const submit = useSubmitSelf(sheet.id);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => Object.fromEntries(sheet.criteria.map((c) => {
    const s = sheet.scores.find((x) => x.organisationId === organisationId && x.criterionId === c.id);
    return [c.id, { points: s?.self ?? '', evidence: s?.evidence ?? '', evidenceLink: s?.evidenceLink ?? '' }];
  })));
  const set = (id: string, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [id]: { ...d[id]!, ...patch } }));
  const scores = sheet.criteria.filter((c) => drafts[c.id]!.points !== '').map((c) => ({
    criterionId: c.id, points: Number(drafts[c.id]!.points), evidence: drafts[c.id]!.evidence, evidenceLink: drafts[c.id]!.evidenceLink.trim(),
  }));
  // once submitted, the member's own points are fixed: the grid below shows them
  if (submittedAt !== null) return <Alert color="green" role="status">{t('self.submitted', { at: formatInstant(submittedAt) })}</Alert>;
  return (
    <Stack gap="sm">
      {sheet.criteria.map((c, i) => {
        const d = drafts[c.id]!;
        const heading = c.heading && c.heading !== sheet.criteria[i - 1]?.heading ? c.heading : null;
        return (
          <div key={c.id}>
            {heading && <Text fw={700} mt="sm" mb="xs">{heading}</Text>}
            <Paper withBorder p="sm">
              <Text fw={600} mb="xs">{`${t(`criteria.kinds.${c.kind}`)}: ${c.title}`}</Text>
              <Group align="start" wrap="wrap" gap="sm">
                <NumberInput label={t(c.kind === 'penalty' ? 'self.penaltyPoints' : 'self.points', { max: c.maxPoints })} w={200}
                  min={0} max={c.maxPoints} decimalScale={2} decimalSeparator={lang === 'vi' ? ',' : '.'} allowNegative={false}
                  clampBehavior="none" value={d.points} onChange={(v) => set(c.id, { points: v })} />
                <Textarea label={t('self.evidence')} autosize minRows={1} style={{ flex: '1 1 240px' }}
                  value={d.evidence} onChange={(e) => set(c.id, { evidence: e.currentTarget.value })} />
              </Group>
              <TextInput mt="xs" label={t('self.link')} type="url" value={d.evidenceLink}
                onChange={(e) => set(c.id, { evidenceLink: e.currentTarget.value })} />
              <EvidenceFiles sheet={sheet} organisationId={organisationId} criterionId={c.id} criterionTitle={c.title} editable />
            </Paper>
          </div>
        );
      })}
      <ErrorAlert error={save.error ?? submit.error} />
      {save.isSuccess && !save.isPending && <Alert color="green" role="status">{t('self.saved')}</Alert>}
      <Group>
        <Button loading={save.isPending} onClick={() => save.mutate({ organisationId, scores })}>{t('self.save')}</Button>
        <ConfirmButton variant="outline" question={t('self.submitQuestion', { name })} confirmLabel={t('self.submit')}
          onConfirm={async () => {
            await save.mutateAsync({ organisationId, scores });
            await submit.mutateAsync(organisationId);
          }}>
          {t('self.submit')}
        </ConfirmButton>
      </Group>
    </Stack>
  );
}
