import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { getRouteApi } from '@tanstack/react-router';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { Facts } from '../../app/Facts.tsx';
import { formatDate } from '../../app/format.ts';
import { AnchorLink, ButtonLink } from '../../app/links.tsx';
import { Crumbs, EXACT } from '../../app/Crumbs.tsx';
import { Loading } from '../../app/Loading.tsx';
import { usePageTitle } from '../../app/usePageTitle.ts';
import { reportDocxPath, useReport, useSaveReport, useSubmitReport } from './api.ts';
import { FiguresPanel } from './FiguresPanel.tsx';
import { HistoryList } from './HistoryList.tsx';
import { ReturnButton } from './ReturnButton.tsx';
import { ReportStatusBadge } from './StateBadge.tsx';
import { reportsTexts } from './text.ts';
import type { ReportView } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const route = getRouteApi('/_app/bao-cao/$phaseId/$organisationId');

/** /bao-cao/$phaseId/$organisationId: a unit's report — the outline's parts to write, figures, send, history. */
export function ReportPage() {
  const { t } = useTexts(reportsTexts);
  const { phaseId, organisationId } = route.useParams();
  const query = useReport(phaseId, organisationId);
  usePageTitle(query.data ? t('reportTitle', { unit: query.data.organisation.name }) : t('title'));
  if (query.isPending) return <Loading />;
  if (!query.data) return <ErrorAlert error={query.error} />;
  // a new state from the server (saved, sent, returned, started from the compilation) restarts the form from it
  return <ReportBody key={`${query.data.status}:${JSON.stringify(query.data.sections)}`} view={query.data} />;
}

function ReportBody({ view }: { view: ReportView }) {
  const { t } = useTexts(reportsTexts);
  const [sections, setSections] = useState<Record<string, string>>(view.sections);
  const [dirty, setDirty] = useState(false);
  const save = useSaveReport(view.phase.id, view.organisation.id);
  const submit = useSubmitReport(view.phase.id, view.organisation.id);
  const edit = (key: string, text: string) => {
    setSections((s) => ({ ...s, [key]: text }));
    setDirty(true);
  };
  const sendUp = async () => {
    if (view.can.edit && dirty) await save.mutateAsync(sections);
    await submit.mutateAsync();
  };
  return (
    <Stack>
      <Crumbs>
        <AnchorLink to="/bao-cao" activeOptions={EXACT}>{t('title')}</AnchorLink>
        {t('reportTitle', { unit: view.organisation.name })}
      </Crumbs>
      <div>
        <Title order={1} data-testid="report-title">{t('reportTitle', { unit: view.organisation.name })}</Title>
        <Group gap="xs" mt="xs">
          <ReportStatusBadge status={view.status} />
          {view.late && <Badge color="orange" variant="light">{t('lateBadge')}</Badge>}
        </Group>
      </div>
      <Facts items={[
        { label: t('movement'), value: view.movement.name },
        { label: t('phase'), value: view.phase.title },
        { label: t('receiving'), value: view.receiving.name },
        { label: t('dueOn'), value: view.phase.dueOn ? t('deadline', { date: formatDate(view.phase.dueOn) }) : '' },
      ]} />
      {view.status === 'returned' && view.returnedReason && (
        <Alert color="red" variant="light" title={t('returnedTitle')} data-testid="report-returned-reason">
          <Text style={{ whiteSpace: 'pre-wrap' }}>{view.returnedReason}</Text>
        </Alert>
      )}
      {view.status === 'submitted' && <Alert variant="light">{t('readOnly')}</Alert>}
      <Group>
        <Anchor href={reportDocxPath(view.phase.id, view.organisation.id)} download data-testid="report-docx">{t('docx')}</Anchor>
        {view.compilation && (
          <ButtonLink variant="light" to="/bao-cao/tong-hop/$phaseId/$organisationId"
            params={{ phaseId: view.compilation.phaseId, organisationId: view.organisation.id }} data-testid="report-compile">
            {t('compileLink', { count: view.compilation.units })}
          </ButtonLink>
        )}
      </Group>

      <Paper withBorder p="md" component="section" aria-labelledby="report-outline">
        <Title order={2} size="h3" id="report-outline" mb="sm">{t('outlineHeading')}</Title>
        <Stack>
          {view.phase.outline.map((section, i) => (
            <Stack key={i} gap="xs">
              <Title order={3} size="h4">{section.title}</Title>
              <Part label={t('sectionText', { section: section.title })} textKey={String(i)} value={sections[String(i)] ?? ''}
                editable={view.can.edit} onChange={edit} />
              {section.points.map((point, j) => (
                <Part key={j} label={point} textKey={`${i}.${j}`} value={sections[`${i}.${j}`] ?? ''} editable={view.can.edit} onChange={edit} />
              ))}
            </Stack>
          ))}
        </Stack>
      </Paper>

      <ErrorAlert error={save.error ?? submit.error} />
      {(view.can.edit || view.can.submit || view.can.return) && (
        <Group justify="flex-end">
          {view.can.edit && (
            <Button variant="default" loading={save.isPending} onClick={() => save.mutate(sections)} data-testid="report-save">
              {t('save')}
            </Button>
          )}
          {view.can.submit && (
            <ConfirmButton question={t('submitQuestion', { receiving: view.receiving.name })} confirmLabel={t('submit')} onConfirm={sendUp}
              data-testid="report-submit">
              {t('submit')}
            </ConfirmButton>
          )}
          {view.can.return && <ReturnButton phaseId={view.phase.id} organisationId={view.organisation.id} />}
        </Group>
      )}

      <Paper withBorder p="md" component="section" aria-labelledby="report-figures-heading">
        <Title order={2} size="h3" id="report-figures-heading" mb="sm">{t('figuresHeading')}</Title>
        <FiguresPanel figures={view.figures} names={view.awardFormNames} note={view.figuresFrozen ? 'figuresFrozen' : 'figuresLive'} />
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="report-history-heading">
        <Title order={2} size="h3" id="report-history-heading" mb="sm">{t('historyHeading')}</Title>
        <HistoryList history={view.history} />
      </Paper>
    </Stack>
  );
}

/** One text of the outline: a box while the report is being written, plain text once sent (never HTML). */
function Part({ label, textKey, value, editable, onChange }: {
  label: string; textKey: string; value: string; editable: boolean; onChange: (key: string, text: string) => void;
}) {
  const { t } = useTexts(reportsTexts);
  if (editable) {
    return <Textarea label={label} autosize minRows={2} maxRows={16} value={value} onChange={(e) => onChange(textKey, e.currentTarget.value)}
      data-testid={`report-text-${textKey}`} />;
  }
  return (
    <div>
      <Text fw={600} size="sm">{label}</Text>
      <Text style={{ whiteSpace: 'pre-wrap' }} c={value ? undefined : 'dimmed'} data-testid={`report-text-${textKey}`}>{value || t('empty')}</Text>
    </div>
  );
}
