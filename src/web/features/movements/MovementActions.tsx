import { useMemo, useState, type FormEvent } from 'react';
import { Button, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { AppModal } from '../../app/AppModal.tsx';
import { useAuth } from '../../app/auth.tsx';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { DateField } from '../../app/DateField.tsx';
import { todayIso } from '../../app/format.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useOrgTree } from '../organisations/api.ts';
import { useAmendMovement, useCascadeMovement, useCloseMovement, useIssueMovement, useNextPlanNumber } from './api.ts';
import { DocumentNumberField, documentNumberOf, type DocumentNumberValue } from '../../app/DocumentNumberField.tsx';
import { isDocumentSymbol } from '../../../shared/document-number.ts';
import { MOVEMENT_WRITERS, type MovementDetail } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';

function IssueButton({ movement }: { movement: MovementDetail }) {
  const mv = useTexts(movementsTexts);
  const issue = useIssueMovement(movement.id);
  const [opened, setOpened] = useState(false);
  const [docNumber, setDocNumber] = useState<DocumentNumberValue>({ number: null, symbol: movement.documentSymbol });
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const [place, setPlace] = useState(movement.place);
  const year = /^\d{4}-/.test(issuedOn) ? Number(issuedOn.slice(0, 4)) : null;
  const proposal = useNextPlanNumber(movement.id, opened && isDocumentSymbol(docNumber.symbol) ? docNumber.symbol : null, year);
  const whole = documentNumberOf(docNumber, proposal.data?.number);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!whole) return;
    issue.mutate(
      { documentNumber: whole.number, documentSymbol: whole.symbol, issuedOn, place: place.trim() || undefined },
      { onSuccess: () => setOpened(false) },
    );
  };
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="movement-issue">
        {mv.t('issue.button')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={mv.t('issue.title')}>
        <form onSubmit={submit}>
          <Stack>
            <DocumentNumberField numberLabel={mv.t('issue.number')} value={docNumber} onChange={setDocNumber} proposed={proposal.data?.number} autoFocus />
            <DateField label={mv.t('issue.issuedOn')} required value={issuedOn} onChange={setIssuedOn} />
            <TextInput label={mv.t('issue.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
            <FormFooter error={issue.error} busy={issue.isPending} disabled={!whole} onCancel={() => setOpened(false)} submitLabel={mv.t('issue.submit')} />
          </Stack>
        </form>
      </AppModal>
    </>
  );
}

function AmendButton({ movement }: { movement: MovementDetail }) {
  const mv = useTexts(movementsTexts);
  const amend = useAmendMovement(movement.id);
  const [opened, setOpened] = useState(false);
  const [reason, setReason] = useState('');
  const [slogan, setSlogan] = useState(movement.slogan);
  const [periodStart, setPeriodStart] = useState(movement.periodStart);
  const [periodEnd, setPeriodEnd] = useState(movement.periodEnd);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    amend.mutate(
      { reason: reason.trim(), slogan: slogan.trim(), periodStart, periodEnd },
      {
        onSuccess: () => {
          setOpened(false);
          setReason('');
        },
      },
    );
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} data-testid="movement-amend">
        {mv.t('amend.button')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={mv.t('amend.title')} size="lg">
        <form onSubmit={submit}>
          <Stack>
            <Textarea label={mv.t('amend.reason')} required minLength={5} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-autofocus />
            <TextInput label={mv.t('detail.slogan')} value={slogan} onChange={(e) => setSlogan(e.currentTarget.value)} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <DateField label={mv.t('create.periodStart')} required value={periodStart} onChange={setPeriodStart} />
              <DateField label={mv.t('create.periodEnd')} required value={periodEnd} onChange={setPeriodEnd} />
            </SimpleGrid>
            <FormFooter error={amend.error} busy={amend.isPending} disabled={reason.trim().length < 5} onCancel={() => setOpened(false)} submitLabel={mv.t('amend.submit')} />
          </Stack>
        </form>
      </AppModal>
    </>
  );
}

function CascadeButton({ movement }: { movement: MovementDetail }) {
  const mv = useTexts(movementsTexts);
  const navigate = useNavigate();
  const cascade = useCascadeMovement(movement.id);
  const tree = useOrgTree(todayIso());
  const [opened, setOpened] = useState(false);
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  // Only units below the issuer may receive the plan (the server checks it too).
  const exclude = useMemo(
    () => (tree.data ?? []).filter((o) => o.id === movement.organisation.id || !o.path.includes(`/${movement.organisation.id}/`)).map((o) => o.id),
    [tree.data, movement.organisation.id],
  );
  // e.g. a plan of a district dissolved in 2025: nothing below it exists today to cascade to
  if (tree.data && exclude.length === tree.data.length) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!organisationId) return;
    cascade.mutate(organisationId, {
      onSuccess: (draft) => {
        setOpened(false);
        void navigate({ to: '/phong-trao/$id', params: { id: draft.id }, search: {} });
      },
    });
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} data-testid="movement-cascade">
        {mv.t('cascade.button')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={mv.t('cascade.title')} size="lg">
        <form onSubmit={submit}>
          <Stack>
            <Text size="sm">{mv.t('cascade.hint')}</Text>
            <OrgSelect label={mv.t('cascade.organisation')} required value={organisationId} onChange={setOrganisationId} exclude={exclude} data-testid="movement-cascade-organisation" />
            <FormFooter error={cascade.error} busy={cascade.isPending} disabled={!organisationId} onCancel={() => setOpened(false)} submitLabel={mv.t('cascade.submit')} />
          </Stack>
        </form>
      </AppModal>
    </>
  );
}

/** The lifecycle buttons the server allows for this plan and this user, and the document downloads. */
export function MovementActions({ movement }: { movement: MovementDetail }) {
  const mv = useTexts(movementsTexts);
  const { hasRole } = useAuth();
  const close = useCloseMovement(movement.id);
  const can = (action: MovementDetail['allowedActions'][number]) => movement.allowedActions.includes(action);
  const docUrl = (format: 'docx' | 'pdf') => `/api/movements/${encodeURIComponent(movement.id)}/document.${format}`;
  return (
    <Group gap="xs" wrap="wrap" role="group" aria-label={mv.t('detail.actions')}>
      {can('issue') && movement.canIssue && <IssueButton movement={movement} />}
      {can('amend') && movement.canWrite && <AmendButton movement={movement} />}
      {movement.status === 'issued' && hasRole(...MOVEMENT_WRITERS) && <CascadeButton movement={movement} />}
      {can('close') && movement.canIssue && (
        <ConfirmButton
          variant="default"
          question={mv.t('close.question', { name: movement.name })}
          confirmLabel={mv.t('close.confirm')}
          onConfirm={() => close.mutateAsync()}
        >
          {mv.t('close.button')}
        </ConfirmButton>
      )}
      <Button component="a" variant="subtle" href={docUrl('docx')} download>
        {mv.t('detail.downloadDocx')}
      </Button>
      <Button component="a" variant="subtle" href={docUrl('pdf')} download>
        {mv.t('detail.downloadPdf')}
      </Button>
    </Group>
  );
}
