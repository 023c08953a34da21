import { useState, type FormEvent } from 'react';
import {
  Alert, Badge, Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title,
} from '@mantine/core';
import { ButtonLink } from '../../app/links.tsx';
import { AppModal } from '../../app/AppModal.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { api, ApiError } from '../../app/api.ts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { formatDate, todayIso } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';
import { useCatalogue } from './api.ts';
import {
  useDeleteForm, useForms, useReinstateForm, useRetireForm, useSaveForm, type CatalogueForm, type FormInput,
} from './catalogue-api.ts';
import { awardCatalogueTexts } from './catalogue-text.ts';

const GROUPS = ['emulation_title', 'emulation_flag', 'certificate', 'order', 'medal', 'honour_title', 'commemorative_medal', 'other'] as const;
const KINDS = ['individual', 'collective', 'household', 'community'] as const;
const LEVELS = ['state', 'government', 'ministry', 'province', 'commune', 'base'] as const;

/** "Danh mục khen thưởng": the shared statutory forms and the tenant's own, with procedure, money and retirement. */
export function AwardFormsPage() {
  const { t } = useTexts(awardCatalogueTexts);
  usePageTitle(t('forms.title'));
  const query = useForms();
  const catalogue = useCatalogue();
  const [editing, setEditing] = useState<CatalogueForm | 'new' | null>(null);
  const [retiring, setRetiring] = useState<CatalogueForm | null>(null);
  if (query.isPending || catalogue.isPending) return <Loading />;
  if (!query.data || !catalogue.data) return <ErrorAlert error={query.error ?? catalogue.error} />;
  const { items, canManage } = query.data;
  const bases = catalogue.data.legalBases;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('forms.title')}</Title>
        {canManage && <Button onClick={() => setEditing('new')} data-testid="add-form">{t('forms.add')}</Button>}
      </Group>
      <Text>{t('forms.intro')}</Text>
      <ScrollTable minWidth={1100} label={t('forms.caption')}>
        <Table striped aria-label={t('forms.caption')} data-testid="award-forms">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('forms.name')}</Table.Th>
              <Table.Th scope="col">{t('forms.group')}</Table.Th>
              <Table.Th scope="col">{t('forms.recipients')}</Table.Th>
              <Table.Th scope="col">{t('forms.level')}</Table.Th>
              <Table.Th scope="col">{t('forms.conferredBy')}</Table.Th>
              <Table.Th scope="col">{t('forms.procedure')}</Table.Th>
              <Table.Th scope="col">{t('forms.status')}</Table.Th>
              <Table.Th scope="col">{t('forms.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((f) => <FormRow key={f.code} form={f} canManage={canManage} onEdit={() => setEditing(f)} onRetire={() => setRetiring(f)} />)}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {editing !== null && (
        <FormModal form={editing === 'new' ? null : editing} bases={bases} onClose={() => setEditing(null)}
          onReloaded={(fresh) => setEditing(fresh)} reload={async () => (await query.refetch()).data?.items} />
      )}
      {retiring && <RetireModal form={retiring} onClose={() => setRetiring(null)} />}
    </Stack>
  );
}

