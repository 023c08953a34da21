import { useState, type FormEvent, type ReactNode } from 'react';
import { SegmentedControl, Stack, Input, TextInput, Textarea } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { PersonPicker } from '../admin/PersonPicker.tsx';
import { useMovements } from '../movements/api.ts';
import { OrgSelect } from '../organisations/OrgSelect.tsx';
import { EXAMPLE_KINDS, type ExampleDetail, type ExampleInput, type ExampleKind, type SubjectKind } from './api.ts';
import { examplesTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';

const STORY_MAX = 20_000;

/**
 * The fields of a record, for a new one (with the unit that found it) or an existing one. The subject is
 * a person found by name, an organisation, or a citizen typed in.
 */
export function ExampleForm({ initial, withUnit, footer, onSubmit }: {
  initial?: ExampleDetail;
  withUnit: boolean;
  footer: (ready: boolean) => ReactNode;
  onSubmit: (input: ExampleInput & { organisationId?: string }) => void;
}) {
  const { t } = useTexts(examplesTexts);
  const movements = useMovements({});
  const [organisationId, setOrganisationId] = useState<string | null>(null);
  const [kind, setKind] = useState<ExampleKind>(initial?.kind ?? 'typical_example');
  const [subjectKind, setSubjectKind] = useState<SubjectKind>(initial?.subject.kind ?? 'person');
  const [personId, setPersonId] = useState<string | null>(initial?.subject.personId ?? null);
  const [collectiveId, setCollectiveId] = useState<string | null>(initial?.subject.organisationId ?? null);
  const [citizen, setCitizen] = useState(initial?.subject.kind === 'citizen' ? initial.subject.name : '');
  const [detail, setDetail] = useState(initial?.subject.detail ?? '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [story, setStory] = useState(initial?.story ?? '');
  const [movementId, setMovementId] = useState<string | null>(initial?.movement?.id ?? null);

  const subject = subjectKind === 'person' ? (personId ? { kind: 'person' as const, personId, detail } : null)
    : subjectKind === 'collective' ? (collectiveId ? { kind: 'collective' as const, organisationId: collectiveId, detail } : null)
      : citizen.trim() ? { kind: 'citizen' as const, name: citizen.trim(), detail } : null;
  const ready = Boolean(subject) && (!withUnit || Boolean(organisationId));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!subject || (withUnit && !organisationId)) return;
    onSubmit({ kind, subject, title: title.trim(), story, movementId, ...(withUnit && organisationId ? { organisationId } : {}) });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        {withUnit && <OrgSelect label={t('create.unit')} required value={organisationId} onChange={setOrganisationId} data-testid="example-unit" />}
        <AppSelect label={t('create.kind')} required allowDeselect={false} value={kind} onChange={(v) => v && setKind(v as ExampleKind)}
          data={EXAMPLE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))} data-testid="example-kind" />
        <Input.Wrapper label={t('create.subjectKind')} id="example-subject-kind">
          <div>
            <SegmentedControl fullWidth value={subjectKind} onChange={(v) => setSubjectKind(v as SubjectKind)} aria-labelledby="example-subject-kind-label"
              data={(['person', 'collective', 'citizen'] as const).map((k) => ({ value: k, label: t(`subjectKinds.${k}`) }))} data-testid="example-subject-kind" />
          </div>
        </Input.Wrapper>
        {subjectKind === 'person' && <PersonPicker label={t('create.person')} value={personId} onChange={setPersonId}
          chosenLabel={initial?.subject.kind === 'person' ? initial.subject.name : undefined} />}
        {subjectKind === 'collective' && <OrgSelect label={t('create.collective')} required value={collectiveId} onChange={setCollectiveId} />}
        {subjectKind === 'citizen' && (
          <TextInput label={t('create.citizenName')} required minLength={2} maxLength={200} value={citizen}
            onChange={(e) => setCitizen(e.currentTarget.value)} data-testid="example-citizen" />
        )}
        <TextInput label={t('create.detail')} description={t('create.detailHint')} maxLength={300} value={detail} onChange={(e) => setDetail(e.currentTarget.value)} />
        <TextInput label={t('create.titleField')} required minLength={5} maxLength={300} value={title} onChange={(e) => setTitle(e.currentTarget.value)}
          data-testid="example-title" />
        <Textarea label={t('create.story')} description={t('create.storyHint')} required minLength={20} maxLength={STORY_MAX} autosize minRows={6} maxRows={16}
          value={story} onChange={(e) => setStory(e.currentTarget.value)} data-testid="example-story" />
        <AppSelect label={t('create.movement')} clearable searchable value={movementId} onChange={setMovementId}
          data={(movements.data ?? []).map((m) => ({ value: m.id, label: `${m.name} (${m.organisation.name})` }))} />
        {footer(ready)}
      </Stack>
    </form>
  );
}
