import { Badge } from '@mantine/core';
import type { MovementStatus } from './types.ts';
import { formatDocumentNumber } from '../../../shared/document-number.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';

const COLORS: Record<MovementStatus, string> = { draft: 'gray', issued: 'green', closed: 'dark' };

/** The status in words (the colour only repeats it). */
export function MovementStatusBadge({ status }: { status: MovementStatus }) {
  const mv = useTexts(movementsTexts);
  return (
    <Badge variant="light" color={COLORS[status]}>
      {mv.t(`statuses.${status}`)}
    </Badge>
  );
}

/** "118/KH-UBND", "05/KH-UBND" as the printed plan writes it, or only the symbol while the plan has no number. */
export function numberAndSymbol(m: { documentNumber: number | null; documentSymbol: string }): string {
  if (m.documentNumber === null) return m.documentSymbol;
  return formatDocumentNumber(m.documentNumber, m.documentSymbol);
}