function FormRow({ form: f, canManage, onEdit, onRetire }: { form: CatalogueForm; canManage: boolean; onEdit: () => void; onRetire: () => void }) {
  const { t, strings, lang } = useTexts(awardCatalogueTexts);
  const [procedureOpen, setProcedureOpen] = useState(false);
  const reinstate = useReinstateForm(f.code);
  const remove = useDeleteForm(f.code);
  const p = f.procedure;
  const procedure = t('forms.procedureSummary', {
    vote: p.councilVote ? `${t('forms.voteLabel')}${p.secretBallot ? ` (${t('forms.secretBallot').toLowerCase()})` : ''}` : t('forms.noVote'),
    threshold: p.thresholdPercent.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB'), of: strings.forms.thresholdOfs[p.thresholdOf],
    consultation: p.consultationDays ? t('forms.consultationSummary', { days: p.consultationDays }) : '',
  });
  return (
    <Table.Tr data-testid="award-form-row" data-code={f.displayCode}>
      <Table.Td>
        <Text fw={500}>{f.name}</Text>
        <Text size="xs" c="dimmed">{f.displayCode}{f.citation ? ` · ${f.citation}` : ''}</Text>
      </Table.Td>
      <Table.Td>{strings.forms.groups[f.group]}</Table.Td>
      <Table.Td>{f.recipientKinds.map((k) => strings.forms.recipientKinds[k]).join(', ')}</Table.Td>
      <Table.Td>{strings.forms.levels[f.level]}</Table.Td>
      <Table.Td>{f.conferredBy}</Table.Td>
      <Table.Td><Text size="sm">{procedure}</Text></Table.Td>
      <Table.Td>
        <Stack gap={4}>
          <Badge variant="light" color={f.shared ? 'gray' : 'blue'}>{f.shared ? t('forms.shared') : t('forms.own')}</Badge>
          {f.retiredOn
            ? <Badge variant="light" color="orange">{t('forms.retiredOn', { date: formatDate(f.retiredOn) })}</Badge>
            : <Badge variant="light" color="green">{t('forms.inUse')}</Badge>}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ButtonLink size="compact-sm" variant="subtle" to="/danh-muc-khen-thuong/$code/tieu-chuan" params={{ code: f.code }} data-testid="form-rules">{t('forms.rules')}</ButtonLink>
          {canManage && !f.shared && <Button size="compact-sm" variant="subtle" onClick={onEdit}>{t('forms.edit')}</Button>}
          {canManage && f.shared && <Button size="compact-sm" variant="subtle" onClick={() => setProcedureOpen(true)}>{t('forms.procedure')}</Button>}
          {canManage && (f.retiredOn
            ? <Button size="compact-sm" variant="subtle" onClick={() => reinstate.mutate()} loading={reinstate.isPending}>{t('forms.reinstate')}</Button>
            : <Button size="compact-sm" variant="subtle" color="orange" onClick={onRetire}>{t('forms.retire')}</Button>)}
          {canManage && !f.shared && (
            <ConfirmButton size="compact-sm" variant="subtle" color="red" question={t('forms.removeQuestion', { name: f.name })} confirmLabel={t('forms.remove')}
              onConfirm={() => remove.mutateAsync()}>{t('forms.remove')}</ConfirmButton>
          )}
        </Group>
        <ErrorAlert error={remove.error ?? reinstate.error} />
        {procedureOpen && <ProcedureModal form={f} onClose={() => setProcedureOpen(false)} />}
      </Table.Td>
    </Table.Tr>
  );
}

interface CoefficientRow { recipient: 'individual' | 'collective'; legalBasis: string; coefficient: number | string; citation: string }

type Draft = Omit<FormInput, 'coefficients'> & { coefficients: CoefficientRow[] };

function inputOf(form: CatalogueForm | null, currentBasis: string): Draft {
  if (!form) {
    return {
      code: '', name: '', group: 'certificate', recipientKinds: ['individual'], level: 'ministry', conferredBy: '', citation: '',
      procedure: { councilVote: false, secretBallot: false, thresholdPercent: 50.01, thresholdOf: 'members', consultationDays: null, citation: '' },
      coefficients: [{ recipient: 'individual', legalBasis: currentBasis, coefficient: '', citation: '' }],
    };
  }
  const { procedure: p } = form;
  return {
    code: form.displayCode, name: form.name, group: form.group, recipientKinds: form.recipientKinds, level: form.level, conferredBy: form.conferredBy,
    citation: form.citation,
    procedure: { councilVote: p.councilVote, secretBallot: p.secretBallot, thresholdPercent: p.thresholdPercent, thresholdOf: p.thresholdOf,
      consultationDays: p.consultationDays, citation: p.citation },
    coefficients: form.coefficients.map((c) => ({ recipient: c.recipient, legalBasis: c.legalBasis, coefficient: c.coefficient, citation: c.citation })),
  };
}

