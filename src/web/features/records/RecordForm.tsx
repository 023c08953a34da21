import { useState, type FormEvent } from 'react';
import { NumberInput, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { AppSelect } from '../../app/AppSelect.tsx';
import { DateField } from '../../app/DateField.tsx';
import { currentYear } from '../../app/format.ts';
import { FormFooter } from '../../app/FormFooter.tsx';
import { focusFirstInvalid } from '../../app/forms.ts';
import { useAwardForms } from '../movements/api.ts';
import { useAddRecord } from './api.ts';
import {
  AWARD_BASES, DISCIPLINE_FORMS, INITIATIVE_KINDS, INITIATIVE_LEVELS, RATINGS, type RecordKind, type Subject,
} from './types.ts';
import { recordsTexts } from './text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';

type Draft = Record<string, string>;

const START: Record<RecordKind, Draft> = {
  ratings: { rating: '' },
  awards: { awardForm: '', basis: 'merit', reason: '', decisionNumber: '', decidedOn: '', decidedBy: '' },
  initiatives: { kind: 'initiative', title: '', level: '', recognisedOn: '', effect: '' },
  disciplines: { form: '', startsOn: '', endsOn: '', reason: '' },
};
const REQUIRED: Record<RecordKind, string[]> = {
  ratings: ['year', 'rating'],
  awards: ['year', 'awardForm', 'decisionNumber'],
  initiatives: ['year', 'title', 'level'],
  disciplines: ['form', 'startsOn'],
};
const WITH_YEAR: RecordKind[] = ['ratings', 'awards', 'initiatives'];
const WITH_SOURCE: RecordKind[] = ['ratings', 'initiatives', 'disciplines'];

const optional = (v: string | undefined) => (v && v.trim() !== '' ? v.trim() : undefined);

/** The request body for the kind; fields left empty are not sent. */
function bodyOf(kind: RecordKind, d: Draft): Record<string, unknown> {
  const source = WITH_SOURCE.includes(kind) && (optional(d.sourceNumber) || optional(d.sourceDate) || optional(d.sourceIssuer))
    ? { number: optional(d.sourceNumber), date: optional(d.sourceDate), issuer: optional(d.sourceIssuer) }
    : undefined;
  const year = WITH_YEAR.includes(kind) ? Number(d.year) : undefined;
  switch (kind) {
    case 'ratings':
      return { year, rating: d.rating, source };
    case 'awards':
      return { year, awardForm: d.awardForm, basis: d.basis, reason: optional(d.reason), decisionNumber: d.decisionNumber?.trim(),
        decidedOn: optional(d.decidedOn), decidedBy: optional(d.decidedBy) };
    case 'initiatives':
      return { year, kind: d.kind, title: d.title?.trim(), level: d.level, recognisedOn: optional(d.recognisedOn), effect: optional(d.effect), source };
    case 'disciplines':
      return { form: d.form, startsOn: d.startsOn, endsOn: optional(d.endsOn), reason: optional(d.reason), source };
  }
}

/** Add one entry of a kind to a person's or a collective's record. */
export function RecordForm({ subject, kind, onDone }: { subject: Subject; kind: RecordKind; onDone: () => void }) {
  const { t } = useTexts(recordsTexts);
  const { t: common } = useTexts(appTexts);
  const add = useAddRecord(subject, kind);
  const forms = useAwardForms();
  const [draft, setDraft] = useState<Draft>({ ...START[kind], year: String(currentYear()) });
  const [tried, setTried] = useState(false);
  const set = (key: string) => (value: string | null) => setDraft((d) => ({ ...d, [key]: value ?? '' }));
  const missing = (key: string) => (tried && REQUIRED[kind].includes(key) && !draft[key]?.trim() ? common('common.required') : undefined);
  const yearError = () => {
    const y = Number(draft.year);
    if (missing('year')) return missing('year');
    return tried && (!Number.isInteger(y) || y < 1975 || y > currentYear()) ? t('records.yearRange') : undefined;
  };
  const recipient = subject.kind === 'person' ? 'individual' : 'collective';
  const formOptions = (forms.data ?? [])
    .filter((f) => f.recipient === recipient || f.recipient === 'both')
    .map((f) => ({ value: f.code, label: f.name }));
  const options = <T extends string>(values: readonly T[], group: 'ratings' | 'disciplineForms' | 'initiativeLevels' | 'initiativeKinds' | 'bases') =>
    values.map((v) => ({ value: v, label: t(`records.${group}.${v}` as 'records.ratings.good') }));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    const form = e.currentTarget;
    const incomplete = REQUIRED[kind].some((k) => !draft[k]?.trim());
    const y = Number(draft.year);
    if (incomplete || (WITH_YEAR.includes(kind) && (!Number.isInteger(y) || y < 1975 || y > currentYear()))) {
      return focusFirstInvalid(form);
    }
    add.mutate(bodyOf(kind, draft), { onSuccess: onDone });
  };

  const f = (key: string) => `records.fields.${key}` as 'records.fields.year';
  return (
    <form onSubmit={submit} noValidate data-testid={`record-form-${kind}`}>
      <Stack>
        {kind === 'awards' && (
          <AppSelect label={t(f('awardForm'))} required searchable data={formOptions} value={draft.awardForm || null}
            onChange={set('awardForm')} error={missing('awardForm')} nothingFoundMessage={common('common.nothingFound')} />
        )}
        {kind === 'disciplines' && (
          <AppSelect label={t(f('form'))} required data={options(DISCIPLINE_FORMS, 'disciplineForms')} value={draft.form || null}
            onChange={set('form')} error={missing('form')} />
        )}
        {kind === 'initiatives' && (
          <>
            <AppSelect label={t(f('kind'))} required allowDeselect={false} data={options(INITIATIVE_KINDS, 'initiativeKinds')}
              value={draft.kind ?? null} onChange={set('kind')} />
            <Textarea label={t(f('title'))} required autosize minRows={2} value={draft.title} error={missing('title')}
              onChange={(e) => set('title')(e.currentTarget.value)} />
          </>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {WITH_YEAR.includes(kind) && (
            <NumberInput label={t(f('year'))} required min={1975} max={currentYear()} allowDecimal={false} allowNegative={false}
              value={draft.year} error={yearError()} onChange={(v) => set('year')(String(v))} />
          )}
          {kind === 'ratings' && (
            <AppSelect label={t(f('rating'))} required data={options(RATINGS, 'ratings')} value={draft.rating || null}
              onChange={set('rating')} error={missing('rating')} />
          )}
          {kind === 'awards' && (
            <AppSelect label={t(f('basis'))} required allowDeselect={false} data={options(AWARD_BASES, 'bases')}
              value={draft.basis ?? null} onChange={set('basis')} />
          )}
          {kind === 'initiatives' && (
            <>
              <AppSelect label={t(f('level'))} required data={options(INITIATIVE_LEVELS, 'initiativeLevels')}
                value={draft.level || null} onChange={set('level')} error={missing('level')} />
              <DateField label={t(f('recognisedOn'))} clearable value={draft.recognisedOn ?? ''} onChange={set('recognisedOn')} />
            </>
          )}
          {kind === 'disciplines' && (
            <>
              <DateField label={t(f('startsOn'))} required value={draft.startsOn ?? ''} onChange={set('startsOn')} error={missing('startsOn')} />
              <DateField label={t(f('endsOn'))} clearable value={draft.endsOn ?? ''} onChange={set('endsOn')} />
            </>
          )}
        </SimpleGrid>
        {kind === 'ratings' && <Text size="sm" c="dimmed">{t('records.ratingReplaces')}</Text>}
        {kind === 'awards' && (
          <>
            <Textarea label={t(f('reason'))} autosize minRows={2} value={draft.reason} onChange={(e) => set('reason')(e.currentTarget.value)} />
            <SimpleGrid cols={{ base: 1, xs: 2 }}>
              <TextInput label={t(f('decisionNumber'))} required value={draft.decisionNumber} error={missing('decisionNumber')}
                onChange={(e) => set('decisionNumber')(e.currentTarget.value)} />
              <DateField label={t(f('decidedOn'))} clearable value={draft.decidedOn ?? ''} onChange={set('decidedOn')} />
            </SimpleGrid>
            <TextInput label={t(f('decidedBy'))} value={draft.decidedBy} onChange={(e) => set('decidedBy')(e.currentTarget.value)} />
          </>
        )}
        {kind === 'initiatives' && (
          <Textarea label={t(f('effect'))} autosize minRows={2} value={draft.effect} onChange={(e) => set('effect')(e.currentTarget.value)} />
        )}
        {kind === 'disciplines' && (
          <Textarea label={t(f('disciplineReason'))} autosize minRows={2} value={draft.reason} onChange={(e) => set('reason')(e.currentTarget.value)} />
        )}
        {WITH_SOURCE.includes(kind) && (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <TextInput label={t(f('sourceNumber'))} value={draft.sourceNumber ?? ''} onChange={(e) => set('sourceNumber')(e.currentTarget.value)} />
            <DateField label={t(f('sourceDate'))} clearable value={draft.sourceDate ?? ''} onChange={set('sourceDate')} />
            <TextInput label={t(f('sourceIssuer'))} value={draft.sourceIssuer ?? ''} onChange={(e) => set('sourceIssuer')(e.currentTarget.value)} />
          </SimpleGrid>
        )}
        <FormFooter error={add.error} busy={add.isPending} onCancel={onDone} submitLabel={t(`records.add.${kind}`)} />
      </Stack>
    </form>
  );
}
