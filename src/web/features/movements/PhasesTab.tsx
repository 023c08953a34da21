import { Group, List, Stack, Table, Text } from '@mantine/core';
import { formatDate } from '../../app/format.ts';
import { AnchorLink } from '../../app/links.tsx';
import { ScrollTable } from '../../app/ScrollTable.tsx';
import { useUpdateMovement } from './api.ts';
import { EditorButton, isEditable, ItemActions } from './editing.tsx';
import { PhaseForm, phaseInputs } from './PhaseForm.tsx';
import type { MovementDetail } from './types.ts';
import { reportsTexts } from '../reports/text.ts';
import { useTexts } from '../../i18n/texts.ts';
import { movementsTexts } from './text.ts';

export function PhasesTab({ movement }: { movement: MovementDetail }) {
  const mv = useTexts(movementsTexts);
  const reports = useTexts(reportsTexts);
  const update = useUpdateMovement(movement.id);
  const { phases } = movement;
  const editable = isEditable(movement);
  const dueFrom = (v: string) => (v === 'subordinates' || v === 'issuer' ? mv.t(`phases.dueFromValues.${v}`) : v);
  const add = editable && (
    <Group>
      <EditorButton
        variant="default"
        title={mv.t('editor.addPhaseTitle')}
        testId="movement-add-phase"
        form={(close) => <PhaseForm movement={movement} onDone={close} />}
      >
        {mv.t('editor.addPhase')}
      </EditorButton>
    </Group>
  );
  if (phases.length === 0) {
    return (
      <Stack>
        {add}
        <Text>{mv.t('phases.empty')}</Text>
      </Stack>
    );
  }
  return (
    <Stack>
      {add}
      <ScrollTable minWidth={760} label={mv.t('phases.caption')}>
        <Table striped aria-label={mv.t('phases.caption')} data-testid="movement-phases">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{mv.t('phases.title')}</Table.Th>
              <Table.Th scope="col">{mv.t('phases.from')}</Table.Th>
              <Table.Th scope="col">{mv.t('phases.due')}</Table.Th>
              <Table.Th scope="col">{mv.t('phases.dueFrom')}</Table.Th>
              <Table.Th scope="col">{mv.t('phases.outline')}</Table.Th>
              {editable && <Table.Th scope="col">{mv.t('editor.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {phases.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  {p.title}
                  {p.title !== mv.t(`phaseKinds.${p.kind}`) && (
                    <Text size="xs" c="dimmed">
                      {mv.t(`phaseKinds.${p.kind}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.startsOn)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(p.dueOn)}</Table.Td>
                <Table.Td>{dueFrom(p.dueFrom)}</Table.Td>
                <Table.Td>
                  {p.outline && p.outline.length > 0 && (
                    <List size="sm" type="ordered">
                      {p.outline.map((section, i) => (
                        <List.Item key={i}>
                          {section.title}
                          {section.points.length > 0 && (
                            <List size="sm" withPadding>
                              {section.points.map((point, j) => (
                                <List.Item key={j}>{point}</List.Item>
                              ))}
                            </List>
                          )}
                        </List.Item>
                      ))}
                    </List>
                  )}
                  {p.outline && p.outline.length > 0 && movement.status !== 'draft' && (
                    <AnchorLink to="/bao-cao" search={{ phase: p.id }} data-testid="movement-phase-reports">
                      {reports.t('phaseLink')}
                    </AnchorLink>
                  )}
                </Table.Td>
                {editable && (
                  <Table.Td>
                    <ItemActions
                      name={p.title}
                      editTitle={mv.t('editor.editPhaseTitle')}
                      form={(close) => <PhaseForm movement={movement} phase={p} onDone={close} />}
                      onRemove={() => update.mutateAsync({ phases: phaseInputs(phases.filter((x) => x.id !== p.id)) })}
                    />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Stack>
  );
}
