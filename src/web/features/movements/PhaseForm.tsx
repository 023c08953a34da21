import { useState, type FormEvent } from 'react';
import { Button, Group, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { useUpdateMovement } from './api.ts';
import { FormFooter, linesOf } from './editing.tsx';
import { PHASE_KINDS, type MovementDetail, type Phase, type PhaseInput, type PhaseKind } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';

type DueFromChoice = 'subordinates' | 'issuer' | 'named';

/**
 * The phases as the server takes them back; the order and every other phase stay as they are. A phase
 * copied from the parent plan is sent with its `inheritedFrom`, for a server that keeps it.
 */
export function phaseInputs(phases: Phase[]): PhaseInput[] {
  return phases.map((p) => ({
    id: p.id, kind: p.kind, title: p.title, startsOn: p.startsOn, dueOn: p.dueOn, dueFrom: p.dueFrom, outline: p.outline, inheritedFrom: p.inheritedFrom,
  }));
}

function outlineText(section: { title: string; points: string[] }): string {
  return [section.title, ...section.points].join('\n');
}

/** Add a phase (no `phase`) or edit one, saving the whole list of phases. */
export function PhaseForm({ movement, phase, onDone }: { movement: MovementDetail; phase?: Phase; onDone: () => void }) {
  const mv = useTexts(movementsTexts);
  const update = useUpdateMovement(movement.id);
  const [kind, setKind] = useState<PhaseKind>(phase?.kind ?? 'response_plan');
  const [title, setTitle] = useState(phase?.title ?? mv.t('phaseKinds.response_plan'));
  const [startsOn, setStartsOn] = useState(phase?.startsOn ?? '');
  const [dueOn, setDueOn] = useState(phase?.dueOn ?? '');
  const initialChoice: DueFromChoice = !phase || phase.dueFrom === 'subordinates' ? 'subordinates' : phase.dueFrom === 'issuer' ? 'issuer' : 'named';
  const [dueFromChoice, setDueFromChoice] = useState<DueFromChoice>(initialChoice);
  const [dueFromNamed, setDueFromNamed] = useState(initialChoice === 'named' ? (phase?.dueFrom ?? '') : '');
  const [sections, setSections] = useState<string[]>(phase?.outline?.map(outlineText) ?? []);

  const inverted = startsOn !== '' && dueOn !== '' && dueOn < startsOn;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const outline = sections
      .map(linesOf)
      .filter((lines) => lines.length > 0)
      .map(([first = '', ...points]) => ({ title: first, points }));
    const item: PhaseInput = {
      kind,
      title: title.trim(),
      startsOn: startsOn || null,
      dueOn: dueOn || null,
      dueFrom: dueFromChoice === 'named' ? dueFromNamed.trim() : dueFromChoice,
      outline: outline.length > 0 ? outline : null,
    };
    const phases = phase
      ? movement.phases.map((p) => (p.id === phase.id ? { ...p, ...item } : p))
      : [...movement.phases, { ...item, id: crypto.randomUUID(), inheritedFrom: null }];
    update.mutate({ phases: phaseInputs(phases) }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <AppSelect
          label={mv.t('editor.phaseKind')}
          required
          allowDeselect={false}
          value={kind}
          onChange={(v) => {
            if (!v) return;
            const next = v as PhaseKind;
            // a title still equal to the old kind's name follows the kind
            if (title.trim() === '' || title === mv.t(`phaseKinds.${kind}`)) setTitle(mv.t(`phaseKinds.${next}`));
            setKind(next);
          }}
          data={PHASE_KINDS.map((k) => ({ value: k, label: mv.t(`phaseKinds.${k}`) }))}
          data-autofocus
        />
        <TextInput label={mv.t('phases.title')} required minLength={2} maxLength={500} value={title} onChange={(e) => setTitle(e.currentTarget.value)} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label={mv.t('phases.from')} clearable value={startsOn} onChange={setStartsOn} />
          <DateField
            label={mv.t('phases.due')}
            clearable
            value={dueOn}
            onChange={setDueOn}
            error={inverted ? mv.t('editor.dueBeforeStart') : undefined}
          />
        </SimpleGrid>
        <AppSelect
          label={mv.t('phases.dueFrom')}
          required
          allowDeselect={false}
          value={dueFromChoice}
          onChange={(v) => v && setDueFromChoice(v as DueFromChoice)}
          data={[
            { value: 'subordinates', label: mv.t('phases.dueFromValues.subordinates') },
            { value: 'issuer', label: mv.t('phases.dueFromValues.issuer') },
            { value: 'named', label: mv.t('editor.dueFromNamed') },
          ]}
        />
        {dueFromChoice === 'named' && (
          <TextInput
            label={mv.t('editor.dueFromUnits')}
            required
            maxLength={1000}
            value={dueFromNamed}
            onChange={(e) => setDueFromNamed(e.currentTarget.value)}
          />
        )}
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Text component="legend" fw={600} size="sm">
            {mv.t('phases.outline')}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {mv.t('editor.outlineHint')}
          </Text>
          <Stack gap="xs">
            {sections.map((section, i) => (
              <Group key={i} align="flex-end" wrap="nowrap">
                <Textarea
                  style={{ flex: 1 }}
                  label={mv.t('editor.outlineSection', { n: i + 1 })}
                  autosize
                  minRows={2}
                  value={section}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setSections((s) => s.map((x, j) => (j === i ? value : x)));
                  }}
                />
                <Button
                  variant="subtle"
                  color="red"
                  aria-label={mv.t('editor.removeSectionLabel', { n: i + 1 })}
                  onClick={() => setSections((s) => s.filter((_, j) => j !== i))}
                >
                  {mv.t('editor.remove')}
                </Button>
              </Group>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => setSections((s) => [...s, ''])}>
                {mv.t('editor.addSection')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
        <FormFooter
          error={update.error}
          busy={update.isPending}
          isNew={!phase}
          disabled={title.trim().length < 2 || inverted || (dueFromChoice === 'named' && dueFromNamed.trim() === '')}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
