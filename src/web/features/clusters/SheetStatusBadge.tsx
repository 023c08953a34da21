import { Badge } from '@mantine/core';
import { useClustersText } from './text.ts';
import type { SheetStatus } from './types.ts';

const COLOURS: Record<SheetStatus, string> = { draft: 'gray', open: 'blue', closed: 'orange', ranked: 'grape', proposed: 'green' };

export function SheetStatusBadge({ status }: { status: SheetStatus }) {
  const { t } = useClustersText();
  return <Badge variant="light" color={COLOURS[status]}>{t(`statuses.${status}`)}</Badge>;
}
