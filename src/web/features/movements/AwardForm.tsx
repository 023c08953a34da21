import { useState, type FormEvent } from 'react';
import { Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { useAwardForms, useUpdateMovement } from './api.ts';
import { FormFooter, linesFrom, paragraphsFrom, upsert } from './editing.tsx';
import { AWARD_RECIPIENTS, type Award, type MovementDetail, type Quota } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';
import { appTexts } from '../../app/text.ts';

type Recipient = (typeof AWARD_RECIPIENTS)[number];

interface QuotaRow {
  /** the quota this row edits, or null for a new one */
  quota: Quota | null;
  key: string;
  label: string;
  collectives: number | string;
  individuals: number | string;
  total: number | string;
}

const count = (v: number | string): number | null => (v === '' || v === null ? null : Number(v));

function rowOf(q: Quota): QuotaRow {
  return { quota: q, key: q.id, label: q.appliesTo.label, collectives: q.collectives ?? '', individuals: q.individuals ?? '', total: q.total ?? '' };
}

/** The award forms for a select, with the current one kept even when the catalogue no longer lists it. */
function useAwardFormOptions(current: string | undefined) {
  const forms = useAwardForms();
  const options = (forms.data ?? []).map((f) => ({ value: f.code, label: f.name }));
  if (current && !options.some((o) => o.value === current)) options.unshift({ value: current, label: current });
  return options;
}

/** The award form picker of every plan editor; the saved value stays listed even if the catalogue lacks it. */
export function AwardFormSelect({ saved, value, onChange }: { saved: string | undefined; value: string | null; onChange: (v: string | null) => void }) {
  const { t } = useTexts(appTexts);
  const mv = useTexts(movementsTexts);
  const options = useAwardFormOptions(saved);
  return (
    <AppSelect
      label={mv.t('editor.awardForm')}
      required
      searchable
      allowDeselect={false}
      value={value}
      onChange={onChange}
      data={options}
      nothingFoundMessage={t('common.nothingFound')}
      // a searchable select opens its list on focus: start there only when the form is to be chosen
      data-autofocus={saved ? undefined : true}
    />
  );
}

/** Add an award (no `award`) or edit one, saving the whole plan. */
export function AwardForm({ movement, award, onDone }: { movement: MovementDetail; award?: Award; onDone: () => void }) {
  const mv = useTexts(movementsTexts);
  const update = useUpdateMovement(movement.id);
  const [awardForm, setAwardForm] = useState<string | null>(award?.awardForm ?? null);
  const [recipients, setRecipients] = useState<string[]>(award?.recipients ?? ['collective', 'individual']);
  const [phase, setPhase] = useState(award?.phase ?? '');
  const [proposedBy, setProposedBy] = useState(award?.proposedBy ?? '');
  const [quotas, setQuotas] = useState<QuotaRow[]>(award?.quotas.map(rowOf) ?? []);
  const [opens, setOpens] = useState(award?.window?.opens ?? '');
  const [closes, setCloses] = useState(award?.window?.closes ?? '');
  const [dossier, setDossier] = useState(linesFrom(award?.dossier ?? []));
  const [priorities, setPriorities] = useState(linesFrom(award?.priorities ?? []));
  const [exclusions, setExclusions] = useState(linesFrom(award?.exclusions ?? []));

  const halfWindow = (opens === '') !== (closes === '');
  const setRow = (key: string, patch: Partial<QuotaRow>) => setQuotas((rows) => rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!awardForm || halfWindow) return;
    const item: Award = {
      id: award?.id ?? crypto.randomUUID(),
      inheritedFrom: award?.inheritedFrom ?? null,
      awardForm,
      recipients: AWARD_RECIPIENTS.filter((r) => recipients.includes(r)),
      phase: phase.trim(),
      proposedBy: proposedBy.trim(),
      quotas: quotas.map((r) => ({
        id: r.quota?.id ?? crypto.randomUUID(),
        inheritedFrom: r.quota?.inheritedFrom ?? null,
        appliesTo: { organisationIds: r.quota?.appliesTo.organisationIds ?? [], label: r.label.trim() },
        collectives: count(r.collectives),
        individuals: count(r.individuals),
        total: count(r.total),
      })),
      window: opens && closes ? { opens, closes } : null,
      dossier: paragraphsFrom(dossier, award?.dossier ?? []),
      priorities: paragraphsFrom(priorities, award?.priorities ?? []),
      exclusions: paragraphsFrom(exclusions, award?.exclusions ?? []),
    };
    update.mutate({ plan: { ...movement.plan, awards: upsert(movement.plan.awards, item) } }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit}>
      <Stack>
        <AwardFormSelect saved={award?.awardForm} value={awardForm} onChange={setAwardForm} />
        <Checkbox.Group label={mv.t('content.recipients')} required value={recipients} onChange={setRecipients}>
          <Group mt={4}>
            {AWARD_RECIPIENTS.map((r: Recipient) => (
              <Checkbox key={r} value={r} label={mv.t(`participantKinds.${r}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={mv.t('editor.awardPhase')}
            description={mv.t('editor.awardPhaseHint')}
            maxLength={100}
            data-autofocus={award ? true : undefined}
            value={phase}
            onChange={(e) => setPhase(e.currentTarget.value)}
          />
          <TextInput label={mv.t('content.proposedBy')} maxLength={1000} value={proposedBy} onChange={(e) => setProposedBy(e.currentTarget.value)} />
        </SimpleGrid>
        <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Text component="legend" fw={600} size="sm" mb="xs">
            {mv.t('editor.quotas')}
          </Text>
          <Stack gap="sm">
            {quotas.map((r, i) => (
              <Group key={r.key} align="flex-end" gap="xs">
                <TextInput
                  style={{ flex: '2 1 12rem' }}
                  label={mv.t('editor.quotaLabel', { n: i + 1 })}
                  placeholder={mv.t('content.quotaEvery')}
                  maxLength={500}
                  value={r.label}
                  onChange={(e) => setRow(r.key, { label: e.currentTarget.value })}
                />
                {(['collectives', 'individuals', 'total'] as const).map((field) => (
                  <NumberInput
                    key={field}
                    style={{ flex: '1 1 6rem' }}
                    label={mv.t(`editor.${field}`)}
                    min={0}
                    allowDecimal={false}
                    allowNegative={false}
                    value={r[field]}
                    onChange={(v) => setRow(r.key, { [field]: v })}
                  />
                ))}
                <Button
                  variant="subtle"
                  color="red"
                  aria-label={mv.t('editor.removeQuotaLabel', { n: i + 1 })}
                  onClick={() => setQuotas((rows) => rows.filter((x) => x.key !== r.key))}
                >
                  {mv.t('editor.remove')}
                </Button>
              </Group>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() => setQuotas((rows) => [...rows, { quota: null, key: crypto.randomUUID(), label: '', collectives: '', individuals: '', total: '' }])}
              >
                {mv.t('editor.addQuota')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField
            label={mv.t('editor.windowOpens')}
            clearable
            value={opens}
            onChange={setOpens}
            error={halfWindow && opens === '' ? mv.t('editor.windowBoth') : undefined}
          />
          <DateField
            label={mv.t('editor.windowCloses')}
            clearable
            value={closes}
            onChange={setCloses}
            error={halfWindow && closes === '' ? mv.t('editor.windowBoth') : undefined}
          />
        </SimpleGrid>
        <Textarea
          label={mv.t('content.dossier')}
          description={mv.t('editor.onePerLine')}
          autosize
          minRows={2}
          value={dossier}
          onChange={(e) => setDossier(e.currentTarget.value)}
        />
        <Textarea
          label={mv.t('content.priorities')}
          description={mv.t('editor.onePerLine')}
          autosize
          minRows={2}
          value={priorities}
          onChange={(e) => setPriorities(e.currentTarget.value)}
        />
        <Textarea
          label={mv.t('content.exclusions')}
          description={mv.t('editor.onePerLine')}
          autosize
          minRows={2}
          value={exclusions}
          onChange={(e) => setExclusions(e.currentTarget.value)}
        />
        <FormFooter
          error={update.error}
          busy={update.isPending}
          isNew={!award}
          disabled={!awardForm || recipients.length === 0 || halfWindow}
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
