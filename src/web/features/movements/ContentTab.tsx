import { useState, type FormEvent, type ReactNode } from 'react';
import { Badge, Button, Group, List, Paper, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { recordsTexts } from '../records/text.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { useAwardForms, useUpdateMovement } from './api.ts';
import { AwardForm } from './AwardForm.tsx';
import { EditorButton, isEditable, ItemActions } from './editing.tsx';
import { DocumentPartsForm } from './DocumentPartsForm.tsx';
import { CriterionForm, ParagraphForm, ParticipantForm, TaskForm, type ParagraphList } from './PlanItemForms.tsx';
import { PARTICIPANT_KINDS, type ChangeKind, type Content, type MovementDetail, type ParticipantKind, type Plan, type Quota } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts, type MovementsT } from './text.ts';
import { appTexts } from '../../app/text.ts';

/** "Bổ sung" / "Điều chỉnh" against the parent plan, in words. */
function ChangeBadge({ kind }: { kind: ChangeKind | undefined }) {
  const mv = useTexts(movementsTexts);
  if (kind === 'added') {
    return (
      <Badge variant="light" color="teal" data-testid="content-added-badge">
        {mv.t('content.added')}
      </Badge>
    );
  }
  if (kind === 'changed') {
    return (
      <Badge variant="light" color="orange" data-testid="content-changed-badge">
        {mv.t('content.changed')}
      </Badge>
    );
  }
  return null;
}

function Section({ id, title, children, empty, action }: { id: string; title: string; children: ReactNode; empty: boolean; action?: ReactNode }) {
  const mv = useTexts(movementsTexts);
  return (
    <section aria-labelledby={id}>
      <Group gap="sm" mb="xs" align="center">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {empty ? <Text c="dimmed">{mv.t('content.none')}</Text> : children}
    </section>
  );
}

