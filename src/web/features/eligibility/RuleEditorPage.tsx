import { Fragment, useMemo, useState, type FormEvent } from 'react';
import {
  Alert, Badge, Button, Code, Group, List, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Tabs, Text, Textarea, TextInput, Title,
} from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { ButtonLink } from '../../app/links.tsx';
import { AppSelect } from '../../app/AppSelect.tsx';
import { ApiError } from '../../app/api.ts';
import { DateField } from '../../app/DateField.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { currentYear, formatDate, formatInstant, todayIso } from '../../app/format.ts';
import { Loading } from '../../app/Loading.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { useTexts } from '../../i18n/texts.ts';
import { appTexts } from '../../app/text.ts';
import { ruleSchema, type Rule } from '../../../shared/rules.ts';
import { useCatalogue } from './api.ts';
import { useForms, usePreview, useRuleHistory, useSaveRuleVersion, type PreviewInput, type RuleVersion } from './catalogue-api.ts';
import { awardCatalogueTexts } from './catalogue-text.ts';
import { newRule, RuleNodeEditor } from './RuleNodeEditor.tsx';

type Recipient = 'individual' | 'collective';
const route = getRouteApi('/_app/danh-muc-khen-thuong/$code/tieu-chuan');

/** The problems the shared schema finds in a draft, by field path, as the server would name them. */
function problemsOf(rule: unknown): { path: string; message: string }[] {
  const parsed = ruleSchema.safeParse(rule);
  if (parsed.success) return [];
  return parsed.error.issues.map((i) => ({ path: ['rule', ...i.path].join('.'), message: i.message }));
}

/** A form's eligibility rule: its versions, a structured editor (and JSON for experts), a preview, a cited save. */
export function RuleEditorPage() {
  const { code } = route.useParams();
  const { t } = useTexts(awardCatalogueTexts);
  const history = useRuleHistory(code);
  const forms = useForms();
  const catalogue = useCatalogue();
  usePageTitle(history.data ? t('rules.title', { name: history.data.form.name }) : t('forms.title'));
  if (history.isPending || forms.isPending || catalogue.isPending) return <Loading />;
  if (!history.data) return <ErrorAlert error={history.error} />;
  if (!forms.data || !catalogue.data) return <ErrorAlert error={forms.error ?? catalogue.error} />;
  const data = history.data;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('rules.title', { name: data.form.name })}</Title>
        <ButtonLink to="/danh-muc-khen-thuong" variant="subtle">{t('rules.back')}</ButtonLink>
      </Group>
      <Text>{t('rules.intro')}</Text>
      {data.recipients.length === 0
        ? <Alert color="gray">{t('rules.notJudged')}</Alert>
        : <Editor code={code} recipients={data.recipients} versions={data.versions} canManage={data.canManage}
            forms={forms.data.items.filter((f) => f.retiredOn === null || f.code === code).map((f) => ({ value: f.code, label: f.name }))}
            bases={catalogue.data.legalBases} onReload={() => void history.refetch()} />}
    </Stack>
  );
}

interface EditorProps {
  code: string; recipients: Recipient[]; versions: RuleVersion[]; canManage: boolean;
  forms: { value: string; label: string }[];
  bases: { code: string; shortName: string; effectiveFrom: string; effectiveTo: string | null }[];
  onReload: () => void;
}

function Editor({ code, recipients, versions, canManage, forms, bases, onReload }: EditorProps) {
  const { t, strings } = useTexts(awardCatalogueTexts);
  const inForce = bases.find((b) => b.effectiveTo === null) ?? bases.at(-1)!;
  const [recipient, setRecipient] = useState<Recipient>(recipients[0]!);
  const [basis, setBasis] = useState(inForce.code);
  const mine = versions.filter((v) => v.recipient === recipient && v.legalBasis === basis);
  const latest = mine[0] ?? null;
  return (
    <Stack>
      <Group align="flex-end">
        {recipients.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>{t('rules.recipient')}</Text>
            <SegmentedControl value={recipient} onChange={(v) => setRecipient(v as Recipient)}
              data={recipients.map((r) => ({ value: r, label: strings.forms.recipientKinds[r] }))} />
          </Stack>
        )}
        <AppSelect label={t('rules.legalBasis')} value={basis} onChange={(v) => v && setBasis(v)} allowDeselect={false}
          data={bases.map((b) => ({ value: b.code, label: b.shortName }))} />
      </Group>
      {/* a new recipient or basis, or a newer version after a reload, starts the draft afresh from the latest version */}
      <Drafting key={`${recipient}|${basis}|${latest?.version ?? 'none'}`} code={code} recipient={recipient} versions={mine} canManage={canManage}
        forms={forms} basis={bases.find((b) => b.code === basis)!} onReload={onReload} />
    </Stack>
  );
}

