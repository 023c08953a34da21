import { useState, type FormEvent } from 'react';
import { SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useUpdateMovement } from './api.ts';
import { FormFooter } from './editing.tsx';
import { SIGNER_AUTHORITIES, type MovementDetail, type Plan, type Signer } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';

const AUTHORITY_LABELS = {
  'TM.': 'documentParts.authorities.TM', 'KT.': 'documentParts.authorities.KT',
  'TL.': 'documentParts.authorities.TL', 'Q.': 'documentParts.authorities.Q',
} as const;

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * The parts of the plan that frame the official document: legal bases (one a line), who signs and in
 * what capacity (TM., KT., …), and where it is sent. A basis keeps its id and its link to a higher
 * movement while it stays on the same line.
 */
export function DocumentPartsForm({ movement, onDone }: { movement: MovementDetail; onDone: () => void }) {
  const mv = useTexts(movementsTexts);
  const update = useUpdateMovement(movement.id);
  const { plan } = movement;
  const [bases, setBases] = useState(plan.legalBases.map((b) => b.text).join('\n'));
  const [recipients, setRecipients] = useState(plan.recipients.join('\n'));
  const [signer, setSigner] = useState<Signer>(plan.signer);
  const set = (patch: Partial<Signer>) => setSigner((s) => ({ ...s, ...patch }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const legalBases: Plan['legalBases'] = lines(bases).map((text, i) => {
      const kept = plan.legalBases.find((b) => b.text === text) ?? plan.legalBases[i];
      return kept ? { ...kept, text } : { id: crypto.randomUUID(), inheritedFrom: null, movementId: null, text };
    });
    update.mutate({ plan: { ...plan, legalBases, recipients: lines(recipients), signer } }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <Textarea label={mv.t('documentParts.legalBases')} description={mv.t('documentParts.oneALine')}
          autosize minRows={3} value={bases} onChange={(e) => setBases(e.currentTarget.value)} data-autofocus />
        <Text fw={600} size="sm">{mv.t('documentParts.signer')}</Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <AppSelect label={mv.t('documentParts.authority')} clearable value={signer.authority}
            onChange={(v) => set({ authority: (v as Signer['authority']) ?? null })}
            data={SIGNER_AUTHORITIES.map((a) => ({ value: a, label: mv.t(AUTHORITY_LABELS[a]) }))} />
          <TextInput label={mv.t('documentParts.authorityBody')} placeholder="ỦY BAN NHÂN DÂN" value={signer.authorityBody}
            onChange={(e) => set({ authorityBody: e.currentTarget.value })} />
          <TextInput label={mv.t('documentParts.title')} placeholder="CHỦ TỊCH" value={signer.title}
            onChange={(e) => set({ title: e.currentTarget.value })} />
          <TextInput label={mv.t('documentParts.name')} value={signer.name} onChange={(e) => set({ name: e.currentTarget.value })} />
        </SimpleGrid>
        <Textarea label={mv.t('documentParts.recipients')} description={mv.t('documentParts.oneALine')}
          autosize minRows={3} value={recipients} onChange={(e) => setRecipients(e.currentTarget.value)} />
        <FormFooter error={update.error} busy={update.isPending} isNew={false} onCancel={onDone} />
      </Stack>
    </form>
  );
}