function FormModal({ form, bases, onClose, onReloaded, reload }: {
  form: CatalogueForm | null; bases: { code: string; shortName: string; effectiveTo: string | null }[]; onClose: () => void; onReloaded: (fresh: CatalogueForm) => void;
  reload: () => Promise<CatalogueForm[] | undefined>;
}) {
  const { t, strings } = useTexts(awardCatalogueTexts);
  const { t: common } = useTexts(appTexts);
  const currentBasis = bases.find((b) => b.effectiveTo === null)?.code ?? '';
  const save = useSaveForm(form?.code ?? null);
  const [value, setValue] = useState<Draft>(() => inputOf(form, currentBasis));
  const [tried, setTried] = useState(false);
  const set = (patch: Partial<Draft>) => setValue((v) => ({ ...v, ...patch }));
  const procedure = value.procedure!;
  const stale = save.error instanceof ApiError && save.error.status === 409 && save.error.code === 'catalogue.stale';
  const required = (ok: boolean) => (tried && !ok ? common('common.required') : undefined);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (!value.code || !value.name.trim() || !value.conferredBy.trim() || value.citation.trim().length < 3 || value.recipientKinds.length === 0) return;
    const body = {
      ...value,
      procedure: procedure.citation.trim().length >= 3 ? procedure : undefined,
      coefficients: value.coefficients.filter((c) => c.coefficient !== '').map((c) => ({ ...c, coefficient: Number(c.coefficient) })),
      ...(form ? { version: form.version } : {}),
    };
    save.mutate(body, { onSuccess: onClose });
  };
  const reloadLatest = async () => {
    const fresh = (await reload())?.find((f) => f.code === form?.code);
    save.reset();
    if (fresh) { setValue(inputOf(fresh, currentBasis)); onReloaded(fresh); }
  };

  return (
    <AppModal opened onClose={onClose} size="xl" title={form ? t('forms.editTitle', { name: form.name }) : t('forms.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('forms.code')} description={t('forms.codeHelp')} required value={value.code} onChange={(e) => set({ code: e.currentTarget.value.trim() })}
              error={required(value.code !== '')} data-testid="form-code" />
            <TextInput label={t('forms.name')} required value={value.name} onChange={(e) => set({ name: e.currentTarget.value })} error={required(value.name.trim() !== '')}
              data-testid="form-name" />
            <AppSelect label={t('forms.group')} value={value.group} allowDeselect={false} onChange={(v) => v && set({ group: v as FormInput['group'] })}
              data={GROUPS.map((g) => ({ value: g, label: strings.forms.groups[g] }))} data-testid="form-group" />
            <AppSelect label={t('forms.level')} value={value.level} allowDeselect={false} onChange={(v) => v && set({ level: v as FormInput['level'] })}
              data={LEVELS.map((l) => ({ value: l, label: strings.forms.levels[l] }))} />
            <TextInput label={t('forms.conferredBy')} required value={value.conferredBy} onChange={(e) => set({ conferredBy: e.currentTarget.value })}
              error={required(value.conferredBy.trim() !== '')} data-testid="form-conferred-by" />
            <TextInput label={t('forms.citation')} required value={value.citation} onChange={(e) => set({ citation: e.currentTarget.value })}
              error={required(value.citation.trim().length >= 3)} data-testid="form-citation" />
          </SimpleGrid>
          <Checkbox.Group label={t('forms.recipients')} required value={value.recipientKinds} onChange={(v) => set({ recipientKinds: v as FormInput['recipientKinds'] })}
            error={required(value.recipientKinds.length > 0)}>
            <Group mt={4}>{KINDS.map((k) => <Checkbox key={k} value={k} label={strings.forms.recipientKinds[k]} />)}</Group>
          </Checkbox.Group>

          <Paper withBorder p="sm">
            <Title order={3} size="h5" mb="xs">{t('forms.procedure')}</Title>
            <ProcedureFields value={procedure} onChange={(v) => set({ procedure: v })} />
          </Paper>

          <Paper withBorder p="sm">
            <Title order={3} size="h5" mb="xs">{t('forms.coefficients')}</Title>
            <Stack gap="xs">
              {value.coefficients.map((c, i) => {
                const setRow = (patch: Partial<CoefficientRow>) => set({ coefficients: value.coefficients.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
                return (
                  <Group key={i} align="flex-end" grow>
                    <AppSelect label={t('forms.recipient')} value={c.recipient} allowDeselect={false} onChange={(v) => v && setRow({ recipient: v as 'individual' | 'collective' })}
                      data={(['individual', 'collective'] as const).map((r) => ({ value: r, label: strings.forms.recipientKinds[r] }))} />
                    <AppSelect label={t('forms.legalBasis')} value={c.legalBasis} allowDeselect={false} onChange={(v) => v && setRow({ legalBasis: v })}
                      data={bases.map((b) => ({ value: b.code, label: b.shortName }))} />
                    <NumberInput label={t('forms.coefficient')} min={0} max={1000} decimalScale={2} decimalSeparator="," value={c.coefficient} onChange={(v) => setRow({ coefficient: v })}
                      data-testid="coefficient" />
                    <TextInput label={t('forms.citation')} value={c.citation} onChange={(e) => setRow({ citation: e.currentTarget.value })} data-testid="coefficient-citation" />
                    <Button variant="subtle" color="red" onClick={() => set({ coefficients: value.coefficients.filter((_, j) => j !== i) })}>{t('forms.removeCoefficient')}</Button>
                  </Group>
                );
              })}
              <Group>
                <Button variant="light" size="compact-sm" onClick={() => set({ coefficients: [...value.coefficients, { recipient: 'individual', legalBasis: currentBasis, coefficient: '', citation: '' }] })}>
                  {t('forms.addCoefficient')}
                </Button>
              </Group>
            </Stack>
          </Paper>

          {stale && (
            <Alert color="orange" title={t('forms.stale')} role="alert">
              <Stack gap="xs">
                <Text size="sm">{save.error?.message}</Text>
                <Group><Button variant="light" onClick={() => void reloadLatest()} data-testid="reload">{t('forms.reload')}</Button></Group>
              </Stack>
            </Alert>
          )}
          <Group justify="flex-end">
            {!stale && <ErrorAlert error={save.error} />}
            <Button variant="default" onClick={onClose}>{common('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="save-form">{common('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

function RetireModal({ form, onClose }: { form: CatalogueForm; onClose: () => void }) {
  const { t } = useTexts(awardCatalogueTexts);
  const { t: common } = useTexts(appTexts);
  const retire = useRetireForm(form.code);
  const [retiredOn, setRetiredOn] = useState(todayIso());
  const [citation, setCitation] = useState('');
  const [tried, setTried] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (!retiredOn || citation.trim().length < 3) return;
    retire.mutate({ retiredOn, citation: citation.trim() }, { onSuccess: onClose });
  };
  return (
    <AppModal opened onClose={onClose} title={t('forms.retireTitle', { name: form.name })}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('forms.retireHelp')}</Text>
          <DateField label={t('forms.retireDate')} required value={retiredOn} onChange={setRetiredOn} />
          <TextInput label={t('forms.retireCitation')} required value={citation} onChange={(e) => setCitation(e.currentTarget.value)}
            error={tried && citation.trim().length < 3 ? common('common.required') : undefined} />
          <ErrorAlert error={retire.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{common('common.cancel')}</Button>
            <Button type="submit" color="orange" loading={retire.isPending}>{t('forms.retire')}</Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

type ProcedureValue = NonNullable<FormInput['procedure']>;

function ProcedureFields({ value, onChange }: { value: ProcedureValue; onChange: (v: ProcedureValue) => void }) {
  const { t, strings } = useTexts(awardCatalogueTexts);
  const set = (patch: Partial<ProcedureValue>) => onChange({ ...value, ...patch });
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Checkbox label={t('forms.councilVote')} checked={value.councilVote} onChange={(e) => set({ councilVote: e.currentTarget.checked })} />
        <Checkbox label={t('forms.secretBallot')} checked={value.secretBallot} onChange={(e) => set({ secretBallot: e.currentTarget.checked })} />
        <Checkbox label={t('forms.consultation')} checked={value.consultationDays !== null}
          onChange={(e) => set({ consultationDays: e.currentTarget.checked ? 10 : null })} />
        <NumberInput label={t('forms.threshold')} suffix="%" min={1} max={100} decimalScale={2} decimalSeparator="," value={value.thresholdPercent}
          onChange={(v) => set({ thresholdPercent: Number(v) || 50.01 })} />
        <AppSelect label={t('forms.thresholdOf')} value={value.thresholdOf} allowDeselect={false}
          onChange={(v) => v && set({ thresholdOf: v as 'members' | 'present' })}
          data={(['members', 'present'] as const).map((o) => ({ value: o, label: strings.forms.thresholdOfs[o] }))} />
        {value.consultationDays !== null && (
          <NumberInput label={t('forms.consultationDays')} min={1} max={60} value={value.consultationDays}
            onChange={(v) => set({ consultationDays: Number(v) || 1 })} />
        )}
      </SimpleGrid>
      <TextInput mt="xs" label={t('forms.procedureCitation')} value={value.citation} onChange={(e) => set({ citation: e.currentTarget.value })} />
    </>
  );
}

/** How a shared form is decided here: the tenant's own setting (nominations' procedure route), citing its decision. */
function ProcedureModal({ form, onClose }: { form: CatalogueForm; onClose: () => void }) {
  const { t } = useTexts(awardCatalogueTexts);
  const { t: common } = useTexts(appTexts);
  const queryClient = useQueryClient();
  const { procedure: p } = form;
  const [value, setValue] = useState<ProcedureValue>({ councilVote: p.councilVote, secretBallot: p.secretBallot, thresholdPercent: p.thresholdPercent,
    thresholdOf: p.thresholdOf, consultationDays: p.consultationDays, citation: p.custom ? p.citation : '' });
  const save = useMutation({
    // the version of the setting this page showed (none while the default holds): a stale one answers 409 edit.stale
    mutationFn: () => api.put(`/api/nominations/procedures/${encodeURIComponent(form.code)}`, { ...value, version: p.version ?? undefined }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['catalogue-forms'] }), queryClient.invalidateQueries({ queryKey: ['procedures'] })]).then(onClose),
  });
  return (
    <AppModal opened onClose={onClose} size="lg" title={`${t('forms.procedure')}: ${form.name}`}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} noValidate>
        <Stack>
          <ProcedureFields value={value} onChange={setValue} />
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{common('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{common('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}
