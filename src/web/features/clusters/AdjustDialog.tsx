import { useState } from 'react';
import { Button, Group, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useAdjust } from './api.ts';
import { clustersTexts } from './text.ts';
import type { Criterion, Sheet, SheetMember } from './types.ts';
import { EvidenceFiles } from './EvidenceFiles.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/** The head or the follower sets a member's points on one row, with the reason the history keeps. */
export function AdjustDialog({ sheet, member, criterion, onClose }: { sheet: Sheet; member: SheetMember; criterion: Criterion; onClose: () => void }) {
  const { t, lang } = useTexts(clustersTexts);
  const { t: common } = useTexts(appTexts);
  const adjust = useAdjust(sheet.id);
  const current = sheet.scores.find((x) => x.organisationId === member.organisationId && x.criterionId === criterion.id);
  const [points, setPoints] = useState<number | string>(current?.adjusted ?? current?.self ?? '');
  const [reason, setReason] = useState('');
  const submit = async () => {
    await adjust.mutateAsync({ organisationId: member.organisationId, criterionId: criterion.id, points: Number(points), reason });
    onClose();
  };
  return (
    <AppModal opened onClose={onClose} title={t('grid.adjustTitle')}>
      <Stack>
        <Text>{`${member.name} — ${criterion.title}`}</Text>
        {current?.evidence && <Text size="sm" c="dimmed">{t('grid.evidence', { text: current.evidence })}</Text>}
        <EvidenceFiles sheet={sheet} organisationId={member.organisationId} criterionId={criterion.id} criterionTitle={criterion.title} editable={false} />
        <NumberInput label={t('grid.newPoints', { max: criterion.maxPoints })} min={0} max={criterion.maxPoints} decimalScale={2}
          decimalSeparator={lang === 'vi' ? ',' : '.'} allowNegative={false} clampBehavior="none" value={points} onChange={setPoints} data-autofocus />
        <Textarea label={t('grid.reason')} required autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <ErrorAlert error={adjust.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{common('common.cancel')}</Button>
          <Button loading={adjust.isPending} onClick={() => void submit().catch(() => undefined)}>{t('grid.adjust')}</Button>
        </Group>
      </Stack>
    </AppModal>
  );
}