function AddContentButton({ movement }: { movement: MovementDetail }) {
  const { t } = useTexts(appTexts);
  const mv = useTexts(movementsTexts);
  const update = useUpdateMovement(movement.id);
  const [opened, setOpened] = useState(false);
  const [kind, setKind] = useState<ParticipantKind>('collective');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const item: Content = { id: crypto.randomUUID(), inheritedFrom: null, participantKind: kind, title: title.trim(), text: text.trim(), points: [] };
    update.mutate(
      { plan: { ...movement.plan, contents: [...movement.plan.contents, item] } },
      {
        onSuccess: () => {
          setOpened(false);
          setTitle('');
          setText('');
        },
      },
    );
  };
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)} data-testid="movement-add-content">
        {mv.t('content.add')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={mv.t('content.addTitle')} size="lg">
        <form onSubmit={submit}>
          <Stack>
            <AppSelect
              label={mv.t('content.participantKind')}
              required
              allowDeselect={false}
              value={kind}
              onChange={(v) => v && setKind(v as ParticipantKind)}
              data={PARTICIPANT_KINDS.map((k) => ({ value: k, label: mv.t(`participantKinds.${k}`) }))}
            />
            <TextInput label={mv.t('content.itemTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus />
            <Textarea label={mv.t('content.itemText')} required autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            <FormFooter error={update.error} busy={update.isPending} disabled={text.trim() === ''} onCancel={() => setOpened(false)} submitLabel={t('common.add')} />
          </Stack>
        </form>
      </AppModal>
    </>
  );
}

function RemoveContentButton({ movement, content }: { movement: MovementDetail; content: Content }) {
  const mv = useTexts(movementsTexts);
  const update = useUpdateMovement(movement.id);
  const title = content.title || content.text.slice(0, 60);
  return (
    <ConfirmButton
      size="xs"
      variant="subtle"
      color="red"
      label={mv.t('content.removeLabel', { title })}
      question={mv.t('content.removeQuestion', { title })}
      confirmLabel={mv.t('content.remove')}
      onConfirm={() => update.mutateAsync({ plan: { ...movement.plan, contents: movement.plan.contents.filter((c) => c.id !== content.id) } })}
    >
      {mv.t('content.remove')}
    </ConfirmButton>
  );
}

function quotaText(q: Quota, mvT: MovementsT): string {
  const parts = [
    q.collectives !== null && mvT('content.quotaCollectives', { count: q.collectives }),
    q.individuals !== null && mvT('content.quotaIndividuals', { count: q.individuals }),
    q.total !== null && mvT('content.quotaTotal', { count: q.total }),
  ].filter(Boolean);
  return `${q.appliesTo.label || mvT('content.quotaEvery')}: ${parts.join(', ')}`;
}

/** The plan's body, read-only, with what this unit added or adjusted against its parent plan marked. */
export function ContentTab({ movement }: { movement: MovementDetail }) {
  const mv = useTexts(movementsTexts);
  const { t: records } = useTexts(recordsTexts);
  const awardForms = useAwardForms();
  const formName = (code: string) => awardForms.data?.find((f) => f.code === code)?.name ?? code;
  const { plan } = movement;
  const changes = new Map(movement.changesAgainstParent.filter((c) => c.kind !== 'removed').map((c) => [c.id, c.kind]));
  const count = (kind: ChangeKind) => movement.changesAgainstParent.filter((c) => c.kind === kind).length;
  const editable = isEditable(movement);
  const update = useUpdateMovement(movement.id);
  const savePlan = (patch: Partial<Plan>) => update.mutateAsync({ plan: { ...plan, ...patch } });
  const addButton = (label: string, title: string, testId: string, form: (close: () => void) => ReactNode) =>
    editable && (
      <EditorButton variant="light" size="compact-sm" title={title} label={title} testId={testId} form={form}>
        {label}
      </EditorButton>
    );
  const paragraphs = (list: ParagraphList) =>
    plan[list].map((p) => (
      <List.Item key={p.id}>
        {p.text} <ChangeBadge kind={changes.get(p.id)} />
        {editable && (
          <ItemActions
            name={p.text}
            editTitle={mv.t(`editor.${list}Edit`)}
            form={(close) => <ParagraphForm movement={movement} list={list} item={p} onDone={close} />}
            onRemove={() => savePlan({ [list]: plan[list].filter((x) => x.id !== p.id) })}
          />
        )}
      </List.Item>
    ));
  const kindsInUse = PARTICIPANT_KINDS.filter((k) => plan.contents.some((c) => c.participantKind === k));

  return (
    <Stack gap="lg">
      {movement.parent && (
        <Text fw={600} data-testid="movement-compare">
          {mv.t('content.compare', { added: count('added'), changed: count('changed'), removed: count('removed') })}
        </Text>
      )}
      {editable && (
        <Group>
          <AddContentButton movement={movement} />
          <EditorButton variant="default" title={mv.t('documentParts.dialogTitle')} testId="movement-document-parts"
            form={(close) => <DocumentPartsForm movement={movement} onDone={close} />}>
            {mv.t('documentParts.button')}
          </EditorButton>
        </Group>
      )}
      <Section
        id="mv-purposes"
        title={mv.t('content.purposes')}
        empty={plan.purposes.length === 0}
        action={addButton(mv.t('editor.add'), mv.t('editor.purposesAdd'), 'movement-add-purpose', (close) => (
          <ParagraphForm movement={movement} list="purposes" onDone={close} />
        ))}
      >
        <List spacing="xs">{paragraphs('purposes')}</List>
      </Section>
      {(editable || plan.requirements.length > 0) && (
        <Section
          id="mv-requirements"
          title={mv.t('content.requirements')}
          empty={plan.requirements.length === 0}
          action={addButton(mv.t('editor.add'), mv.t('editor.requirementsAdd'), 'movement-add-requirement', (close) => (
            <ParagraphForm movement={movement} list="requirements" onDone={close} />
          ))}
        >
          <List spacing="xs">{paragraphs('requirements')}</List>
        </Section>
      )}
      <Section
        id="mv-participants"
        title={mv.t('content.participants')}
        empty={plan.participants.length === 0}
        action={addButton(mv.t('editor.add'), mv.t('editor.participantAdd'), 'movement-add-participant', (close) => (
          <ParticipantForm movement={movement} onDone={close} />
        ))}
      >
        <List spacing="xs">
          {plan.participants.map((p) => (
            <List.Item key={p.id}>
              <Text span fw={600}>
                {mv.t(`participantKinds.${p.kind}`)}
              </Text>
              {p.scope && `: ${p.scope}`} <ChangeBadge kind={changes.get(p.id)} />
              {editable && (
                <ItemActions
                  name={`${mv.t(`participantKinds.${p.kind}`)}${p.scope ? `: ${p.scope}` : ''}`}
                  editTitle={mv.t('editor.participantEdit')}
                  form={(close) => <ParticipantForm movement={movement} item={p} onDone={close} />}
                  onRemove={() => savePlan({ participants: plan.participants.filter((x) => x.id !== p.id) })}
                />
              )}
            </List.Item>
          ))}
        </List>
      </Section>
      <Section id="mv-contents" title={mv.t('content.contents')} empty={plan.contents.length === 0}>
        <Stack>
          {kindsInUse.map((kind) => (
            <div key={kind}>
              <Title order={3} size="h5" mb="xs">
                {mv.t(`participantKinds.${kind}`)}
              </Title>
              <Stack gap="xs" component="ol" style={{ paddingInlineStart: '1.25rem', margin: 0 }}>
                {plan.contents
                  .filter((c) => c.participantKind === kind)
                  .map((c) => (
                    <li key={c.id} data-testid="movement-content">
                      <Group gap="xs" wrap="wrap">
                        {c.title && <Text fw={600}>{c.title}</Text>}
                        <ChangeBadge kind={changes.get(c.id)} />
                        {editable && c.inheritedFrom === null && <RemoveContentButton movement={movement} content={c} />}
                      </Group>
                      <Text style={{ whiteSpace: 'pre-line' }}>{c.text}</Text>
                      {c.points.length > 0 && (
                        <List type="ordered" listStyleType="lower-alpha" size="sm" mt={4}>
                          {c.points.map((p) => (
                            <List.Item key={p.id}>
                              {p.text} <ChangeBadge kind={changes.get(p.id)} />
                            </List.Item>
                          ))}
                        </List>
                      )}
                    </li>
                  ))}
              </Stack>
            </div>
          ))}
        </Stack>
      </Section>
      <Section
        id="mv-criteria"
        title={mv.t('content.criteria')}
        empty={plan.criteria.length === 0}
        action={addButton(mv.t('editor.add'), mv.t('editor.criterionAdd'), 'movement-add-criterion', (close) => (
          <CriterionForm movement={movement} onDone={close} />
        ))}
      >
        <List spacing="xs">
          {plan.criteria.map((c) => (
            <List.Item key={c.id}>
              <Text span fw={600}>
                {formName(c.awardForm)} ({mv.t(`participantKinds.${c.participantKind}`)})
              </Text>
              : {c.text} <ChangeBadge kind={changes.get(c.id)} />
              {c.rule != null && (
                <AnchorLink to="/ai-du-dieu-kien" search={{ movement: movement.id, criterion: c.id, org: movement.organisation.id }} ml="xs" size="sm"
                  data-testid="criterion-who-qualifies">
                  {records('whoQualifies.checkCriterion')}
                </AnchorLink>
              )}
              {editable && (
                <ItemActions
                  name={`${formName(c.awardForm)}: ${c.text}`}
                  editTitle={mv.t('editor.criterionEdit')}
                  form={(close) => <CriterionForm movement={movement} item={c} onDone={close} />}
                  onRemove={() => savePlan({ criteria: plan.criteria.filter((x) => x.id !== c.id) })}
                />
              )}
            </List.Item>
          ))}
        </List>
      </Section>
      <Section
        id="mv-awards"
        title={mv.t('content.awards')}
        empty={plan.awards.length === 0}
        action={addButton(mv.t('editor.add'), mv.t('editor.awardAdd'), 'movement-add-award', (close) => (
          <AwardForm movement={movement} onDone={close} />
        ))}
      >
        <Stack gap="sm">
          {plan.awards.map((a) => (
            <Paper key={a.id} withBorder p="sm" data-testid="movement-award">
              <Group gap="xs">
                <Text fw={600}>{formName(a.awardForm)}</Text>
                {a.phase && (
                  <Text size="sm" c="dimmed">
                    ({a.phase})
                  </Text>
                )}
                <ChangeBadge kind={changes.get(a.id)} />
                {editable && (
                  <ItemActions
                    name={formName(a.awardForm)}
                    editTitle={mv.t('editor.awardEdit')}
                    form={(close) => <AwardForm movement={movement} award={a} onDone={close} />}
                    onRemove={() => savePlan({ awards: plan.awards.filter((x) => x.id !== a.id) })}
                  />
                )}
              </Group>
              <Text size="sm">
                {mv.t('content.recipients')}: {a.recipients.map((r) => mv.t(`participantKinds.${r}`)).join(', ')}
              </Text>
              {a.proposedBy && (
                <Text size="sm">
                  {mv.t('content.proposedBy')}: {a.proposedBy}
                </Text>
              )}
              {a.quotas.map((q) => (
                <Text size="sm" key={q.id}>
                  {mv.t('content.quota')} — {quotaText(q, mv.t)}
                </Text>
              ))}
              {a.window && <Text size="sm">{mv.t('content.window', { from: formatDate(a.window.opens), to: formatDate(a.window.closes) })}</Text>}
              {(
                [
                  ['priorities', a.priorities],
                  ['exclusions', a.exclusions],
                  ['dossier', a.dossier],
                ] as const
              )
                .filter(([, items]) => items.length > 0)
                .map(([key, items]) => (
                  <div key={key}>
                    <Text size="sm" fw={600}>
                      {mv.t(`content.${key}`)}:
                    </Text>
                    <List size="sm">
                      {items.map((p) => (
                        <List.Item key={p.id}>{p.text}</List.Item>
                      ))}
                    </List>
                  </div>
                ))}
            </Paper>
          ))}
        </Stack>
      </Section>
      <Section
        id="mv-tasks"
        title={mv.t('content.tasks')}
        empty={plan.tasks.length === 0}
        action={addButton(mv.t('editor.add'), mv.t('editor.taskAdd'), 'movement-add-task', (close) => (
          <TaskForm movement={movement} onDone={close} />
        ))}
      >
        <List spacing="xs">
          {plan.tasks.map((task) => (
            <List.Item key={task.id}>
              <Text span fw={600}>
                {task.ownerName}
              </Text>
              : {task.text}
              {task.dueOn && ` (${mv.t('content.due', { date: formatDate(task.dueOn) })})`} <ChangeBadge kind={changes.get(task.id)} />
              {editable && (
                <ItemActions
                  name={`${task.ownerName}: ${task.text}`}
                  editTitle={mv.t('editor.taskEdit')}
                  form={(close) => <TaskForm movement={movement} item={task} onDone={close} />}
                  onRemove={() => savePlan({ tasks: plan.tasks.filter((x) => x.id !== task.id) })}
                />
              )}
            </List.Item>
          ))}
        </List>
      </Section>
    </Stack>
  );
}