function Drafting({ code, recipient, versions, canManage, forms, basis, onReload }: {
  code: string; recipient: Recipient; versions: RuleVersion[]; canManage: boolean; forms: { value: string; label: string }[];
  basis: EditorProps['bases'][number]; onReload: () => void;
}) {
  const { t } = useTexts(awardCatalogueTexts);
  const latest = versions[0] ?? null;
  const [draft, setDraft] = useState<Rule>(latest?.rule ?? newRule('all', forms[0]?.value ?? ''));
  const problems = useMemo(() => problemsOf(draft), [draft]);
  return (
    <Stack>
      <Versions versions={versions} onEditFrom={(v) => { setDraft(v.rule); }} />
      {canManage && (
        <>
          <Paper withBorder p="md">
            <Title order={2} size="h3" mb="sm">{t('rules.editor')}</Title>
            {latest === null && <Text size="sm" c="dimmed" mb="xs">{t('rules.noRule')}</Text>}
            <Tabs defaultValue="structured" keepMounted={false}>
              <Tabs.List>
                <Tabs.Tab value="structured">{t('rules.structured')}</Tabs.Tab>
                <Tabs.Tab value="json" data-testid="json-tab">{t('rules.json')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="structured" pt="sm">
                <RuleNodeEditor rule={draft} onChange={setDraft} forms={forms} recipient={recipient} path="rule" />
              </Tabs.Panel>
              <Tabs.Panel value="json" pt="sm">
                <JsonEditor key={JSON.stringify(draft)} rule={draft} onApply={setDraft} />
              </Tabs.Panel>
            </Tabs>
            {problems.length === 0
              ? <Text size="sm" c="green" mt="xs" data-testid="rule-valid">{t('rules.valid')}</Text>
              : (
                <Alert color="orange" mt="xs" title={t('rules.invalid')} data-testid="rule-problems">
                  <List size="sm">{problems.map((p, i) => <List.Item key={i}><Code>{p.path}</Code>: {p.message}</List.Item>)}</List>
                </Alert>
              )}
          </Paper>
          <PreviewPanel code={code} recipient={recipient} rule={draft} disabled={problems.length > 0} />
          <SaveForm code={code} recipient={recipient} basis={basis} rule={draft} baseVersion={latest?.version ?? 0}
            disabled={problems.length > 0} onReload={onReload} />
        </>
      )}
    </Stack>
  );
}

function Versions({ versions, onEditFrom }: { versions: RuleVersion[]; onEditFrom: (v: RuleVersion) => void }) {
  const { t } = useTexts(awardCatalogueTexts);
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section aria-labelledby="rule-versions">
      <Title order={2} size="h3" id="rule-versions" mb="sm">{t('rules.versions')}</Title>
      <ScrollTable minWidth={720} label={t('rules.versionsCaption')}>
        <Table striped aria-label={t('rules.versionsCaption')} data-testid="rule-versions">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('rules.version')}</Table.Th>
              <Table.Th scope="col">{t('rules.validFrom')}</Table.Th>
              <Table.Th scope="col">{t('rules.citation')}</Table.Th>
              <Table.Th scope="col">{t('rules.author')}</Table.Th>
              <Table.Th scope="col">{t('rules.savedAt')}</Table.Th>
              <Table.Th scope="col" />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {versions.map((v) => (
              <Fragment key={v.version}>
                <Table.Tr>
                  <Table.Td>{v.shared ? <Badge variant="light" color="gray">{t('rules.sharedDefault')}</Badge> : v.version}</Table.Td>
                  <Table.Td>{v.validFrom ? formatDate(v.validFrom) : t('rules.always')}</Table.Td>
                  <Table.Td>{v.article ? `${v.citation}, ${v.article}` : v.citation}</Table.Td>
                  <Table.Td>{v.author ?? ''}</Table.Td>
                  <Table.Td>{v.createdAt ? formatInstant(v.createdAt) : ''}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="compact-sm" variant="subtle" onClick={() => setOpen(open === v.version ? null : v.version)}>{t('rules.view')}</Button>
                      <Button size="compact-sm" variant="subtle" onClick={() => onEditFrom(v)}>{t('rules.editFrom')}</Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {open === v.version && (
                  <Table.Tr>
                    <Table.Td colSpan={6}><Code block>{JSON.stringify(v.rule, null, 2)}</Code></Table.Td>
                  </Table.Tr>
                )}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </section>
  );
}

function JsonEditor({ rule, onApply }: { rule: Rule; onApply: (rule: Rule) => void }) {
  const { t } = useTexts(awardCatalogueTexts);
  const [text, setText] = useState(JSON.stringify(rule, null, 2));
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    try {
      const parsed = JSON.parse(text) as unknown;
      const checked = ruleSchema.safeParse(parsed);
      if (!checked.success) {
        setError(checked.error.issues.map((i) => `${['rule', ...i.path].join('.')}: ${i.message}`).join('; '));
        return;
      }
      setError(null);
      onApply(checked.data);
    } catch (e) {
      setError(t('rules.jsonInvalid', { message: (e as Error).message }));
    }
  };
  return (
    <Stack gap="xs">
      <Textarea autosize minRows={8} maxRows={24} value={text} onChange={(e) => setText(e.currentTarget.value)} styles={{ input: { fontFamily: 'monospace' } }}
        aria-label={t('rules.json')} data-testid="rule-json" />
      {error && <Alert color="red" role="alert">{error}</Alert>}
      <Group><Button variant="light" onClick={apply}>{t('rules.jsonApply')}</Button></Group>
    </Stack>
  );
}

function PreviewPanel({ code, recipient, rule, disabled }: { code: string; recipient: Recipient; rule: Rule; disabled: boolean }) {
  const { t, strings } = useTexts(awardCatalogueTexts);
  const [year, setYear] = useState<number>(currentYear() - 1);
  const [page, setPage] = useState(1);
  const [input, setInput] = useState<PreviewInput | null>(null);
  const preview = usePreview(code, input);
  const run = (p = 1) => { setPage(p); setInput({ recipient, year, rule, page: p, pageSize: 20 }); };
  const data = preview.data;
  const status = (s: 'met' | 'attest' | 'unmet') => strings.rules.statuses[s];
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3" mb="xs">{t('rules.preview')}</Title>
      <Text size="sm" mb="sm">{t('rules.previewHelp')}</Text>
      <Group align="flex-end">
        <NumberInput label={t('rules.year')} value={year} min={1990} max={2100} onChange={(v) => setYear(Number(v))} w={140} data-testid="preview-year" />
        <Button onClick={() => run(1)} disabled={disabled} loading={preview.isFetching} data-testid="run-preview">{t('rules.runPreview')}</Button>
      </Group>
      <ErrorAlert error={preview.error} />
      {data && (
        <Stack mt="md" data-testid="preview-result">
          <Text size="sm">{t('rules.total', { count: data.total, unit: data.organisation.name })}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Paper withBorder p="sm">
              <Text fw={600}>{t('rules.currentRule')}{data.current ? ` (${data.current.version === 0 ? t('rules.sharedDefault') : `${t('rules.version')} ${data.current.version}`})` : ''}</Text>
              <Text data-testid="current-met">{t('rules.met', { count: data.counts.current.met })}</Text>
              <Text size="sm">{t('rules.attest', { count: data.counts.current.attest })}</Text>
            </Paper>
            <Paper withBorder p="sm">
              <Text fw={600}>{t('rules.draftRule')}</Text>
              <Text data-testid="draft-met">{t('rules.met', { count: data.counts.draft.met })}</Text>
              <Text size="sm">{t('rules.attest', { count: data.counts.draft.attest })}</Text>
            </Paper>
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(['gains', 'losses'] as const).map((kind) => (
              <section key={kind} aria-label={t(`rules.${kind}`, { count: data.counts[kind] })} data-testid={`preview-${kind}`}>
                <Text fw={600} c={kind === 'gains' ? 'green' : 'red'}>{t(`rules.${kind}`, { count: data.counts[kind] })}</Text>
                {data[kind].length === 0 ? <Text size="sm">{t('rules.none')}</Text> : (
                  <List size="sm">
                    {data[kind].map((p) => (
                      <List.Item key={p.id}>{p.name} — {t('rules.change', { from: status(p.current), to: status(p.draft) })}</List.Item>
                    ))}
                  </List>
                )}
              </section>
            ))}
          </SimpleGrid>
          {(data.counts.gains > data.pageSize || data.counts.losses > data.pageSize) && (
            <Group>
              <Button variant="subtle" disabled={page <= 1} onClick={() => run(page - 1)}>{t('rules.previous')}</Button>
              <Button variant="subtle" disabled={page * data.pageSize >= Math.max(data.counts.gains, data.counts.losses)} onClick={() => run(page + 1)}>{t('rules.more')}</Button>
            </Group>
          )}
        </Stack>
      )}
    </Paper>
  );
}

