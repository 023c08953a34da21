import { Badge } from '@mantine/core';
import type { ExampleKind, ExampleStage } from './api.ts';
import { examplesTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

const STAGE_COLOR: Record<ExampleStage, string> = { discover: 'gray', nurture: 'blue', summarise: 'grape', replicate: 'green' };
const KIND_COLOR: Record<ExampleKind, string> = { typical_example: 'indigo', good_deed: 'teal' };

export function StageBadge({ stage }: { stage: ExampleStage }) {
  const { t } = useTexts(examplesTexts);
  return <Badge color={STAGE_COLOR[stage]} variant="light">{t(`stages.${stage}`)}</Badge>;
}

export function KindBadge({ kind }: { kind: ExampleKind }) {
  const { t } = useTexts(examplesTexts);
  return <Badge color={KIND_COLOR[kind]} variant="outline">{t(`kinds.${kind}`)}</Badge>;
}
