import { useState, type FormEvent } from 'react';
import { Button, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { AppModal } from '../../app/AppModal.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { todayIso } from '../../app/format.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useCreateMovement } from './api.ts';
import { isDocumentSymbol, normaliseSymbol } from '../../../shared/document-number.ts';
import { MOVEMENT_KINDS, type MovementKind } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

const optional = (v: string) => (v.trim() === '' ? undefined : v.trim());

function CreateMovementForm({ onDone }: { onDone: () => void }) {
  const { t } = useTexts(appTexts);
  const mv = useTexts(movementsTexts);
  const navigate = useNavigate();
  const create = useCreateMovement();
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [kind, setKind] = useState<MovementKind>('campaign');
  const [name, setName] = useState('');
  const [slogan, setSlogan] = useState('');
  const [symbol, setSymbol] = useState('KH-UBND');
  const [place, setPlace] = useState('');
  const [periodStart, setPeriodStart] = useState(todayIso());
  const [periodEnd, setPeriodEnd] = useState(`${todayIso().slice(0, 4)}-12-31`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!organisationId) return;
    create.mutate(
      {
        organisationId, kind, name: name.trim(), slogan: optional(slogan), documentSymbol: optional(symbol), place: optional(place),
        periodStart, periodEnd, plan: {},
      },
      {
        onSuccess: (m) => {
          onDone();
          void navigate({ to: '/phong-trao/$id', params: { id: m.id }, search: {} });
        },
      },
    );
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <OrgSelect label={mv.t('create.organisation')} required value={organisationId} onChange={setOrganisationId} data-testid="movement-create-organisation" />
        <AppSelect
          label={mv.t('create.kind')}
          required
          allowDeselect={false}
          value={kind}
          onChange={(v) => v && setKind(v as MovementKind)}
          data={MOVEMENT_KINDS.map((k) => ({ value: k, label: mv.t(`kinds.${k}`) }))}
        />
        <Textarea label={mv.t('create.name')} required minLength={5} autosize minRows={2} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput label={mv.t('create.slogan')} value={slogan} onChange={(e) => setSlogan(e.currentTarget.value)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={mv.t('create.symbol')} description={mv.t('create.symbolHint')} value={symbol}
            onChange={(e) => setSymbol(normaliseSymbol(e.currentTarget.value))}
            error={symbol && !isDocumentSymbol(symbol) ? t('documentNumber.symbolInvalid') : undefined} />
          <TextInput label={mv.t('create.place')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          <DateField label={mv.t('create.periodStart')} required value={periodStart} onChange={setPeriodStart} />
          <DateField label={mv.t('create.periodEnd')} required value={periodEnd} onChange={setPeriodEnd} />
        </SimpleGrid>
        <FormFooter error={create.error} busy={create.isPending} disabled={!organisationId || (symbol !== '' && !isDocumentSymbol(symbol))} onCancel={onDone} submitLabel={mv.t('create.submit')} />
      </Stack>
    </form>
  );
}

export function CreateMovementButton() {
  const mv = useTexts(movementsTexts);
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button onClick={() => setOpened(true)} data-testid="movement-create">
        {mv.t('create.button')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={mv.t('create.title')} size="lg">
        <CreateMovementForm onDone={() => setOpened(false)} />
      </AppModal>
    </>
  );
}
