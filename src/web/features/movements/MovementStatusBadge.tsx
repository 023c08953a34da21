import { Badge } from '@mantine/core';
import type { MovementStatus } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

const COLORS: Record<MovementStatus, string> = { draft: 'gray', issued: 'green', closed: 'dark' };

/** The status in words (the colour only repeats it). */
export function MovementStatusBadge({ status }: { status: MovementStatus }) {
  const { t } = useTexts(appTexts);
  return (
    <Badge variant="light" color={COLORS[status]}>
      {t(`movements.statuses.${status}`)}
    </Badge>
  );
}

/** "118/KH-UBND", or only the symbol while the plan has no number. */
export function numberAndSymbol(m: { documentNumber: number | null; documentSymbol: string }): string {
  if (m.documentNumber === null) return m.documentSymbol;
  return m.documentSymbol ? `${m.documentNumber}/${m.documentSymbol}` : String(m.documentNumber);
}
