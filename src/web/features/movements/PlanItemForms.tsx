import { useState, type FormEvent } from 'react';
import { Stack, TextInput, Textarea } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { useOrgTree } from '../organisations/api.ts';
import { todayIso } from '../../app/format.ts';
import { useUpdateMovement } from './api.ts';
import { AwardFormSelect } from './AwardForm.tsx';
import { FormFooter, upsert } from './editing.tsx';
import {
  PARTICIPANT_KINDS, type Criterion, type MovementDetail, type Paragraph, type Participant, type ParticipantKind, type Task,
} from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts, type MovementsT } from './text.ts';

export type ParagraphList = 'purposes' | 'requirements';

/** Add or edit one paragraph of the purposes or the requirements. */
export function ParagraphForm({ movement, list, item, onDone }: { movement: MovementDetail; list: ParagraphList; item?: Paragraph; onDone: () => void }) {
  const mv = useTexts(movementsTexts);
  const update = useUpdateMovement(movement.id);
  const [text, setText] = useState(item?.text ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Paragraph = { id: item?.id ?? crypto.randomUUID(), inheritedFrom: item?.inheritedFrom ?? null, text: text.trim() };
    update.mutate({ plan: { ...movement.plan, [list]: upsert(movement.plan[list], next) } }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <Textarea
          label={mv.t(`editor.${list}Text`)}
          required
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-autofocus
        />
        <FormFooter error={update.error} busy={update.isPending} isNew={!item} disabled={text.trim() === ''} onCancel={onDone} />
      </Stack>
    </form>
  );
}

const participantOptions = (mvT: MovementsT) =>
  PARTICIPANT_KINDS.map((k) => ({ value: k, label: mvT(`participantKinds.${k}`) }));

/** Add or edit a criterion; its machine-readable rule, if any, is kept as it is. */
export function CriterionForm({ movement, item, onDone }: { movement: MovementDetail; item?: Criterion; onDone: () => void }) {
  const mv = useTexts(movementsTexts);
  const update = useUpdateMovement(movement.id);
  const [awardForm, setAwardForm] = useState<string | null>(item?.awardForm ?? null);
  const [kind, setKind] = useState<ParticipantKind>(item?.participantKind ?? 'collective');
  const [text, setText] = useState(item?.text ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!awardForm) return;
    const next: Criterion = item
      ? { ...item, awardForm, participantKind: kind, text: text.trim() }
      : { id: crypto.randomUUID(), inheritedFrom: null, awardForm, participantKind: kind, text: text.trim(), rule: null };
    update.mutate({ plan: { ...movement.plan, criteria: upsert(movement.plan.criteria, next) } }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <AwardFormSelect saved={item?.awardForm} value={awardForm} onChange={setAwardForm} />
        <AppSelect
          label={mv.t('content.participantKind')}
          required
          allowDeselect={false}
          value={kind}
          onChange={(v) => v && setKind(v as ParticipantKind)}
          data={participantOptions(mv.t)}
        />
        <Textarea
          label={mv.t('editor.criterionText')}
          required
          autosize
          minRows={3}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-autofocus={item ? true : undefined}
        />
        <FormFooter error={update.error} busy={update.isPending} isNew={!item} disabled={!awardForm || text.trim() === ''} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Add or edit who takes part: a kind of participant and, in words, which ones. */
export function ParticipantForm({ movement, item, onDone }: { movement: MovementDetail; item?: Participant; onDone: () => void }) {
  const mv = useTexts(movementsTexts);
  const update = useUpdateMovement(movement.id);
  const [kind, setKind] = useState<ParticipantKind>(item?.kind ?? 'collective');
  const [scope, setScope] = useState(item?.scope ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Participant = { id: item?.id ?? crypto.randomUUID(), inheritedFrom: item?.inheritedFrom ?? null, kind, scope: scope.trim() };
    update.mutate({ plan: { ...movement.plan, participants: upsert(movement.plan.participants, next) } }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <AppSelect
          label={mv.t('content.participantKind')}
          required
          allowDeselect={false}
          value={kind}
          onChange={(v) => v && setKind(v as ParticipantKind)}
          data={participantOptions(mv.t)}
          data-autofocus
        />
        <Textarea label={mv.t('editor.scope')} autosize minRows={2} maxLength={5000} value={scope} onChange={(e) => setScope(e.currentTarget.value)} />
        <FormFooter error={update.error} busy={update.isPending} isNew={!item} onCancel={onDone} />
      </Stack>
    </form>
  );
}

/** Add or edit a task of the implementation: who, what, by when. */
export function TaskForm({ movement, item, onDone }: { movement: MovementDetail; item?: Task; onDone: () => void }) {
  const mv = useTexts(movementsTexts);
  const update = useUpdateMovement(movement.id);
  const tree = useOrgTree(todayIso());
  const [ownerOrganisationId, setOwnerOrganisationId] = useState<string | null>(item?.ownerOrganisationId ?? null);
  const [ownerName, setOwnerName] = useState(item?.ownerName ?? '');
  const [text, setText] = useState(item?.text ?? '');
  const [dueOn, setDueOn] = useState(item?.dueOn ?? '');
  const pickOwner = (id: string | null) => {
    setOwnerOrganisationId(id);
    const name = tree.data?.find((o) => o.id === id)?.name;
    if (name && ownerName.trim() === '') setOwnerName(name);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Task = {
      id: item?.id ?? crypto.randomUUID(), inheritedFrom: item?.inheritedFrom ?? null,
      ownerOrganisationId, ownerName: ownerName.trim(), text: text.trim(), dueOn: dueOn || null,
    };
    update.mutate({ plan: { ...movement.plan, tasks: upsert(movement.plan.tasks, next) } }, { onSuccess: onDone });
  };
  return (
    <form onSubmit={submit}>
      <Stack>
        <OrgSelect label={mv.t('editor.ownerOrganisation')} clearable value={ownerOrganisationId} onChange={pickOwner} />
        <TextInput
          label={mv.t('editor.ownerName')}
          required
          maxLength={500}
          value={ownerName}
          onChange={(e) => setOwnerName(e.currentTarget.value)}
          data-autofocus
        />
        <Textarea label={mv.t('editor.taskText')} required autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />
        <DateField label={mv.t('phases.due')} clearable value={dueOn} onChange={setDueOn} />
        <FormFooter
          error={update.error}
          busy={update.isPending}
          isNew={!item}
          disabled={ownerName.trim() === '' || text.trim() === ''}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