function SaveForm({ code, recipient, basis, rule, baseVersion, disabled, onReload }: {
  code: string; recipient: Recipient; basis: { code: string; effectiveFrom: string; effectiveTo: string | null }; rule: Rule; baseVersion: number;
  disabled: boolean; onReload: () => void;
}) {
  const { t } = useTexts(awardCatalogueTexts);
  const { t: common } = useTexts(appTexts);
  const save = useSaveRuleVersion(code);
  const today = todayIso();
  const [validFrom, setValidFrom] = useState<string>(basis.effectiveTo === null && today > basis.effectiveFrom ? today : basis.effectiveFrom);
  const [citation, setCitation] = useState('');
  const [article, setArticle] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const stale = save.error instanceof ApiError && save.error.status === 409;
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (!validFrom || citation.trim().length < 3 || article.trim() === '') return;
    save.mutate({ recipient, legalBasis: basis.code, validFrom, rule, citation: citation.trim(), article: article.trim(), note: note.trim() || undefined, baseVersion },
      { onSuccess: (r) => { setSaved(r.version); setTried(false); } });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} noValidate>
      <Title order={2} size="h3" mb="sm">{t('rules.saveTitle')}</Title>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateField label={t('rules.validFrom')} required value={validFrom} onChange={setValidFrom} error={tried && !validFrom ? common('common.required') : undefined} />
          <TextInput label={t('rules.citation')} description={t('rules.citationHelp')} required value={citation} onChange={(e) => setCitation(e.currentTarget.value)}
            error={tried && citation.trim().length < 3 ? common('common.required') : undefined} data-testid="rule-citation" />
          <TextInput label={t('rules.article')} required value={article} onChange={(e) => setArticle(e.currentTarget.value)}
            error={tried && article.trim() === '' ? common('common.required') : undefined} data-testid="rule-article" />
        </SimpleGrid>
        <TextInput label={t('rules.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
        {stale ? (
          <Alert color="orange" title={t('forms.stale')} role="alert">
            <Stack gap="xs">
              <Text size="sm">{save.error?.message}</Text>
              <Group><Button variant="light" onClick={() => { save.reset(); onReload(); }} data-testid="reload">{t('forms.reload')}</Button></Group>
            </Stack>
          </Alert>
        ) : <ErrorAlert error={save.error} />}
        {saved !== null && !save.error && <Alert color="green" role="status">{t('rules.saved', { version: saved })}</Alert>}
        <Group><Button type="submit" loading={save.isPending} disabled={disabled} data-testid="save-rule">{t('rules.save')}</Button></Group>
      </Stack>
    </Paper>
  );
}
