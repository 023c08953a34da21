import { useState } from 'react';
import { Badge, Box, Button, Group, List, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { AppModal } from '../../app/AppModal.tsx';
import { ConfirmButton } from '../../app/ConfirmButton.tsx';
import { FormFooter } from '../../app/FormFooter.tsx';
import { AnchorLink } from '../../app/links.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { ErrorAlert } from '../../app/ErrorAlert.tsx';
import { useRemoveCandidate, useUpdateCandidate, useVerdict } from './api.ts';
import { CandidateStatusBadge, EligibilityBadge } from './StatusBadge.tsx';
import { StepDialog } from './StepDialog.tsx';
import { WithdrawButton } from './WithdrawButton.tsx';
import { nominationsTexts } from './text.ts';
import type { BatchDetail, Candidate, DocumentKind, Flag, Verdict } from './types.ts';
import { useTexts } from '../../i18n/texts.ts';

const DOCUMENT_KINDS: readonly DocumentKind[] = ['achievement_report', 'summary', 'proposal_letter', 'minutes', 'other'];

const FLAG_COLOURS: Record<Flag, string> = { awarded_this_year: 'orange', nominated_elsewhere: 'grape', not_eligible: 'red', needs_attestation: 'yellow' };

/** The candidates of a batch, with what the server says may be done to each by this user now. */
export function CandidatesTable({ detail }: { detail: BatchDetail }) {
  const { t } = useTexts(nominationsTexts);
  const { batch, candidates } = detail;
  const verdict = useVerdict(batch.id);
  // returning or rejecting always asks why; accepting asks only for a candidate the check flags (the server insists too)
  const [asking, setAsking] = useState<{ candidate: Candidate; verdict: Verdict } | null>(null);
  const [documentKind, setDocumentKind] = useState<DocumentKind | ''>('');
  const [editing, setEditing] = useState<Candidate | null>(null);

  const sentBefore = (c: Candidate) => detail.history.some((h) => h.candidateId === c.id && h.action === 'submit');

  if (candidates.length === 0) return <Text c="dimmed">{t('candidates.empty')}</Text>;
  return (
    <>
      <ErrorAlert error={verdict.error} />
      <ScrollTable minWidth={1100} label={t('candidates.tableLabel')}>
        <Table striped verticalSpacing="sm" aria-label={t('candidates.tableLabel')} data-testid="candidate-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('candidates.name')}</Table.Th>
              <Table.Th>{t('candidates.position')}</Table.Th>
              <Table.Th>{t('candidates.eligibility')}</Table.Th>
              <Table.Th>{t('candidates.flags')}</Table.Th>
              <Table.Th>{t('candidates.status')}</Table.Th>
              <Table.Th>{t('candidates.achievement')}</Table.Th>
              <Table.Th>{t('candidates.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {candidates.map((c) => (
              <Table.Tr key={c.id} data-testid={`candidate-row-${c.name}`} data-status={c.status}>
                <Table.Td>
                  <CandidateName candidate={c} />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{[c.position, c.unitName].filter(Boolean).join(' – ')}</Text>
                  {c.isLeader && <Badge size="sm" variant="outline" mt={4}>{t('candidates.leader')}</Badge>}
                </Table.Td>
                <Table.Td>
                  <Eligibility candidate={c} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {c.flags.map((f) => (
                      <Badge key={f} size="sm" color={FLAG_COLOURS[f]} variant={f === 'needs_attestation' ? 'filled' : 'light'} autoContrast data-flag={f}>
                        {t(`flags.${f}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <CandidateStatusBadge status={c.status} />
                  {c.note && (
                    <Text size="xs" mt={4} data-testid="candidate-note">
                      {t('candidates.note')}: {c.note}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td maw={320}>
                  <Text size="sm" lineClamp={4} style={{ whiteSpace: 'pre-line' }}>
                    {c.achievement}
                  </Text>
                  {batch.editable && (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      mt={4}
                      aria-label={t('candidates.editAchievementOf', { name: c.name })}
                      onClick={() => setEditing(c)}
                      data-testid={`candidate-edit-${c.name}`}
                    >
                      {t('candidates.editAchievement')}
                    </Button>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {c.actions.includes('accept') && (
                      <Button
                        size="compact-sm"
                        color="teal"
                        aria-label={t('candidates.verdict.acceptOf', { name: c.name })}
                        loading={verdict.isPending && verdict.variables?.candidateId === c.id}
                        onClick={() => (c.flags.includes('not_eligible')
                          ? setAsking({ candidate: c, verdict: 'accept' })
                          : verdict.mutate({ candidateId: c.id, verdict: 'accept', reason: '' }))}
                        data-testid={`candidate-verdict-accept-${c.name}`}
                      >
                        {t('candidates.verdict.accept')}
                      </Button>
                    )}
                    {c.actions.includes('return') && (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="orange.9"
                        // orange text on white falls short of 4.5:1 (axe); the border keeps the colour, the words a darker shade
                        c="#9a3d00"
                        aria-label={t('candidates.verdict.returnOf', { name: c.name })}
                        onClick={() => setAsking({ candidate: c, verdict: 'return' })}
                        data-testid={`candidate-verdict-return-${c.name}`}
                      >
                        {t('candidates.verdict.return')}
                      </Button>
                    )}
                    {c.actions.includes('reject') && (
                      <Button
                        size="compact-sm"
                        variant="outline"
                        color="red"
                        aria-label={t('candidates.verdict.rejectOf', { name: c.name })}
                        onClick={() => setAsking({ candidate: c, verdict: 'reject' })}
                        data-testid={`candidate-verdict-reject-${c.name}`}
                      >
                        {t('candidates.verdict.reject')}
                      </Button>
                    )}
                    {/* a draft never sent up is removed; one sent before (a recalled batch) is withdrawn, with a reason */}
                    {batch.editable && c.status === 'draft' && !sentBefore(c) && <RemoveButton batchId={batch.id} candidate={c} />}
                    {c.status === 'draft' && sentBefore(c) && c.actions.includes('withdraw') && <WithdrawButton batchId={batch.id} candidate={c} />}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <StepDialog
        opened={asking !== null}
        title={asking ? t(`candidates.verdict.${asking.verdict}Title`, { name: asking.candidate.name }) : ''}
        question={asking?.verdict === 'accept' ? t('candidates.verdict.acceptIneligible', { name: asking.candidate.name }) : undefined}
        confirmLabel={asking ? t(`candidates.verdict.${asking.verdict}`) : ''}
        withReason
        testId="candidate-verdict"
        onClose={() => {
          setAsking(null);
          setDocumentKind('');
        }}
        onConfirm={(reason) => verdict.mutateAsync({ candidateId: asking!.candidate.id, verdict: asking!.verdict, reason,
          documentKind: asking!.verdict === 'return' && documentKind ? documentKind : undefined })}
      >
        {asking?.verdict === 'return' && (
          <NativeSelect
            label={t('candidates.verdict.documentKind')}
            value={documentKind}
            onChange={(e) => setDocumentKind(e.currentTarget.value as DocumentKind | '')}
            data={[{ value: '', label: t('candidates.verdict.noDocument') },
              ...DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`dossier.kinds.${k}`) }))]}
            data-testid="candidate-verdict-document"
          />
        )}
      </StepDialog>
      <AppModal opened={editing !== null} onClose={() => setEditing(null)} title={editing ? t('candidates.editAchievementOf', { name: editing.name }) : ''} size="lg">
        {editing && <AchievementForm batchId={batch.id} candidate={editing} onDone={() => setEditing(null)} />}
      </AppModal>
    </>
  );
}

function CandidateName({ candidate: c }: { candidate: Candidate }) {
  const { t } = useTexts(nominationsTexts);
  if (c.kind === 'person') {
    return <AnchorLink to="/ca-nhan/$id" params={{ id: c.subjectId }} fw={600}>{c.name}</AnchorLink>;
  }
  return (
    <Stack gap={2}>
      {c.kind === 'collective' ? (
        <AnchorLink to="/to-chuc/$id" params={{ id: c.subjectId }} fw={600}>{c.name}</AnchorLink>
      ) : (
        <Text fw={600}>{c.name}</Text>
      )}
      <Text size="xs" c="dimmed">{t(c.kind === 'collective' ? 'candidates.collective' : 'candidates.household')}</Text>
    </Stack>
  );
}

/** The status in words, and why, folded away (a native disclosure, so keyboards and readers can open it). */
function Eligibility({ candidate: c }: { candidate: Candidate }) {
  const { t } = useTexts(nominationsTexts);
  const reasons = c.eligibility?.reasons ?? [];
  return (
    <Stack gap={4} data-testid="candidate-eligibility" data-status={c.eligibility?.status ?? 'none'}>
      <EligibilityBadge status={c.eligibility?.status ?? null} />
      {reasons.length > 0 && (
        <Box component="details" fz="xs">
          <Box component="summary" style={{ cursor: 'pointer' }}>
            {t('candidates.reasons', { count: reasons.length })}
          </Box>
          <List size="xs" withPadding>
            {reasons.map((r, i) => (
              <List.Item key={i}>{r}</List.Item>
            ))}
          </List>
        </Box>
      )}
    </Stack>
  );
}

function RemoveButton({ batchId, candidate }: { batchId: string; candidate: Candidate }) {
  const { t } = useTexts(nominationsTexts);
  const remove = useRemoveCandidate(batchId);
  return (
    <ConfirmButton
      size="compact-sm"
      variant="subtle"
      color="red"
      label={t('candidates.removeOf', { name: candidate.name })}
      question={t('candidates.removeQuestion', { name: candidate.name })}
      confirmLabel={t('candidates.remove')}
      onConfirm={() => remove.mutateAsync(candidate.id)}
      data-testid={`candidate-remove-${candidate.name}`}
    >
      {t('candidates.remove')}
    </ConfirmButton>
  );
}

function AchievementForm({ batchId, candidate, onDone }: { batchId: string; candidate: Candidate; onDone: () => void }) {
  const { t } = useTexts(nominationsTexts);
  const update = useUpdateCandidate(batchId);
  const [text, setText] = useState(candidate.achievement);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ candidateId: candidate.id, achievement: text, version: candidate.version }, { onSuccess: onDone });
      }}
    >
      <Stack>
        <Textarea
          label={t('candidates.achievement')}
          autosize
          minRows={6}
          maxLength={20_000}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          data-testid="candidate-achievement-input"
          data-autofocus
        />
        <FormFooter error={update.error} busy={update.isPending} onCancel={onDone} submitLabel={t('candidates.saveAchievement')} />
      </Stack>
    </form>
  );
}
