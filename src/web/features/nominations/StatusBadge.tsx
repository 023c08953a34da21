import { Badge } from '@mantine/core';
import { nominationsTexts } from './text.ts';
import type { BatchStatus, CandidateStatus, EligibilityStatus } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const BATCH_COLOURS: Record<BatchStatus, string> = {
  draft: 'gray', awaiting_head: 'yellow', submitted: 'blue', under_appraisal: 'indigo', returned: 'orange', accepted: 'teal', decided: 'green',
};
const CANDIDATE_COLOURS: Record<CandidateStatus, string> = {
  draft: 'gray', submitted: 'blue', returned: 'orange', accepted: 'teal', rejected: 'red', voted: 'cyan', forwarded: 'grape', decided: 'green', withdrawn: 'gray',
};
const ELIGIBILITY_COLOURS: Record<EligibilityStatus, string> = { met: 'green', attest: 'yellow', unmet: 'red' };

// The words carry the meaning; the colour only repeats it. Yellow is filled with dark text for contrast.

export function BatchStatusBadge({ status }: { status: BatchStatus }) {
  const { t } = useTexts(nominationsTexts);
  return (
    <Badge variant={status === 'awaiting_head' ? 'filled' : 'light'} autoContrast color={BATCH_COLOURS[status]} data-status={status}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}

export function CandidateStatusBadge({ status }: { status: CandidateStatus }) {
  const { t } = useTexts(nominationsTexts);
  return (
    <Badge variant="light" color={CANDIDATE_COLOURS[status]} data-status={status}>
      {t(`candidateStatuses.${status}`)}
    </Badge>
  );
}

export function EligibilityBadge({ status }: { status: EligibilityStatus | null }) {
  const { t } = useTexts(nominationsTexts);
  if (!status) return <Badge variant="outline" color="gray">{t('eligibility.unknown')}</Badge>;
  return (
    <Badge variant={status === 'attest' ? 'filled' : 'light'} autoContrast color={ELIGIBILITY_COLOURS[status]} data-status={status}>
      {t(`eligibility.${status}`)}
    </Badge>
  );
}
