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
import { appTexts, type AppT } from '../../app/text.ts';

/** "Bổ sung" / "Điều chỉnh" against the parent plan, in words. */
function ChangeBadge({ kind }: { kind: ChangeKind | undefined }) {
  const { t } = useTexts(appTexts);
  if (kind === 'added') {
    return (
      <Badge variant="light" color="teal" data-testid="content-added-badge">
        {t('movements.content.added')}
      </Badge>
    );
  }
  if (kind === 'changed') {
    return (
      <Badge variant="light" color="orange" data-testid="content-changed-badge">
        {t('movements.content.changed')}
      </Badge>
    );
  }
  return null;
}

function Section({ id, title, children, empty, action }: { id: string; title: string; children: ReactNode; empty: boolean; action?: ReactNode }) {
  const { t } = useTexts(appTexts);
  return (
    <section aria-labelledby={id}>
      <Group gap="sm" mb="xs" align="center">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {empty ? <Text c="dimmed">{t('movements.content.none')}</Text> : children}
    </section>
  );
}

function AddContentButton({ movement }: { movement: MovementDetail }) {
  const { t } = useTexts(appTexts);
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
        {t('movements.content.add')}
      </Button>
      <AppModal opened={opened} onClose={() => setOpened(false)} title={t('movements.content.addTitle')} size="lg">
        <form onSubmit={submit}>
          <Stack>
            <AppSelect
              label={t('movements.content.participantKind')}
              required
              allowDeselect={false}
              value={kind}
              onChange={(v) => v && setKind(v as ParticipantKind)}
              data={PARTICIPANT_KINDS.map((k) => ({ value: k, label: t(`movements.participantKinds.${k}`) }))}
            />
            <TextInput label={t('movements.content.itemTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-autofocus />
            <Textarea label={t('movements.content.itemText')} required autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            <FormFooter error={update.error} busy={update.isPending} disabled={text.trim() === ''} onCancel={() => setOpened(false)} submitLabel={t('common.add')} />
          </Stack>
        </form>
      </AppModal>
    </>
  );
}

function RemoveContentButton({ movement, content }: { movement: MovementDetail; content: Content }) {
  const { t } = useTexts(appTexts);
  const update = useUpdateMovement(movement.id);
  const title = content.title || content.text.slice(0, 60);
  return (
    <ConfirmButton
      size="xs"
      variant="subtle"
      color="red"
      label={t('movements.content.removeLabel', { title })}
      question={t('movements.content.removeQuestion', { title })}
      confirmLabel={t('movements.content.remove')}
      onConfirm={() => update.mutateAsync({ plan: { ...movement.plan, contents: movement.plan.contents.filter((c) => c.id !== content.id) } })}
    >
      {t('movements.content.remove')}
    </ConfirmButton>
  );
}

function quotaText(q: Quota, t: AppT): string {
  const parts = [
    q.collectives !== null && t('movements.content.quotaCollectives', { count: q.collectives }),
    q.individuals !== null && t('movements.content.quotaIndividuals', { count: q.individuals }),
    q.total !== null && t('movements.content.quotaTotal', { count: q.total }),
  ].filter(Boolean);
  return `${q.appliesTo.label || t('movements.content.quotaEvery')}: ${parts.join(', ')}`;
}

/** The plan's body, read-only, with what this unit added or adjusted against its parent plan marked. */
export function ContentTab({ movement }: { movement: MovementDetail }) {
  const { t } = useTexts(appTexts);
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
            editTitle={t(`movements.editor.${list}Edit`)}
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
          {t('movements.content.compare', { added: count('added'), changed: count('changed'), removed: count('removed') })}
        </Text>
      )}
      {editable && (
        <Group>
          <AddContentButton movement={movement} />
          <EditorButton variant="default" title={t('movements.documentParts.dialogTitle')} testId="movement-document-parts"
            form={(close) => <DocumentPartsForm movement={movement} onDone={close} />}>
            {t('movements.documentParts.button')}
          </EditorButton>
        </Group>
      )}
      <Section
        id="mv-purposes"
        title={t('movements.content.purposes')}
        empty={plan.purposes.length === 0}
        action={addButton(t('movements.editor.add'), t('movements.editor.purposesAdd'), 'movement-add-purpose', (close) => (
          <ParagraphForm movement={movement} list="purposes" onDone={close} />
        ))}
      >
        <List spacing="xs">{paragraphs('purposes')}</List>
      </Section>
      {(editable || plan.requirements.length > 0) && (
        <Section
          id="mv-requirements"
          title={t('movements.content.requirements')}
          empty={plan.requirements.length === 0}
          action={addButton(t('movements.editor.add'), t('movements.editor.requirementsAdd'), 'movement-add-requirement', (close) => (
            <ParagraphForm movement={movement} list="requirements" onDone={close} />
          ))}
        >
          <List spacing="xs">{paragraphs('requirements')}</List>
        </Section>
      )}
      <Section
        id="mv-participants"
        title={t('movements.content.participants')}
        empty={plan.participants.length === 0}
        action={addButton(t('movements.editor.add'), t('movements.editor.participantAdd'), 'movement-add-participant', (close) => (
          <ParticipantForm movement={movement} onDone={close} />
        ))}
      >
        <List spacing="xs">
          {plan.participants.map((p) => (
            <List.Item key={p.id}>
              <Text span fw={600}>
                {t(`movements.participantKinds.${p.kind}`)}
              </Text>
              {p.scope && `: ${p.scope}`} <ChangeBadge kind={changes.get(p.id)} />
              {editable && (
                <ItemActions
                  name={`${t(`movements.participantKinds.${p.kind}`)}${p.scope ? `: ${p.scope}` : ''}`}
                  editTitle={t('movements.editor.participantEdit')}
                  form={(close) => <ParticipantForm movement={movement} item={p} onDone={close} />}
                  onRemove={() => savePlan({ participants: plan.participants.filter((x) => x.id !== p.id) })}
                />
              )}
            </List.Item>
          ))}
        </List>
      </Section>
      <Section id="mv-contents" title={t('movements.content.contents')} empty={plan.contents.length === 0}>
        <Stack>
          {kindsInUse.map((kind) => (
            <div key={kind}>
              <Title order={3} size="h5" mb="xs">
                {t(`movements.participantKinds.${kind}`)}
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
        title={t('movements.content.criteria')}
        empty={plan.criteria.length === 0}
        action={addButton(t('movements.editor.add'), t('movements.editor.criterionAdd'), 'movement-add-criterion', (close) => (
          <CriterionForm movement={movement} onDone={close} />
        ))}
      >
        <List spacing="xs">
          {plan.criteria.map((c) => (
            <List.Item key={c.id}>
              <Text span fw={600}>
                {formName(c.awardForm)} ({t(`movements.participantKinds.${c.participantKind}`)})
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
                  editTitle={t('movements.editor.criterionEdit')}
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
        title={t('movements.content.awards')}
        empty={plan.awards.length === 0}
        action={addButton(t('movements.editor.add'), t('movements.editor.awardAdd'), 'movement-add-award', (close) => (
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
                    editTitle={t('movements.editor.awardEdit')}
                    form={(close) => <AwardForm movement={movement} award={a} onDone={close} />}
                    onRemove={() => savePlan({ awards: plan.awards.filter((x) => x.id !== a.id) })}
                  />
                )}
              </Group>
              <Text size="sm">
                {t('movements.content.recipients')}: {a.recipients.map((r) => t(`movements.participantKinds.${r}`)).join(', ')}
              </Text>
              {a.proposedBy && (
                <Text size="sm">
                  {t('movements.content.proposedBy')}: {a.proposedBy}
                </Text>
              )}
              {a.quotas.map((q) => (
                <Text size="sm" key={q.id}>
                  {t('movements.content.quota')} — {quotaText(q, t)}
                </Text>
              ))}
              {a.window && <Text size="sm">{t('movements.content.window', { from: formatDate(a.window.opens), to: formatDate(a.window.closes) })}</Text>}
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
                      {t(`movements.content.${key}`)}:
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
        title={t('movements.content.tasks')}
        empty={plan.tasks.length === 0}
        action={addButton(t('movements.editor.add'), t('movements.editor.taskAdd'), 'movement-add-task', (close) => (
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
              {task.dueOn && ` (${t('movements.content.due', { date: formatDate(task.dueOn) })})`} <ChangeBadge kind={changes.get(task.id)} />
              {editable && (
                <ItemActions
                  name={`${task.ownerName}: ${task.text}`}
                  editTitle={t('movements.editor.taskEdit')}
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
