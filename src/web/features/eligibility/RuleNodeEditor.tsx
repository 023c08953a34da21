import { Button, Checkbox, Group, NumberInput, Paper, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { currentYear } from '../../app/format.ts';
import { AppSelect } from '../../app/AppSelect.tsx';
import { useTexts } from '../../i18n/texts.ts';
import { DISCIPLINE_FORMS, INITIATIVE_LEVELS, RATINGS, type Rule, type RuleType, type Years } from '../../../shared/rules.ts';
import { awardCatalogueTexts } from './catalogue-text.ts';

/**
 * A structured editor over the rule vocabulary (src/shared/rules.ts, the schema the server checks):
 * one box per criterion, nested for "all of" / "any of". Every field the vocabulary has is a control;
 * nothing is typed as JSON here.
 */
const INDIVIDUAL_TYPES: RuleType[] = ['all', 'any', 'rating', 'title', 'initiative', 'award', 'not_awarded', 'no_discipline', 'qualifies', 'attestation'];
const COLLECTIVE_TYPES: RuleType[] = [...INDIVIDUAL_TYPES, 'members_rated', 'members_titled', 'members_no_discipline'];

export interface FormOption { value: string; label: string }

export function newRule(type: RuleType, firstForm: string): Rule {
  switch (type) {
    case 'all': case 'any': return { type, rules: [{ type: 'rating', atLeast: 'good', years: { last: 1 } }] };
    case 'rating': return { type, atLeast: 'good', years: { last: 1 } };
    case 'title': return { type, awardForm: firstForm, years: { last: 1 } };
    case 'initiative': return { type, atLeast: 'base', years: { last: 1 } };
    case 'award': return { type, awardForm: firstForm, years: { last: 5 } };
    case 'not_awarded': return { type, years: { last: 1 } };
    case 'no_discipline': return { type, years: { last: 1 }, atLeast: 'reprimand' };
    case 'qualifies': return { type, awardForm: firstForm };
    case 'members_rated': return { type, atLeast: 'completed', percent: 100 };
    case 'members_titled': return { type, awardForm: firstForm, percent: 70 };
    case 'members_no_discipline': return { type, atLeast: 'warning' };
    case 'attestation': return { type, text: '' };
  }
}

interface Props {
  rule: Rule;
  onChange: (rule: Rule) => void;
  onRemove?: (() => void) | undefined;
  forms: FormOption[];
  recipient: 'individual' | 'collective';
  /** the field path the server names in its errors (rule.rules.0.atLeast) */
  path: string;
  depth?: number;
}

const num = (v: string | number) => (v === '' ? undefined : Number(v));

export function RuleNodeEditor({ rule, onChange, onRemove, forms, recipient, path, depth = 0 }: Props) {
  const { t, strings } = useTexts(awardCatalogueTexts);
  const types = recipient === 'collective' ? COLLECTIVE_TYPES : INDIVIDUAL_TYPES;
  const firstForm = forms[0]?.value ?? '';
  const set = (patch: Record<string, unknown>) => onChange({ ...rule, ...patch } as Rule);
  const formSelect = (value: string | undefined, allowAny = false) => (
    <AppSelect label={t('node.awardForm')} data={allowAny ? [{ value: '', label: t('node.anyForm') }, ...forms] : forms} searchable
      value={value ?? ''} onChange={(v) => set({ awardForm: v === '' || v === null ? undefined : v })} data-path={`${path}.awardForm`} />
  );
  const atLeast = (options: readonly string[], labels: Record<string, string>, value: string | undefined) => (
    <AppSelect label={t('node.atLeast')} data={options.map((o) => ({ value: o, label: labels[o] ?? o }))} value={value ?? null}
      onChange={(v) => v && set({ atLeast: v })} allowDeselect={false} data-path={`${path}.atLeast`} />
  );
  const min = (value: number | undefined, help = true) => (
    <NumberInput label={t('node.min')} description={help ? t('node.minHelp') : undefined} min={1} max={50} value={value ?? ''}
      onChange={(v) => set({ min: num(v) })} data-path={`${path}.min`} />
  );
  const years = (value: Years) => <YearsEditor years={value} onChange={(y) => set({ years: y })} path={`${path}.years`} />;

  let fields: React.ReactNode = null;
  switch (rule.type) {
    case 'all': case 'any':
      fields = (
        <Stack gap="xs" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
          {rule.rules.map((child, i) => (
            <RuleNodeEditor key={i} rule={child} forms={forms} recipient={recipient} path={`${path}.rules.${i}`} depth={depth + 1}
              onChange={(c) => set({ rules: rule.rules.map((r, j) => (j === i ? c : r)) })}
              onRemove={rule.rules.length > 1 ? () => set({ rules: rule.rules.filter((_, j) => j !== i) }) : undefined} />
          ))}
          <Group>
            <Button variant="light" size="compact-sm" onClick={() => set({ rules: [...rule.rules, newRule('rating', firstForm)] })} data-testid="add-criterion">
              {t('node.add')}
            </Button>
          </Group>
        </Stack>
      );
      break;
    case 'rating':
      fields = <Group grow align="flex-start">{atLeast(RATINGS, strings.node.ratings, rule.atLeast)}{years(rule.years)}{min(rule.min)}</Group>;
      break;
    case 'title':
      fields = <Group grow align="flex-start">{formSelect(rule.awardForm)}{years(rule.years)}{min(rule.min)}</Group>;
      break;
    case 'initiative':
      fields = <Group grow align="flex-start">{atLeast(INITIATIVE_LEVELS, strings.node.levels, rule.atLeast)}{years(rule.years)}{min(rule.min, false)}</Group>;
      break;
    case 'award':
      fields = <Group grow align="flex-start">{formSelect(rule.awardForm)}{years(rule.years)}{min(rule.min, false)}</Group>;
      break;
    case 'not_awarded':
      fields = <Group grow align="flex-start">{formSelect(rule.awardForm, true)}{years(rule.years)}</Group>;
      break;
    case 'no_discipline':
      fields = <Group grow align="flex-start">{atLeast(DISCIPLINE_FORMS, strings.node.disciplines, rule.atLeast ?? 'reprimand')}{years(rule.years)}</Group>;
      break;
    case 'qualifies':
      fields = formSelect(rule.awardForm);
      break;
    case 'members_rated':
      fields = (
        <Group grow align="flex-start">
          {atLeast(RATINGS, strings.node.ratings, rule.atLeast)}
          <NumberInput label={t('node.percent')} min={0} max={100} value={rule.percent} onChange={(v) => set({ percent: num(v) ?? 0 })} />
          <Checkbox mt="xl" label={t('node.strict')} checked={rule.strict ?? false} onChange={(e) => set({ strict: e.currentTarget.checked || undefined })} />
        </Group>
      );
      break;
    case 'members_titled':
      fields = (
        <Group grow align="flex-start">
          {formSelect(rule.awardForm)}
          <NumberInput label={t('node.percent')} min={0} max={100} value={rule.percent ?? ''} onChange={(v) => set({ percent: num(v) })} />
          {min(rule.min, false)}
        </Group>
      );
      break;
    case 'members_no_discipline':
      fields = atLeast(DISCIPLINE_FORMS, strings.node.disciplines, rule.atLeast);
      break;
    case 'attestation':
      fields = <TextInput label={t('node.text')} value={rule.text} onChange={(e) => set({ text: e.currentTarget.value })} data-path={`${path}.text`} />;
      break;
  }

  return (
    <Paper withBorder p="xs" data-testid="rule-node" data-depth={depth}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <AppSelect label={t('node.type')} data={types.map((type) => ({ value: type, label: strings.node.types[type] }))} value={rule.type} allowDeselect={false}
            onChange={(v) => v && v !== rule.type && onChange(newRule(v as RuleType, firstForm))} style={{ flex: 1 }} data-testid="criterion-type" />
          {onRemove && <Button variant="subtle" color="red" size="compact-sm" onClick={onRemove}>{t('node.remove')}</Button>}
        </Group>
        {fields}
      </Stack>
    </Paper>
  );
}

function YearsEditor({ years, onChange, path }: { years: Years; onChange: (y: Years) => void; path: string }) {
  const { t } = useTexts(awardCatalogueTexts);
  const absolute = 'from' in years;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>{t('node.years')}</Text>
      <SegmentedControl size="xs" value={absolute ? 'absolute' : 'relative'}
        data={[{ value: 'relative', label: t('node.relative') }, { value: 'absolute', label: t('node.absolute') }]}
        onChange={(v) => onChange(v === 'absolute' ? { from: currentYear() - 3, to: currentYear() - 1 } : { last: 1 })} />
      {'from' in years ? (
        <Group grow>
          <NumberInput label={t('node.from')} value={years.from} min={1945} max={2100} onChange={(v) => onChange({ from: Number(v), to: years.to })} data-path={`${path}.from`} />
          <NumberInput label={t('node.to')} value={years.to} min={1945} max={2100} onChange={(v) => onChange({ from: years.from, to: Number(v) })} data-path={`${path}.to`} />
        </Group>
      ) : (
        <Group grow>
          <NumberInput label={t('node.last')} description={t('node.lastHelp')} value={years.last ?? ''} min={1} max={50}
            onChange={(v) => onChange({ ...years, last: num(v) })} data-path={`${path}.last`} />
          <NumberInput label={t('node.before')} value={years.before ?? ''} min={0} max={50}
            onChange={(v) => onChange({ ...years, before: num(v) })} data-path={`${path}.before`} />
        </Group>
      )}
    </Stack>
  );
}
