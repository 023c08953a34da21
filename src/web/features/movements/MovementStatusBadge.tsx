import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MovementStatus } from './types.ts';

const COLORS: Record<MovementStatus, string> = { draft: 'gray', issued: 'green', closed: 'dark' };

/** The status in words (the colour only repeats it). */
export function MovementStatusBadge({ status }: { status: MovementStatus }) {
  const { t } = useTranslation();
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
