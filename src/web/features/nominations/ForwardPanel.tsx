import { useState } from 'react';
import { Button, Checkbox, Paper, Stack, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useForward } from './api.ts';
import { nominationsTexts } from './text.ts';
import type { BatchDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/**
 * "Chuyển lên cấp trên": once appraised, candidates for a form beyond this level's authority (Bằng khen
 * and above) go up the tree as a new batch. Only the candidates the server offers `forward` for are listed.
 */
export function ForwardPanel({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const navigate = useNavigate();
  const { batch } = detail;
  const forward = useForward(batch.id);
  const eligible = detail.candidates.filter((c) => c.actions.includes('forward'));
  const [chosen, setChosen] = useState<string[]>([]);
  const [problem, setProblem] = useState(false);

  if (batch.status !== 'accepted' || batch.awardFormLevel === 'base' || eligible.length === 0) return null;
  const allChosen = chosen.length === eligible.length;
  const submit = () => {
    setProblem(chosen.length === 0);
    if (chosen.length === 0) return;
    forward.mutate(chosen, { onSuccess: ({ id }) => void navigate({ to: '/de-nghi/$batchId', params: { batchId: id } }) });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="batch-forward">
      <Stack gap="sm">
        <Title order={2} size="h3" id="batch-forward">
          {t('forward.heading')}
        </Title>
        <Text size="sm">{t('forward.hint', { form: batch.awardFormName })}</Text>
        <Checkbox
          label={t('forward.all')}
          checked={allChosen}
          indeterminate={chosen.length > 0 && !allChosen}
          onChange={() => setChosen(allChosen ? [] : eligible.map((c) => c.id))}
          data-testid="forward-all"
        />
        <Checkbox.Group value={chosen} onChange={setChosen} label={t('candidates.heading')}>
          <Stack gap={4} mt="xs">
            {eligible.map((c) => (
              <Checkbox key={c.id} value={c.id} label={[c.name, c.position, c.unitName].filter(Boolean).join(' – ')} data-testid={`forward-candidate-${c.name}`} />
            ))}
          </Stack>
        </Checkbox.Group>
        {problem && <Text c="red.8" size="sm" role="alert">{t('forward.chooseSome')}</Text>}
        <ErrorAlert error={forward.error} />
        <div>
          <Button onClick={submit} loading={forward.isPending} data-testid="forward-submit">
            {t('forward.submit')}
          </Button>
        </div>
      </Stack>
    </Paper>
  );
}
