import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { useAuth, type Role } from '../../app/auth.tsx';
import { DateField } from '../../app/DateField.tsx';
import { formatDate } from '../../app/format.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { focusFirstInvalid } from '../../app/forms.ts';
import type { AwardEntry } from '../records/types.ts';
import { certificateUrl, useRevokeAward, type Revocation, type RevocationBody } from './api.ts';
import { certificatesTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

/** Who may revoke an award (the server checks the subtree too). */
export const AWARD_REVOKERS: Role[] = ['system_admin', 'standing_officer', 'unit_head'];

const money = (amount: number) => `${new Intl.NumberFormat('vi-VN').format(amount)} đ`;

/** The revocation line under a revoked award: "Đã thu hồi theo Quyết định số 88/QĐ-UBND ngày 05/10/2026". */
export function RevokedLine({ award }: { award: AwardEntry }) {
  const { t } = useTexts(certificatesTexts);
  if (!award.revokedOn) return null;
  return (
    <Text size="sm" c="red.8" fw={600} data-testid="award-revoked">
      {t('revokedLine', { number: award.revocationNumber ?? '', date: formatDate(award.revokedOn) })}
    </Text>
  );
}

/** "In bằng/giấy khen" (the PDF) for an award with a certificate, and "Thu hồi" for those who may revoke. */
export function AwardActions({ award }: { award: AwardEntry }) {
  const { t } = useTexts(certificatesTexts);
  const { hasRole } = useAuth();
  const [revoking, setRevoking] = useState(false);
  const what = `${award.awardFormName} ${award.year}`;
  const mayRevoke = award.revokedOn === null && hasRole(...AWARD_REVOKERS);
  if (!award.printable && !mayRevoke) return null;
  return (
    <Group gap="xs" wrap="nowrap">
      {award.printable && (
        <Button component="a" href={certificateUrl(award.id)} target="_blank" rel="noopener" size="compact-sm" variant="light"
          aria-label={t('printLabel', { what })} data-testid="award-print">
          {t('print')}
        </Button>
      )}
      {mayRevoke && (
        <Button size="compact-sm" variant="subtle" color="red" aria-label={t('revokeLabel', { what })} onClick={() => setRevoking(true)}
          data-testid="award-revoke">
          {t('revoke')}
        </Button>
      )}
      <AppModal opened={revoking} onClose={() => setRevoking(false)} title={t('revokeTitle')} size="lg">
        {revoking && <RevokeForm award={award} onDone={() => setRevoking(false)} />}
      </AppModal>
    </Group>
  );
}

const REQUIRED: (keyof RevocationBody)[] = ['decisionNumber', 'decidedOn', 'decidedBy', 'reason'];

function RevokeForm({ award, onDone }: { award: AwardEntry; onDone: () => void }) {
  const { t } = useTexts(certificatesTexts);
  const { t: common } = useTexts(appTexts);
  const revoke = useRevokeAward(award.id);
  const [draft, setDraft] = useState<RevocationBody>({ decisionNumber: '', decidedOn: '', decidedBy: award.decidedBy, reason: '' });
  const [tried, setTried] = useState(false);
  const [done, setDone] = useState<Revocation | null>(null);
  const set = (key: keyof RevocationBody) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const missing = (key: keyof RevocationBody) => (tried && !draft[key].trim() ? common('common.required') : undefined);

  if (done) {
    return (
      <Stack>
        <Alert color="green" role="status" data-testid="revocation-done">
          {done.amountToRecover !== null ? t('revokedDone', { amount: money(done.amountToRecover) }) : t('revokedDoneNoMoney')}
        </Alert>
        <Group justify="flex-end"><Button onClick={onDone}>{common('common.close')}</Button></Group>
      </Stack>
    );
  }

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (REQUIRED.some((k) => !draft[k].trim())) return focusFirstInvalid(e.currentTarget);
    revoke.mutate({ decisionNumber: draft.decisionNumber.trim(), decidedOn: draft.decidedOn, decidedBy: draft.decidedBy.trim(), reason: draft.reason.trim() },
      { onSuccess: setDone });
  };
  return (
    <form onSubmit={submit} noValidate data-testid="revocation-form">
      <Stack>
        <Text size="sm">{t('revokeIntro', { what: `${award.awardFormName} ${award.year} (${award.decisionNumber})` })}</Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput label={t('form.decisionNumber')} required value={draft.decisionNumber} error={missing('decisionNumber')}
            onChange={(e) => set('decisionNumber')(e.currentTarget.value)} />
          <DateField label={t('form.decidedOn')} required value={draft.decidedOn} onChange={set('decidedOn')} error={missing('decidedOn')} />
        </SimpleGrid>
        <TextInput label={t('form.decidedBy')} required value={draft.decidedBy} error={missing('decidedBy')}
          onChange={(e) => set('decidedBy')(e.currentTarget.value)} />
        <Textarea label={t('form.reason')} required autosize minRows={2} value={draft.reason} error={missing('reason')}
          onChange={(e) => set('reason')(e.currentTarget.value)} />
        <FormFooter error={revoke.error} busy={revoke.isPending} onCancel={onDone} submitLabel={t('revokeSubmit')} />
      </Stack>
    </form>
  );
}
