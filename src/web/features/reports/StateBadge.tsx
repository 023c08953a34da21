import { Badge } from '@mantine/core';
import { reportsTexts } from './text.ts';
import type { ReportStatus, UnitState } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const STATE_COLOURS: Record<UnitState, string> = { on_time: 'green', late: 'orange', draft: 'gray', returned: 'red', missing: 'yellow' };
const STATUS_COLOURS: Record<ReportStatus, string> = { draft: 'gray', submitted: 'green', returned: 'red' };

// The words carry the meaning; the colour only repeats it. Yellow is filled with dark text for contrast.

export function UnitStateBadge({ state }: { state: UnitState }) {
  const { t } = useTexts(reportsTexts);
  return (
    <Badge variant={state === 'missing' ? 'filled' : 'light'} autoContrast color={STATE_COLOURS[state]} data-state={state}>
      {t(`states.${state}`)}
    </Badge>
  );
}

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useTexts(reportsTexts);
  return (
    <Badge variant="light" color={STATUS_COLOURS[status]} data-status={status}>
      {t(`statuses.${status}`)}
    </Badge>
  );
}
