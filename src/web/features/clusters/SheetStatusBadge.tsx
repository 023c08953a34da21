import { Badge } from '@mantine/core';
import { clustersTexts } from './text.ts';
import type { SheetStatus } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const COLOURS: Record<SheetStatus, string> = { draft: 'gray', open: 'blue', closed: 'orange', ranked: 'grape', proposed: 'green' };

export function SheetStatusBadge({ status }: { status: SheetStatus }) {
  const { t } = useTexts(clustersTexts);
  return <Badge variant="light" color={COLOURS[status]}>{t(`statuses.${status}`)}</Badge>;
}
