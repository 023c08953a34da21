import { useState } from 'react';
import { Button } from '@mantine/core';
import { useWithdraw } from './api.ts';
import { StepDialog } from './StepDialog.tsx';
import { nominationsTexts } from './text.ts';
import type { Candidate } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

/** Rút: the unit withdraws a candidate it has sent up before, with the reason the history keeps. */
export function WithdrawButton({ batchId, candidate }: { batchId: string; candidate: Candidate }) {
  const { t } = useTexts(nominationsTexts);
  const withdraw = useWithdraw(batchId);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button size="compact-sm" variant="outline" color="red.9" aria-label={t('candidates.withdrawOf', { name: candidate.name })}
        onClick={() => setOpened(true)} data-testid={`candidate-withdraw-${candidate.name}`}>
        {t('candidates.withdraw')}
      </Button>
      <StepDialog
        opened={opened}
        title={t('candidates.withdrawTitle', { name: candidate.name })}
        question={t('candidates.withdrawQuestion', { name: candidate.name })}
        confirmLabel={t('candidates.withdraw')}
        withReason
        testId="candidate-withdraw"
        onClose={() => setOpened(false)}
        onConfirm={(reason) => withdraw.mutateAsync({ candidateId: candidate.id, reason })}
      />
    </>
  );
}
